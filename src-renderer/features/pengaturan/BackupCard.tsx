import { useLiveQuery } from 'dexie-react-hooks';
import { useGateLoading } from '../../components/LoadGate';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { safeFileName } from '../../domain/fileNames';
import { BACKUP_REQUEST_EVENT, takeBackupRequest } from '../../components/shortcuts';
import { useApp } from '../../components/StoreContext';
import { Notice } from '../../components/Field';
import { RestoreBackup } from '../../components/RestoreBackup';
import { BackupProgress } from '../../components/BackupProgress';
import { BackupSession, type BackupProgressEvent } from '../../jobs/backupClient';
import { useT } from '../../i18n/i18n';
import { getPlatform } from '../../platform/platform';

/** "Cadangan Kinerja Luring Kecamatan Curug 2026-12-01.zip" */
export function backupFileName(namaKantor: string, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  return safeFileName(`Cadangan Kinerja Luring ${namaKantor} ${day}.zip`);
}

/** "850 KB", "12,3 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 ** 2) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('id-ID')} KB`;
  return `${(bytes / 1024 ** 2).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/** Pengaturan › Cadangan data: the whole installation to one file, and back. */
export function BackupCard() {
  const t = useT();
  const { store, profile } = useApp();
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const counts = useLiveQuery(() => store.backups.counts(), [store]);
  const prefs = useLiveQuery(() => store.backups.backupSettings(), [store]);
  useGateLoading(counts === undefined || prefs === undefined);
  const [progress, setProgress] = useState<BackupProgressEvent | null>(null);
  const session = useRef<BackupSession | null>(null);
  const busy = progress !== null;
  useEffect(() => () => session.current?.close(), []);

  const stop = () => {
    session.current?.close();
    session.current = null;
    setProgress(null);
  };
  // Made in the backup worker (issue #27): the window keeps painting, Batal stops it.
  const create = async () => {
    if (session.current) return;
    setMsg(null);
    const s = new BackupSession(store.db.name, setProgress);
    session.current = s;
    setProgress({ type: 'progress', stage: 'pack', done: 0, total: 1 });
    const started = performance.now();
    try {
      const { bytes } = await s.create();
      if (session.current !== s) return;
      stop();
      const seconds = Math.max(0.1, (performance.now() - started) / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 });
      const file = backupFileName(profile.office.namaKantor, new Date());
      const res = await getPlatform().saveFile({ title: t('backup.create'), suggestedName: file, filters: [{ name: 'ZIP', extensions: ['zip'] }], bytes, mime: 'application/zip' });
      if (res.status !== 'saved') return;
      await store.backups.markSavedToFile();
      setMsg({ kind: 'success', text: t('backup.created', { file, size: fileSize(bytes.length), seconds }) });
    } catch (err) {
      if (session.current !== s) return;
      stop();
      setMsg({ kind: 'error', text: errorMessage(t, err) });
    }
  };
  const cancel = () => {
    stop();
    setMsg({ kind: 'error', text: t('backup.cancelled') });
  };

  // Ctrl+Shift+S or the menu's "Cadangkan Data…" (components/shortcuts.ts): start the backup here.
  const startRef = useRef(create);
  useEffect(() => {
    startRef.current = create;
  });
  useEffect(() => {
    const take = () => {
      if (!takeBackupRequest()) return;
      document.getElementById('backup-title')?.scrollIntoView({ block: 'start' });
      void startRef.current();
    };
    take();
    window.addEventListener(BACKUP_REQUEST_EVENT, take);
    return () => window.removeEventListener(BACKUP_REQUEST_EVENT, take);
  }, []);

  return (
    <section className="card" aria-labelledby="backup-title" data-testid="backup-card">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="field-hint">{t('backup.intro')}</p>
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          {busy ? t('backup.creating') : t('backup.create')}
        </button>
      </div>
      {busy ? <BackupProgress progress={progress} onCancel={cancel} /> : null}
      {prefs ? (
        <>
          <p data-testid="backup-last">{prefs.lastFileAt ? t('backup.last', { tanggal: formatDateTime(prefs.lastFileAt, 'long') }) : t('backup.last.never')}</p>
          <label className="inline-field">
            <span>{t('backup.remindDays')}</span>
            <input
              type="number"
              min={1}
              max={365}
              defaultValue={prefs.remindAfterDays}
              onBlur={(e) => void store.backups.setRemindAfterDays(Number(e.target.value) || prefs.remindAfterDays)}
            />
          </label>
        </>
      ) : null}
      {msg ? <Notice kind={msg.kind}>{msg.text}</Notice> : null}
      <RestoreBackup store={store} replaces={counts ?? null} />
    </section>
  );
}
