import { formatNip } from '../domain/nip';
import type { PersonSnapshot } from '../domain/skp';
import { useT } from '../i18n/i18n';

/** One identity block as on the forms: nama, NIP, pangkat, jabatan, unit kerja (from the snapshot). */
export function Identity({ title, p, empty }: { title: string; p: PersonSnapshot | null; empty?: string }) {
  const t = useT();
  return (
    <section>
      <h3>{title}</h3>
      {p ? (
        <dl>
          <dt>{t('skp.id.nama')}</dt>
          <dd>{p.nama}</dd>
          <dt>{t('skp.id.nip')}</dt>
          <dd className="mono">{formatNip(p.nip)}</dd>
          <dt>{t('skp.id.pangkat')}</dt>
          <dd>{p.pangkat}</dd>
          <dt>{t('skp.id.jabatan')}</dt>
          <dd>{p.jabatan}</dd>
          <dt>{t('skp.id.unit')}</dt>
          <dd>{p.unit}</dd>
        </dl>
      ) : (
        <p className="muted-warn">{empty}</p>
      )}
    </section>
  );
}
