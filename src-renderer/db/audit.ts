import type { AuditEntry, KinerjaDb } from './schema';

/** The audit entries of one document, newest first (revs sort in event order). */
export async function docHistory(db: KinerjaDb, table: string, docId: string): Promise<AuditEntry[]> {
  const entries = await db.auditLog.where('[table+docId]').equals([table, docId]).toArray();
  return entries.sort((a, b) => (a.rev < b.rev ? 1 : -1));
}
