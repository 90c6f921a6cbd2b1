import { RepoError } from '../db/errors';
import { BackupError } from '../exchange/backup';
import { hasMessage, type Translate } from '../i18n/i18n';

/** Storage full, as IndexedDB and Dexie report it (the DOMException, or Dexie's wrapper of it). */
function isQuotaExceeded(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** IndexedDB refusing a write for reasons of its own: an I/O error, an aborted or closed database. */
const WRITE_FAILURES = new Set(['AbortError', 'UnknownError', 'DatabaseClosedError', 'InvalidStateError', 'DataError']);
function writeFailure(err: unknown): string | null {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  if (e?.inner?.name && WRITE_FAILURES.has(e.inner.name)) return e.inner.name;
  return e?.name && WRITE_FAILURES.has(e.name) ? e.name : null;
}

/** A readable sentence for anything a save may throw. */
export function errorMessage(t: Translate, err: unknown): string {
  if (isQuotaExceeded(err)) return t('error.quotaExceeded');
  if (err instanceof BackupError) return t(`backup.error.${err.code}`, err.params);
  const failed = writeFailure(err);
  if (failed) return t('error.writeFailed', { detail: failed });
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
