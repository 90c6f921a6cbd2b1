import type { Predikat, Rating, RulePack } from '../domain/rulepack';
import { RATINGS } from '../domain/rulepack';
import { useT } from '../i18n/i18n';

/**
 * The predikat is never typed: it is read from the pack's matrix. The 3×3 matrix is shown with
 * the chosen cell marked so the appraiser (and the employee) can see why.
 */
export function PredikatExplained({ pack, hasil, perilaku, predikat }: { pack: RulePack; hasil: Rating | ''; perilaku: Rating | ''; predikat: Predikat | '' }) {
  const t = useT();
  return (
    <section className="card predikat-card" data-testid="predikat">
      <h2>{t('eval.predikat')}</h2>
      {predikat && hasil && perilaku ? (
        <>
          <p className="predikat-value" data-testid="predikat-value">
            {pack.predikatLabels[predikat]}
          </p>
          <p data-testid="predikat-why">
            {t('eval.predikat.why', {
              hasil: pack.ratingLabels[hasil],
              perilaku: pack.ratingLabels[perilaku],
              predikat: pack.predikatLabels[predikat],
              pack: pack.nama,
              version: pack.version,
            })}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="predikat-value">
          {t('eval.predikat.pending')}
        </p>
      )}
      <MatrixTable pack={pack} hasil={hasil} perilaku={perilaku} />
    </section>
  );
}

/** The pack's 3×3 matrix: rating hasil kerja down, rating perilaku kerja across (§6.2). */
export function MatrixTable({ pack, hasil = '', perilaku = '' }: { pack: RulePack; hasil?: Rating | ''; perilaku?: Rating | '' }) {
  const t = useT();
  return (
    <table className="matrix-table" aria-label={t('eval.matrix')}>
        <thead>
          <tr>
            <th>{t('eval.matrix.corner')}</th>
            {[...RATINGS].reverse().map((p) => (
              <th key={p} scope="col">
                {pack.ratingLabels[p]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RATINGS.map((h) => (
            <tr key={h}>
              <th scope="row">{pack.ratingLabels[h]}</th>
              {[...RATINGS].reverse().map((p) => (
                <td key={p} className={h === hasil && p === perilaku ? 'chosen' : ''}>
                  {pack.predikatLabels[pack.matrix[h][p]]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
  );
}
