import type { SkippedDoc } from '../../print/batch';
import { useT } from '../../i18n/i18n';

/** The documents a batch left out and why: the rest printed, nothing is dropped silently. */
export function SkippedList({ skipped }: { skipped: readonly SkippedDoc[] }) {
  const t = useT();
  if (skipped.length === 0) return null;
  return (
    <div className="notice notice-error" data-testid="cetak-skipped" role="alert">
      <p>{t('cetak.skipped', { n: skipped.length })}</p>
      <ul>
        {skipped.map((s) => (
          <li key={s.record.code}>{t(`cetak.skipped.${s.reason}`, { title: s.record.title, nama: s.record.ownerNama, detail: s.detail })}</li>
        ))}
      </ul>
    </div>
  );
}
