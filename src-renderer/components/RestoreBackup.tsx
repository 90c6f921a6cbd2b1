import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { foldText } from '../domain/pegawai';
import { errorMessage } from './errors';
import type { DataStore } from '../db/store';
import { BackupSession, type BackupProgressEvent } from '../jobs/backupClient';
import type { BackupSummary } from '../jobs/backupProtocol';
import { useT } from '../i18n/i18n';
import { getPlatform } from '../platform/platform';
import { BackupProgress } from './BackupProgress';
import { Notice } from './Field';
import { RestoreConfirm } from './RestoreConfirm';

const FILTERS = [{ name: 'Cadangan Kinerja Luring (ZIP)', extensions: ['zip'] }];
/** A year of a large office with attachments stays well below this. */
export const MAX_BACKUP_BYTES = 1024 ** 3;

type Step =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'confirm'; summary: BackupSummary }
  | { kind: 'writing' }
  | { kind: 'done' };

/**
 * "Pulihkan dari cadangan": pick the file, have the backup worker read and verify all of it (with
 * a bar and Batal), show what it holds, who signed it and what it replaces, and only on "Ya,
 * pulihkan" write it (with a safety snapshot), then reload the app. Used in Pengaturan and on the
 * first-run screen of a fresh installation.
 */
export function RestoreBackup({ store, replaces }: { store: DataStore; replaces: Record<string, number> | null }) {
  const t = useT();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<BackupProgressEvent | null>(null);
  const session = useRef<BackupSession | null>(null);
  // Whose data is on this computer now: another office's backup needs that office's name typed.
  const current = useLiveQuery(() => store.settings.getProfile(), [store]);
  const [typed, setTyped] = useState('');
  useEffect(() => () => session.current?.close(), []);

  const stop = (next: Step = { kind: 'idle' }) => {
    session.current?.close();
    session.current = null;
    setProgress(null);
    setStep(next);
  };
  /** Runs one step of the session; a refusal ends it with its sentence, a closed session says nothing. */
  const attempt = async <T,>(s: BackupSession, work: () => Promise<T>, fallback: Step): Promise<T | null> => {
    try {
      return await work();
    } catch (err) {
      if (session.current !== s) return null;
      stop(fallback);
      setError(errorMessage(t, err));
      return null;
    }
  };

  const pick = async () => {
    setError(null);
    const res = await getPlatform().openFile({ title: t('backup.restore'), filters: FILTERS, maxBytes: MAX_BACKUP_BYTES });
    if (res.status === 'tooLarge') return setError(t('backup.error.tooLarge', { mb: Math.round(MAX_BACKUP_BYTES / 1024 ** 2) }));
    if (res.status !== 'ok') return;
    stop({ kind: 'checking' });
    const s = new BackupSession(store.db.name, setProgress);
    session.current = s;
    const summary = await attempt(s, () => s.inspect(res.bytes), { kind: 'idle' });
    if (summary && session.current === s) {
      setTyped('');
      setStep({ kind: 'confirm', summary });
    }
  };
  const cancel = () => {
    stop();
    setError(t('backup.cancelled'));
  };
  const confirm = async (summary: BackupSummary) => {
    const s = session.current;
    if (!s) return;
    setStep({ kind: 'writing' });
    const installId = await attempt(s, () => s.restore(typed), { kind: 'confirm', summary });
    if (!installId) return;
    stop({ kind: 'done' });
    // Every screen re-reads from the restored tables under the new installation id.
    setTimeout(() => window.location.reload(), 1200);
  };

  const m = step.kind === 'confirm' ? step.summary.manifest : null;
  const here = current?.office;
  const foreign = !!(m?.office && here && m.office.id !== here.id);
  const nameOk = !foreign || foldText(typed) === foldText(m?.office?.namaKantor ?? '');
  return (
    <div className="restore-backup">
      {step.kind === 'idle' ? (
        <button type="button" onClick={() => void pick()}>
          {t('backup.restore')}
        </button>
      ) : null}
      {step.kind === 'checking' ? <BackupProgress progress={progress} onCancel={cancel} /> : null}
      {step.kind === 'writing' ? <BackupProgress progress={{ type: 'progress', stage: 'write', done: 0, total: 1 }} /> : null}
      {step.kind === 'confirm' && m ? (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby="restore-title" data-testid="restore-confirm">
          <RestoreConfirm summary={step.summary} replaces={replaces} />
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
            <button type="button" className="primary" disabled={!nameOk} onClick={() => void confirm(step.summary)}>
              {t('backup.confirm.ok')}
            </button>
            <button type="button" onClick={() => stop()}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'done' ? <Notice kind="success">{t('backup.restored')}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
    </div>
  );
}
