import type { LembarPreview } from '../../jobs/importProtocol';
import { useT } from '../../i18n/i18n';
import { DistributionWarnings } from '../../components/DistributionWarnings';
import { groupTitle } from '../../components/evalText';
import { useActivePack } from '../../components/usePenilaianData';

/** Before a lembar penilaian is imported: the predikat each rating pair gives, and each unit's spread after it. */
export function LembarEffect({ lembar }: { lembar: LembarPreview }) {
  const t = useT();
  const pack = useActivePack();
  return (
    <div data-testid="import-lembar">
      <h3>{t('import.lembar.predikat')}</h3>
      <table className="error-table" data-testid="import-predikat">
        <tbody>
          {lembar.predikat.map((p, i) => (
            <tr key={i}>
              <td>{p.nama}</td>
              <td>
                {p.predikat && p.ratingHasil && p.ratingPerilaku
                  ? `${pack.ratingLabels[p.ratingHasil]} × ${pack.ratingLabels[p.ratingPerilaku]} → ${pack.predikatLabels[p.predikat]}`
                  : t('import.lembar.noPredikat')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lembar.distribution.map((d) => (
        <div key={d.unitName} data-testid="import-distribution">
          <h3>{t('import.lembar.distribution', { unit: groupTitle(t, d.unitName, d.office) })}</h3>
          {!d.capaian ? <p className="muted">{t('dist.capaian.missing')}</p> : null}
          {d.warnings.length > 0 ? (
            <DistributionWarnings pack={pack} capaian={d.capaian} warnings={d.warnings} note={t('import.lembar.warnOnly')} />
          ) : d.capaian && d.rated > 0 ? (
            <p className="ok-text">{t('dist.ok')}</p>
          ) : null}
        </div>
      ))}
    </div>
  );
}
