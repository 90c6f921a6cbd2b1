import { chainEntries, chainWalker, GENESIS, linkHash, recordHash, type ChainBreak, type ChainCheck, type ChainHead } from '../domain/auditChain';
import { type AnchorSettings, type AuditChainSettings, type AuditCheckpointSettings, type AuditEntry, type KinerjaDb, SYNCED_TABLES } from './schema';

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

/** Adds the versions one audit entry wrote to `out` (record id → hashes). */
function addAudited(out: Map<string, Set<string>>, e: AuditEntry): void {
  const add = (id: string, h: string | undefined) => {
    if (!h) return;
    let set = out.get(id);
    if (!set) out.set(id, (set = new Set()));
    set.add(h);
  };
  add(e.docId, e.h);
  for (const [id, d] of Object.entries(e.perDoc ?? {})) add(id, d.h);
  for (const [id, h] of Object.entries(e.hashes ?? {})) add(id, h);
}

/** The audited hashes of every record: each version an entry wrote (issue #25). */
export function auditedHashes(entries: readonly AuditEntry[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of entries) addAudited(out, e);
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

export type AuditCheckMode = 'full' | 'sinceLast';

const unlinked = (e: AuditEntry) => typeof e.seq !== 'number' || typeof e.hash !== 'string';

export type AuditCheckResult = ChainCheck & {
  entry?: AuditEntry;
  /** Entries hashed by this check (all of them for a full check). */
  checked: number;
  /** Where an incremental check resumed: the entry a check found whole before. */
  resumedFrom?: { seq: number; at: string };
};

export async function auditCheckpoint(db: KinerjaDb): Promise<AuditCheckpointSettings | null> {
  return ((await db.settings.get('auditVerified')) as AuditCheckpointSettings | undefined) ?? null;
}

/**
 * "Periksa keutuhan riwayat": the chain against the head, against the heads other installations
 * hold of it (anchors outside this PC, issue #25), and — in a full check — every record against
 * the versions its audit entries wrote. Entries are read with a cursor in chain order, never all at
 * once. `sinceLast` resumes after the entry the last check found whole (issue #33): it re-hashes
 * only what was written since, and confirms that entry still holds its hash; an edit further back
 * is found by the full check. A whole chain moves the checkpoint.
 */
export async function verifyAuditLog(db: KinerjaDb, mode: AuditCheckMode = 'full'): Promise<AuditCheckResult> {
  const checkpoint = mode === 'sinceLast' ? await auditCheckpoint(db) : null;
  const result = await db.transaction('r', [db.auditLog, db.settings, ...SYNCED_TABLES.map((t) => db.table(t))], async (): Promise<AuditCheckResult> => {
    const head = await chainHead(db);
    // Counting every entry costs as much as reading them: the full check counts, the quick one
    // says the head's position (the same number on a whole chain).
    const count = checkpoint ? head.seq : await db.auditLog.count();
    const fail = async (broken: ChainBreak, checked: number): Promise<AuditCheckResult> => {
      const entry = 'id' in broken && broken.id ? await db.auditLog.get(broken.id) : undefined;
      return { ok: false, count, checked, broken, ...(entry ? { entry } : {}) };
    };
    // Entries without a position are not in the seq index: the full check counts them apart and
    // finds them; the quick one looks among the entries dated after the checkpoint.
    const loose = checkpoint
      ? await db.auditLog.where('at').aboveOrEqual(checkpoint.at).filter(unlinked).first()
      : (await db.auditLog.where('seq').above(0).count()) !== count
        ? await db.auditLog.filter(unlinked).first()
        : undefined;
    if (loose) return fail({ kind: 'unlinked', id: loose.id }, 0);
    const from = checkpoint ? await db.auditLog.where('seq').equals(checkpoint.seq).first() : undefined;
    if (checkpoint && (!from || from.hash !== checkpoint.hash || linkHash(from) !== from.hash)) {
      return fail(from ? { kind: 'edited', seq: checkpoint.seq, id: from.id } : { kind: 'truncated', seq: checkpoint.seq - 1, expectedSeq: checkpoint.seq }, 0);
    }
    const anchors = Object.values(((await db.settings.get('anchors')) as AnchorSettings | undefined)?.byPeer ?? {});
    const anchorSeqs = new Set(anchors.map((a) => a.seq));
    const seen = new Map<number, string>();
    const hashes = mode === 'full' ? new Map<string, Set<string>>() : null;
    const walk = chainWalker(checkpoint ?? GENESIS);
    let broken: ChainBreak | null = null;
    let checked = 0;
    await db.auditLog
      .where('seq')
      .above(checkpoint?.seq ?? 0)
      .until(() => broken !== null)
      .each((e) => {
        broken = walk.step(e);
        checked++;
        if (anchorSeqs.has(e.seq!)) seen.set(e.seq!, e.hash!);
        if (hashes) addAudited(hashes, e);
      });
    broken ??= walk.end(head);
    if (broken) return fail(broken, checked);
    for (const a of anchors) {
      const hash = seen.get(a.seq) ?? (a.seq <= (checkpoint?.seq ?? 0) ? (await db.auditLog.where('seq').equals(a.seq).first())?.hash : undefined);
      if (hash !== a.hash) return { ok: false, count, checked, broken: { kind: 'anchor', seq: a.seq, nama: a.nama, at: a.at } };
    }
    if (hashes) {
      for (const table of SYNCED_TABLES) {
        let found: ChainCheck | null = null;
        await db.table(table).each((doc: Record<string, unknown>) => {
          found ??= editedRecord(hashes, table, doc, count);
        });
        if (found) return { ...(found as ChainCheck), checked };
      }
    }
    return { ok: true, count, checked, head: walk.at, ...(checkpoint ? { resumedFrom: { seq: checkpoint.seq, at: checkpoint.at } } : {}) };
  });
  if (result.ok && result.head.seq > 0) {
    const at = new Date().toISOString();
    const fullAt = mode === 'full' ? at : checkpoint?.fullAt;
    await db.settings.put({ key: 'auditVerified', seq: result.head.seq, hash: result.head.hash, at, ...(fullAt ? { fullAt } : {}) } satisfies AuditCheckpointSettings);
  }
  return result;
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
