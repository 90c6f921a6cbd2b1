import type { BackupProgressEvent } from '../jobs/backupClient';
import { useT } from '../i18n/i18n';

/** The bar under "Cadangkan" and "Pulihkan": which step, how far, and Batal while stopping is safe. */
export function BackupProgress({ progress, onCancel, writing }: { progress: BackupProgressEvent | null; onCancel?: () => void; writing?: string }) {
  const t = useT();
  const stage = progress?.stage ?? 'read';
  const persen = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <div className="toolbar" data-testid="backup-progress" role="status">
      {stage === 'write' ? <progress /> : <progress max={100} value={persen} />}
      <span>{stage === 'write' ? (writing ?? t('backup.progress.write')) : t(`backup.progress.${stage}`, { persen })}</span>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
