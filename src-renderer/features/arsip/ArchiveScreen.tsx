import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '../../components/format';
import { navigate } from '../../components/router';
import { AppContextProvider } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { useGateLoading } from '../../components/LoadGate';
import { useT, type Translate } from '../../i18n/i18n';
import type { ArchiveSummary } from '../../jobs/backupProtocol';
import { closeArchive, useOpenArchive } from '../../components/openArchive';

function signerLine(t: Translate, s: ArchiveSummary): string {
  const tanggal = formatDateTime(s.manifest.createdAt, 'long');
  if (s.signer.kind === 'verified') return s.signer.self ? t('archive.view.signed.self', { tanggal }) : t('archive.view.signed.peer', { nama: s.signer.nama, tanggal });
  return t('archive.view.signed.unknown', { code: s.signer.kind === 'unknown' ? s.signer.code : '—' });
}

/**
 * #/arsip: the archive opened from Pengaturan, read-only (its database refuses every write but its
 * print log), with Cetak over the archived year: the forms print as they did, with the same codes.
 * The router passes Cetak in as `children` (features never import each other); it renders inside
 * the archive's store.
 */
export function ArchiveScreen({ children }: { children: ReactNode }) {
  const t = useT();
  const open = useOpenArchive();
  const profile = useLiveQuery(async () => (open ? await open.store.settings.getProfile() : null), [open]);
  useGateLoading(profile === undefined);
  if (!open || profile === null) return <Notice kind="info">{t('archive.view.none')}</Notice>;
  if (!profile) return null;
  const { summary } = open;
  const close = () => {
    closeArchive();
    navigate('pengaturan');
  };
  return (
    <div className="stack" data-testid="archive-view">
      <section className="card stack" aria-label={t('archive.title')}>
        <h1>{t('archive.view.title', { year: summary.year, kantor: summary.manifest.office?.namaKantor ?? profile.office.namaKantor })}</h1>
        <Notice kind="info">{t('archive.view.readOnly')}</Notice>
        <p data-testid="archive-signer">{signerLine(t, summary)}</p>
        <p>{t('archive.view.counts', { employees: summary.counts.employees ?? 0, skps: summary.counts.skps ?? 0, evaluations: summary.counts.evaluations ?? 0 })}</p>
        <div className="toolbar">
          <button type="button" onClick={close}>
            {t('archive.view.close')}
          </button>
        </div>
      </section>
      <AppContextProvider value={{ store: open.store, profile }}>
        {children}
      </AppContextProvider>
    </div>
  );
}
