import { RepoError, storageRefusal } from '../db/errors';
import { BackupError } from '../exchange/backupFile';
import { hasMessage, type Translate } from '../i18n/i18n';

/** A readable sentence for anything a save may throw. */
export function errorMessage(t: Translate, err: unknown): string {
  if (err instanceof BackupError) return t(`backup.error.${err.code}`, err.params);
  // Storage full or a refused write, here or in a worker (db/errors.ts): the same sentences.
  err = storageRefusal(err) ?? err;
  if (err instanceof RepoError) {
    // Codes of the exchange contract (package.*, exchange.*) are message keys themselves.
    const key = hasMessage(err.code) ? err.code : `error.${err.code}`;
    if (hasMessage(key)) {
      const params = Object.fromEntries(
        Object.entries(err.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
      ) as Record<string, string | number>;
      // An installation's role is said in words ("laptop pejabat penilai"), never as its code.
      if (typeof params.role === 'string' && hasMessage(`sync.roleIn.${params.role}`)) params.role = t(`sync.roleIn.${params.role}` as never);
      return t(key, params);
    }
  }
  return t('error.unknown', { detail: err instanceof Error ? err.message : String(err) });
}
