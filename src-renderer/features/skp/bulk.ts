/**
 * Ajukan or Setujui many SKPs at once (#30 item 2): the same checks as the editor's button, each
 * SKP in its own transaction, so one that cannot move (a missing indicator, already approved) stops
 * nobody else and says why on its own row.
 */
import type { SkpAction } from '../../domain/workflow';
import type { DataStore } from '../../db/store';

export interface BulkOutcome {
  skpId: string;
  /** '' when it moved; else the reason, in the user's words. */
  error: string;
}

export async function bulkTransition(store: DataStore, skpIds: readonly string[], action: Extract<SkpAction, 'AJUKAN' | 'SETUJUI'>, describe: (err: unknown) => string): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for (const skpId of skpIds) {
    try {
      await store.skps.transition(skpId, action);
      out.push({ skpId, error: '' });
    } catch (err) {
      out.push({ skpId, error: describe(err) });
    }
  }
  return out;
}
