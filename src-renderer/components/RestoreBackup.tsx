import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { foldText } from '../domain/pegawai';
import { errorMessage } from '../app/errors';
import { formatDateTime } from '../app/format';
import type { VerifiedBackup } from '../db/backupRepo';
import type { DataStore } from '../db/store';
import { useT } from '../i18n/i18n';
import { getPlatform } from '../platform/platform';
import { Notice } from './Field';
import { useBusyAction } from './useBusyAction';

const FILTERS = [{ name: 'Cadangan Kinerja Luring (ZIP)', extensions: ['zip'] }];
/** A year of a large office with attachments stays well below this. */
const MAX_BACKUP_BYTES = 1024 ** 3;

/**
 * "Pulihkan dari cadangan": pick the file, verify it entirely, show what it holds and what it
 * replaces, and only on "Ya, pulihkan" write it (with a safety snapshot), then reload the app.
 * Used in Pengaturan and on the first-run screen of a fresh installation.
 */
export function RestoreBackup({ store, replaces }: { store: DataStore; replaces: Record<string, number> | null }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState<VerifiedBackup | null>(null);
  const [done, setDone] = useState(false);
  const { busy, run } = useBusyAction((err) => setError(errorMessage(t, err)));
  // Whose data is on this computer now: another office's backup needs that office's name typed.
  const current = useLiveQuery(() => store.settings.getProfile(), [store]);
  const [typed, setTyped] = useState('');

  const pick = () =>
    run(async () => {
      setError(null);
      const res = await getPlatform().openFile({ title: t('backup.restore'), filters: FILTERS, maxBytes: MAX_BACKUP_BYTES });
      if (res.status !== 'ok') return;
      setVerified(await store.backups.inspect(res.bytes));
    });
  const confirm = (backup: VerifiedBackup) =>
    run(async () => {
      await store.backups.restore(backup, { officeName: typed });
      setVerified(null);
      setDone(true);
      // Every screen re-reads from the restored tables under the new installation id.
      setTimeout(() => window.location.reload(), 1200);
    });

  const m = verified?.manifest;
  const count = (table: string) => m?.tables[table]?.count ?? 0;
  const here = current?.office;
  const foreign = !!(m?.office && here && m.office.id !== here.id);
  const nameOk = !foreign || foldText(typed) === foldText(m?.office?.namaKantor ?? '');
  return (
    <div className="restore-backup">
      {!verified && !done ? (
        <button type="button" disabled={busy} onClick={() => void pick()}>
          {busy ? t('backup.restoring') : t('backup.restore')}
        </button>
      ) : null}
      {m && verified ? (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby="restore-title" data-testid="restore-confirm">
          <p id="restore-title">
            <strong>{t('backup.confirm.title')}</strong>
          </p>
          <p>
            {t('backup.confirm.from', {
              kantor: m.office?.namaKantor ?? '-',
              tanggal: formatDateTime(m.createdAt, 'long'),
              version: m.appVersion,
            })}
          </p>
          <p>{t('backup.confirm.contents', { pegawai: count('employees'), skp: count('skps'), evaluasi: count('evaluations'), lampiran: count('attachments') })}</p>
          <p data-testid="restore-audit">
            {verified.audit === null
              ? t('backup.confirm.auditOld')
              : verified.audit.ok
                ? t('backup.confirm.auditOk', { count: verified.audit.count })
                : t('backup.confirm.auditBroken', { seq: 'seq' in verified.audit.broken ? verified.audit.broken.seq : '?' })}
          </p>
          {replaces ? <p>{t('backup.confirm.replace', { pegawai: replaces.employees ?? 0, skp: replaces.skps ?? 0, evaluasi: replaces.evaluations ?? 0 })}</p> : null}
          {foreign ? (
            <div data-testid="restore-other-office">
              <p>
                <strong>{t('backup.confirm.otherOffice', { kantor: m.office!.namaKantor, ini: here!.namaKantor })}</strong>
              </p>
              <label className="field">
                <span>{t('backup.confirm.typeName', { kantor: m.office!.namaKantor })}</span>
                <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
              </label>
            </div>
          ) : null}
          <div className="toolbar">
            <button type="button" className="primary" disabled={busy || !nameOk} onClick={() => void confirm(verified)}>
              {busy ? t('backup.restoring') : t('backup.confirm.ok')}
            </button>
            <button type="button" disabled={busy} onClick={() => setVerified(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {done ? <Notice kind="success">{t('backup.restored')}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </div>
  );
}
