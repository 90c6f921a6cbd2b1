import { RepoError, storageRefusal } from '../db/errors';

/**
 * What a worker that writes (package, backup) sends when a step fails: a refusal with its message
 * key, a full disk or a refused write as the sentences every screen uses (db/errors.ts), anything
 * else as unknown.
 */
export function workerFailure(err: unknown): { type: 'failed'; code: string; params: Record<string, unknown> } {
  const refusal = err instanceof RepoError ? err : storageRefusal(err);
  if (refusal) return { type: 'failed', code: refusal.code, params: refusal.params };
  return { type: 'failed', code: 'error.unknown', params: { detail: String((err as Error)?.message ?? err) } };
}
