import { formatDateTime } from '../../components/format';
import { href } from '../../components/router';
import { backupReminder } from '../../domain/backupReminder';
import type { BackupSettings } from '../../db/schema';
import { useT } from '../../i18n/i18n';

/**
 * Beranda's reminder to back up to a file (domain/backupReminder.ts says when). Beranda reads the
 * settings before it draws anything below: a reminder that arrived later pushed the dashboard down
 * under the admin's pointer.
 */
export function BackupReminder({ hasData, prefs }: { hasData: boolean; prefs: BackupSettings }) {
  const t = useT();
  const due = backupReminder(prefs.lastFileAt, prefs.remindAfterDays, hasData, new Date());
  if (!due.due) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="backup-reminder">
      {due.lastFileAt ? t('home.backup.old', { days: due.days ?? 0, tanggal: formatDateTime(due.lastFileAt, 'long') }) : t('home.backup.never')}{' '}
      <a href={href('pengaturan')}>{t('home.backup.go')}</a>
    </div>
  );
}
