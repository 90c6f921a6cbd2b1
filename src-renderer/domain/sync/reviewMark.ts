/**
 * The review mark (issue #33): `svf: 1` on a synced record with an open conflict or flag (what
 * "Perlu ditinjau" lists), absent otherwise. Beranda's count and the review list read the records
 * an index of this mark lists instead of every record of every year. It is derived from the record
 * alone, set on every write of a synced record (db/schema.ts), and left out of its audit hash.
 */
import { openConflicts, type SyncDoc } from './merge';

export const REVIEW_MARK = 'svf';

/** The record with its review mark as its content calls for (the same object when already right). */
export function withReviewMark<T extends object>(table: string, doc: T): T {
  const d = doc as Record<string, unknown>;
  const marked = openConflicts(table, d as SyncDoc).length > 0;
  if (marked === (d[REVIEW_MARK] === 1)) return doc;
  const out = { ...d };
  if (marked) out[REVIEW_MARK] = 1;
  else delete out[REVIEW_MARK];
  return out as T;
}
