/**
 * When Beranda reminds the admin to back up to a file: an office with data whose last backup to a
 * file (a flash drive) is older than the days set in Pengaturan, or that was never backed up.
 * An office with no employees yet has nothing to lose and is not nagged.
 */
export type BackupReminder = { due: false } | { due: true; lastFileAt: string | null; days: number | null };

const DAY_MS = 24 * 60 * 60 * 1000;

export function backupReminder(lastFileAt: string | null, remindAfterDays: number, hasData: boolean, now: Date): BackupReminder {
  if (!hasData) return { due: false };
  if (!lastFileAt) return { due: true, lastFileAt: null, days: null };
  const days = Math.floor((now.getTime() - new Date(lastFileAt).getTime()) / DAY_MS);
  return days >= remindAfterDays ? { due: true, lastFileAt, days } : { due: false };
}
