import type { AuditEntry, KinerjaDb } from './schema';

/**
 * The audit entries of one document, newest first (revs sort in event order): its own entries,
 * and its part of the entries of received batches (one entry per table and batch).
 */
export async function docHistory(db: KinerjaDb, table: string, docId: string): Promise<AuditEntry[]> {
  const own = await db.auditLog.where('[table+docId]').equals([table, docId]).toArray();
  const batches = db.auditLog.schema.idxByName.docIds ? await db.auditLog.where('docIds').equals(docId).toArray() : [];
  const mine = batches
    .filter((b) => b.table === table && b.perDoc?.[docId])
    .map(({ perDoc, docIds: _ids, ...b }): AuditEntry => ({ ...b, docId, ...perDoc![docId]! }));
  return [...own, ...mine].sort((a, b) => (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0));
}
