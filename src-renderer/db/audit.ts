import { chainEntries, GENESIS, recordHash, verifyChain, type ChainCheck, type ChainHead } from '../domain/auditChain';
import { type AnchorSettings, type AuditChainSettings, type AuditEntry, type KinerjaDb, SYNCED_TABLES } from './schema';

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

/** The audited hashes of every record: each version an entry wrote (issue #25). */
export function auditedHashes(entries: readonly AuditEntry[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (id: string, h: string | undefined) => {
    if (!h) return;
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(h);
  };
  for (const e of entries) {
    add(e.docId, e.h);
    for (const [id, d] of Object.entries(e.perDoc ?? {})) add(id, d.h);
    for (const [id, h] of Object.entries(e.hashes ?? {})) add(id, h);
  }
  return out;
}

/** Whose record it is, as people call it: the employee's, unit's or office's name (else a short id). */
export function recordLabel(doc: Record<string, unknown>): string {
  const person = (doc.pegawai as { nama?: unknown } | undefined)?.nama ?? doc.nama ?? doc.namaKantor;
  return typeof person === 'string' && person ? person : String(doc.id).slice(0, 8);
}

/** The record as a broken check when it matches no version its audit entries wrote (edited outside the app), else null. */
export function editedRecord(hashes: Map<string, Set<string>>, table: string, doc: Record<string, unknown>, count: number): ChainCheck | null {
  const known = hashes.get(doc.id as string);
  // Records from before hashes were kept have none: nothing to compare them with.
  if (!known || known.has(recordHash(doc))) return null;
  return { ok: false, count, broken: { kind: 'record', table, id: doc.id as string, label: recordLabel(doc) } };
}

/**
 * "Periksa keutuhan riwayat": the whole chain against the head, against the heads other
 * installations hold of it (anchors outside this PC, issue #25), and every record against the
 * versions its audit entries wrote. The first problem found, or ok.
 */
export async function verifyAuditLog(db: KinerjaDb): Promise<ChainCheck & { entry?: AuditEntry }> {
  return db.transaction('r', [db.auditLog, db.settings, ...SYNCED_TABLES.map((t) => db.table(t))], async () => {
    const entries = await db.auditLog.toArray();
    const check = verifyChain(entries, await chainHead(db));
    if (!check.ok) return 'id' in check.broken ? { ...check, entry: await db.auditLog.get(check.broken.id) } : check;
    const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
    const anchors = ((await db.settings.get('anchors')) as AnchorSettings | undefined)?.byPeer ?? {};
    for (const a of Object.values(anchors)) {
      if (bySeq.get(a.seq) !== a.hash) return { ok: false, count: check.count, broken: { kind: 'anchor', seq: a.seq, nama: a.nama, at: a.at } };
    }
    const hashes = auditedHashes(entries);
    for (const table of SYNCED_TABLES) {
      let found: ChainCheck | null = null;
      await db.table(table).each((doc: Record<string, unknown>) => {
        found ??= editedRecord(hashes, table, doc, check.count);
      });
      if (found) return found;
    }
    return check;
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
