import { chainEntries, GENESIS, verifyChain, type ChainCheck, type ChainHead } from '../domain/auditChain';
import type { AuditChainSettings, AuditEntry, KinerjaDb } from './schema';

/**
 * The one way entries enter the audit log: chained after the newest link (domain/auditChain.ts)
 * and the head moved, inside the caller's transaction, which must cover `auditLog` and `settings`.
 * An update that changed nothing and says nothing ("diubah oleh …" and no change) is not written.
 */
export async function appendAudit(db: KinerjaDb, entries: readonly AuditEntry[]): Promise<void> {
  const worth = entries.filter((e) => e.action !== 'update' || e.changes.length > 0 || e.note || (e.perDoc && Object.keys(e.perDoc).length > 0));
  if (worth.length === 0) return;
  const { linked, head } = chainEntries(await chainHead(db), worth);
  await db.auditLog.bulkAdd(linked);
  await db.settings.put({ key: 'auditChain', ...head } satisfies AuditChainSettings);
}

export async function chainHead(db: KinerjaDb): Promise<ChainHead> {
  const row = (await db.settings.get('auditChain')) as AuditChainSettings | undefined;
  return row ? { seq: row.seq, hash: row.hash } : GENESIS;
}

/** "Periksa keutuhan riwayat": the whole chain against the head, and the first broken entry if any. */
export async function verifyAuditLog(db: KinerjaDb): Promise<ChainCheck & { entry?: AuditEntry }> {
  return db.transaction('r', db.auditLog, db.settings, async () => {
    const check = verifyChain(await db.auditLog.toArray(), await chainHead(db));
    if (check.ok || !('id' in check.broken)) return check;
    return { ...check, entry: await db.auditLog.get(check.broken.id) };
  });
}


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
