import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '../../app/format';
import { href } from '../../app/router';
import { useApp } from '../../app/StoreContext';
import { backupReminder } from '../../domain/backupReminder';
import { useT } from '../../i18n/i18n';

/** Beranda's reminder to back up to a file (domain/backupReminder.ts says when). */
export function BackupReminder({ hasData }: { hasData: boolean }) {
  const t = useT();
  const { store } = useApp();
  const prefs = useLiveQuery(() => store.backups.backupSettings(), [store]);
  if (!prefs) return null;
  const due = backupReminder(prefs.lastFileAt, prefs.remindAfterDays, hasData, new Date());
  if (!due.due) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="backup-reminder">
      {due.lastFileAt ? t('home.backup.old', { days: due.days ?? 0, tanggal: formatDateTime(due.lastFileAt, 'long') }) : t('home.backup.never')}{' '}
      <a href={href('pengaturan')}>{t('home.backup.go')}</a>
    </div>
  );
}
