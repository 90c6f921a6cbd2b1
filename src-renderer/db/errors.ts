/**
 * A refusal the user must see. `code` picks the message in the catalog (i18n/messages.ts under
 * "error."), `params` fill it in. Repositories throw these; screens translate and show them.
 */
export class RepoError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'RepoError';
  }
}

/** IndexedDB refusing a write for reasons of its own: an I/O error, an aborted or closed database. */
const WRITE_FAILURES = new Set(['AbortError', 'UnknownError', 'DatabaseClosedError', 'InvalidStateError', 'DataError']);

/**
 * A storage failure as the refusal people read: storage full (the DOMException IndexedDB throws,
 * or Dexie's wrapper of it), or a write the database refused. Null for anything else. Workers send
 * it across as they send any RepoError, so an import or a package receive on a full disk says the
 * same sentence as a restore (issue #27).
 */
export function storageRefusal(err: unknown): RepoError | null {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  if (e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError') return new RepoError('quotaExceeded');
  const failed = e?.inner?.name && WRITE_FAILURES.has(e.inner.name) ? e.inner.name : e?.name && WRITE_FAILURES.has(e.name) ? e.name : null;
  return failed ? new RepoError('writeFailed', { detail: failed }) : null;
}
