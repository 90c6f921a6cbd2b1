import { recordHash } from '../domain/auditChain';
import { retireOwnKeys } from './trustRepo';
import { REVIEW_MARK } from '../domain/sync/reviewMark';
import type { FieldChange } from '../domain/records';
import { revNode, revPlausibility } from '../domain/hlc';
import { duplicateNips, type DuplicateNip } from '../domain/pegawai';
import type { Office } from '../domain/office';
import { authorizeFor, type Installation, ownerOf } from '../domain/sync/access';
import { baseRev, changedPaths, docKnowledge, mergeDocs, openConflicts, shapeOf, syncKeyOf, type OpenConflict, type SyncDoc } from '../domain/sync/merge';
import { mayCarry, relayViolations, type Party } from '../domain/sync/trust';
import { flatten, unflatten } from '../domain/sync/paths';
import { type BatchSource, checkRecords, type CheckedRecord, enrolmentOf, type ExchangeRecord, type RecordProblem } from '../exchange/records';
import { restoreRecord } from '../exchange/restoreRecord';
import { archivedYearRecords } from '../domain/archive';
import { archivedYears } from './archiveRepo';

export type { BatchSource };
import type { RevClock } from './clock';
import Dexie from 'dexie';
import { appendAudit, recordLabel } from './audit';
import { RepoError } from './errors';
import { newInstallId, readInstall, readInstallId, readLocal, saveClock, setInstallId } from './identity';
import { type AuditEntry, type KinerjaDb, type Receipt, SYNCED_TABLES, type SyncedTableName, type SyncProposal } from './schema';
import { saveDoc, type WriteContext } from './write';
import { sha256 } from '../exchange/bytes';

export interface IncomingBatch {
  source: BatchSource;
  records: ExchangeRecord[];
}

export interface ApplyReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Records (or parts) waiting for their owner. */
  proposals: number;
  /** Records held back for an implausible clock. */
  held: number;
  /** Open conflicts in the records this batch touched. */
  conflicts: number;
  /** Installations whose revs are more than a day ahead of this one's clock. */
  clockAhead: { installId: string; nama: string }[];
  /** A copy of this installation was found writing under its id (a cloned profile, a restored backup). */
  cloneDetected: boolean;
  /** Then, once applied: this installation's new id. */
  rekeyed: string | null;
  /** Milliseconds per phase, for `npm run bench`. */
  phases: Record<string, number>;
  /** This very batch was applied here before: nothing was read or written. */
  alreadyReceived: boolean;
  /** What was not applied, and why (the preview lists them). */
  refusals: { table: string; id: string; reason: SyncProposal['reason']; paths: string[]; writers: string[] }[];
  /** Its sender's identity is used on two PCs (a copied profile): both copies' writes kept as conflicts. */
  fork?: { nama: string };
  /** A package sent in parts: this one's place, and the parts of its group not received here yet. */
  part?: { n: number; of: number; missing: number[] };
  /** Records of a year archived here (issue #33): not taken back into the live database. */
  archived: number;
  /** A penilai laptop: records that left its scope, removed from it (their office holds them). */
  left: { table: string; id: string; nama?: string }[];
  /**
   * What would change, record by record (conflicts first, at most PREVIEW_CHANGES): who wrote it
   * and each field old → new, so the preview names what a person is about to accept.
   */
  changes: RecordChange[];
}

export interface RecordChange {
  table: string;
  id: string;
  /** Whose record it is: an employee's or a unit's name, a period or year. */
  nama: string;
  period: string;
  created: boolean;
  /** Open conflicts in it after applying. */
  conflicts: number;
  /** The installation whose write it brings (its name when enrolled here). */
  writer: string;
  fields: FieldChange[];
}

/** Records the preview lists one by one; the counts above it cover the rest. */
export const PREVIEW_CHANGES = 300;

function whoseRecord(doc: SyncDoc): { nama: string; period: string } {
  const period = typeof doc.periodLabel === 'string' ? doc.periodLabel : typeof doc.year === 'number' ? String(doc.year) : '';
  return { nama: recordLabel(doc), period };
}

function emptyReport(): ApplyReport {
  return { created: 0, updated: 0, unchanged: 0, proposals: 0, held: 0, conflicts: 0, clockAhead: [], cloneDetected: false, rekeyed: null, phases: {}, alreadyReceived: false, refusals: [], left: [], changes: [], archived: 0 };
}

/** A record's syncKey, or '' for one too malformed to have one (the record checks name it next). */
function keyOrNothing(doc: SyncDoc): string {
  try {
    return syncKeyOf(doc);
  } catch {
    return '';
  }
}

/**
 * Identity of a batch: its package and the state of every record in it (syncKey, not bytes).
 * WebCrypto cannot run inside a Dexie transaction: a caller that wraps applyBatch in its own
 * (pairing) computes it first and passes it as `receiptId`.
 */
export async function batchDigest(batch: IncomingBatch): Promise<string> {
  const lines = [batch.source.packageId, ...batch.records.map((r) => `${r.table}\t${String(r.doc?.id)}\t${keyOrNothing(r.doc as SyncDoc)}`)];
  return sha256(lines.join('\n'));
}

/** Who sent a package and what it may carry, decided before any record is read (issue #25). */
export interface Carrier {
  sender: Party;
  receiver: Party;
  /** Every installation known here, with retirements and successors from confirmed keys. */
  parties: Map<string, Party>;
  /** This installation's own former ids (before a restore or re-key). */
  former: string[];
  /** Identities found on two PCs: id → wall time after which their writes are concurrent. */
  forks: Record<string, number>;
}

/** A batch refused whole, with the record that caused it. */
export class ExchangeRefused extends RepoError {
  constructor(readonly problem: RecordProblem | { code: 'idCollision'; index: number; table: string; id: string; field: string }) {
    super(`exchange.${problem.code}`, { ...problem, row: problem.index + 1 });
  }
}

/**
 * The audit of a received batch: one entry per table, listing each record it changed with the
 * paths that changed (a record's history finds its part through the docIds index).
 */
class BatchAudit {
  private readonly byTable = new Map<string, AuditEntry>();

  constructor(
    private readonly source: BatchSource,
    private readonly at: string,
  ) {}

  add(table: string, before: SyncDoc | undefined, after: SyncDoc, received: SyncDoc): FieldChange[] {
    let entry = this.byTable.get(table);
    if (!entry) {
      const { source } = this;
      entry = {
        id: crypto.randomUUID(), at: this.at, actor: source.label, officeId: source.officeId, installId: source.installId,
        table, docId: `paket:${source.packageId}`, action: 'update', changes: [], rev: after.rev, note: `paket ${source.packageId}`,
        source, docIds: [], perDoc: {},
      };
      this.byTable.set(table, entry);
    }
    entry.docIds!.push(after.id);
    const changes = before ? changedPaths(table, before, after) : [];
    entry.perDoc![after.id] = { action: before ? 'update' : 'create', changes, rev: received.rev, h: recordHash(after) };
    if (after.rev > entry.rev) entry.rev = after.rev;
    return changes;
  }

  entries(): AuditEntry[] {
    return [...this.byTable.values()];
  }
}

/** The batch's ids each table holds, and the table's size (infinite when only the batch's ids were looked up). */
type Existing = Map<string, { ids: Set<string>; size: number }>;
/** A batch of at most this many ids looks them up by key instead of reading every table's keys. */
const LOOKUP_IDS = 2_000;
/** A batch this large against a table (1/WALK_RATIO of it or more) reads the table whole. */
const WALK_RATIO = 3;

/** Apply order: enrolments first (they decide what the rest may do), then owners before owned. */
const ORDER = new Map(SYNCED_TABLES.map((t, i) => [t as string, i]));

/**
 * Receiving records from other installations: merge each with the local copy (domain/sync/merge),
 * in one transaction for the whole batch, auditing every changed record with where it came from.
 */
export class SyncRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
    private readonly clock: RevClock,
  ) {}

  private tables() {
    const { db } = this;
    return [...SYNCED_TABLES.map((t) => db.table(t)), db.auditLog, db.settings, db.proposals, db.receipts, db.keys];
  }

  /**
   * This installation's enrolment, created for an office PC from before sync. A joined laptop or
   * BKD copy receives its enrolment from the office in its first package instead.
   */
  private async ensureSelf(ctx: WriteContext): Promise<Installation | undefined> {
    const self = await this.db.installations.get(ctx.installId);
    // Only an installation from before sync (one id for office and installation) makes its own;
    // any other was enrolled by its office, and that record arrives with the first package.
    if (self || ctx.installId !== ctx.officeId) return self;
    return saveDoc<Installation>(this.db, 'installations', undefined, { officeId: ctx.officeId, role: 'KANTOR', nama: 'PC admin', penilaiEmployeeId: null }, ctx, { id: ctx.installId });
  }

  /**
   * The newest package received, if it can still be undone: nothing written here since touched any
   * record it changed. Null otherwise.
   */
  async undoablePackage(): Promise<{ receiptId: string; from: string; at: string; records: number } | null> {
    const last = (await this.db.receipts.orderBy('at').last()) ?? null;
    if (!last?.snapshot || !last.after || last.undoneAt) return null;
    // Undoing rewrites whole records: only an office PC may (a laptop or the BKD would be refused).
    const local = await readLocal(this.db);
    if (!local || ((await readInstall(this.db, local)).role ?? 'KANTOR') !== 'KANTOR') return null;
    for (const [key, syncKey] of Object.entries(last.after)) {
      const [table, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const doc = (await this.db.table(table).get(id)) as SyncDoc | undefined;
      if (!doc || (doc.syncKey ?? syncKeyOf(doc)) !== syncKey) return null;
    }
    return { receiptId: last.id, from: last.from, at: last.at, records: Object.keys(last.after).length };
  }

  /**
   * "Batalkan paket ini": every record the newest package changed goes back to its version before,
   * and what it created is deleted — as ordinary writes of this installation, which travel with the
   * next package (the sender sees them undone too). One transaction; refused once anything later
   * touched those records.
   */
  async undoPackage(receiptId: string): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [...SYNCED_TABLES.map((t) => db.table(t)), db.auditLog, db.settings, db.receipts], async () => {
      const undoable = await this.undoablePackage();
      if (!undoable || undoable.receiptId !== receiptId) throw new RepoError('package.undoTooLate');
      const receipt = (await db.receipts.get(receiptId))!;
      const ctx = await this.context();
      const note = `paket dari ${receipt.from} dibatalkan`;
      let n = 0;
      for (const { table, doc } of receipt.snapshot!.previous) {
        const now = (await db.table(table).get(doc.id as string)) as SyncDoc;
        const { id: _i, rev: _r, sv: _s, syncKey: _k, createdAt: _c, updatedAt: _u, updatedBy: _b, deleted, ...values } = doc;
        // A record the package deleted comes back; one it changed goes back to its version before.
        await saveDoc<SyncDoc>(db, table as SyncedTableName, now, values as never, ctx, { note, ...(now.deleted && !deleted ? { action: 'restore' as const } : {}) });
        n++;
      }
      for (const { table, id } of receipt.snapshot!.created) {
        const now = (await db.table(table).get(id)) as SyncDoc | undefined;
        if (now && !now.deleted) await saveDoc<SyncDoc>(db, table as SyncedTableName, now, {} as never, ctx, { action: 'delete', note });
        n++;
      }
      await db.receipts.update(receiptId, { undoneAt: ctx.nowIso(), snapshot: undefined, after: undefined });
      return n;
    });
  }

  /** Every office whose records are held here (a BKD holds several). */
  async offices(): Promise<Office[]> {
    return (await this.db.offices.toArray()).filter((o) => !o.deleted);
  }

  async installations(): Promise<Installation[]> {
    return (await this.db.installations.toArray()).filter((i) => !i.deleted);
  }

  /** Enrols another installation of this office (a penilai laptop, a back-up PC) or a BKD. */
  async enrol(fields: Pick<Installation, 'officeId' | 'role' | 'nama' | 'penilaiEmployeeId'>, id: string = newInstallId()): Promise<Installation> {
    const { db } = this;
    return db.transaction('rw', [db.installations, db.auditLog, db.settings], async () => {
      const ctx = await this.context();
      await this.ensureSelf(ctx);
      return saveDoc<Installation>(db, 'installations', await db.installations.get(id), fields, ctx, { id });
    });
  }

  /** Every synced record as it travels (a full package; incremental ones build on this). */
  async collect(): Promise<ExchangeRecord[]> {
    const out: ExchangeRecord[] = [];
    for (const table of SYNCED_TABLES) {
      for (const doc of await this.db.table(table).toArray()) out.push({ table, schemaVersion: this.db.verno, doc: doc as Record<string, unknown> });
    }
    return out;
  }

  /**
   * What of this batch is held here already: 'received' for a package received before, else the
   * records whose copy here knows what the received one knows (the syncKey index, no record read).
   * A package with nothing new takes no snapshot (a daily "nothing new" package must not push out
   * real ones); applyBatch is handed the same set instead of reading it again.
   */
  async heldOf(batch: IncomingBatch, receiptId?: string): Promise<'received' | Set<string>> {
    const { db } = this;
    const id = receiptId ?? (await batchDigest(batch));
    if ((await db.receipts.where(':id').equals(id).count()) > 0) return 'received';
    return this.heldNow(batch.records);
  }

  /** Knowledge only grows: a copy found here before a write transaction is still covered in it. */
  private heldNow(records: readonly ExchangeRecord[]): Promise<Set<string>> {
    const { db } = this;
    return db.transaction('r', [...SYNCED_TABLES.map((t) => db.table(t)), db.settings], async () => {
      const local = await readLocal(db);
      return this.alreadyHeld(records, local ? await readInstallId(db, local) : '');
    });
  }

  /**
   * Merges a batch in one transaction. With `dryRun` it stops before writing anything: the preview
   * shows exactly what applying would do, because it is the same code.
   */
  async applyBatch(
    batch: IncomingBatch,
    opts: {
      dryRun?: boolean; snapshot?: boolean; carrier?: Carrier; receiptId?: string; scope?: { ids: readonly string[]; covered: Record<string, string> };
      /** What heldOf found for this batch (read once for the snapshot decision and the apply). */
      held?: Set<string>;
    } = {},
  ): Promise<ApplyReport> {
    const { carrier } = opts;
    const { db } = this;
    // The same batch again (a package received twice): answered from its receipt, before any check
    // (only a batch that passed them has one). By key only: a receipt holds the snapshot of what it
    // replaced, which need not be read.
    const receiptId = opts.receiptId ?? (await batchDigest(batch));
    if ((await db.receipts.where(':id').equals(receiptId).count()) > 0) {
      // (A preview of it says the same: nothing would change.)
      return { ...emptyReport(), unchanged: batch.records.length, alreadyReceived: true };
    }
    const checked = checkRecords(batch.records);
    if (!checked.ok) throw new ExchangeRefused(checked.problem);
    const records = [...checked.records].sort((a, b) => (ORDER.get(a.table) ?? 99) - (ORDER.get(b.table) ?? 99));
    const t0 = performance.now();
    const known = opts.held ?? (await this.heldNow(records));
    const heldMs = Math.round(performance.now() - t0);
    return db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const self = ctx.installId;
      await this.ensureSelf(ctx);
      const report = emptyReport();
      let t = performance.now();
      const phase = (name: string) => {
        const now = performance.now();
        report.phases[name] = Math.round(now - t);
        t = now;
      };
      report.phases.held = heldMs;
      // What is new here enters as this app stores records: defaults filled, upgrades run (exchange/restoreRecord).
      const fresh = records.filter((r) => !known.has(`${r.table}:${r.doc.id as string}`));
      // A year archived here stays in its archive file: a peer's copy of it is not taken back.
      const archived = archivedYearRecords(fresh, await archivedYears(db));
      report.archived = archived.size;
      const todo = fresh.filter((r) => !archived.has(r)).map((r) => ({ ...r, doc: restoreRecord(r.table, r.schemaVersion, r.doc) }));
      report.unchanged = records.length - fresh.length;
      phase('start');
      const existing: Existing = todo.length > 0 ? await this.existingIds(todo) : new Map();
      this.refuseCollisions(todo, batch.records, existing);
      phase('collisions');
      const locals = await this.loadLocals(todo, existing);
      phase('read');
      if (carrier) this.refuseSmuggled(todo, locals, carrier);
      phase('relay');

      const enrolled = new Map((await db.installations.toArray()).map((i) => [i.id, i]));
      // A confirmed successor (a restored PC's new key) writes as the installation it replaced.
      for (const [id, p] of carrier?.parties ?? []) {
        const base = enrolled.get(id) ?? [...enrolled.values()].find((i) => i.officeId === p.officeId && i.role === p.role);
        if (!enrolled.has(id) && base) enrolled.set(id, { ...base, id });
      }
      const localMs = this.clock.localMs();
      const at = ctx.nowIso();
      const writes = new Map<string, SyncDoc[]>();
      const audit = new BatchAudit(batch.source, at);
      const proposals: SyncProposal[] = [];
      const ahead = new Set<string>();
      let newest: string | null = null;
      let clone = false;
      const previous = new Map<string, SyncDoc>();

      for (const rec of todo) {
        const incoming = rec.doc as SyncDoc;
        const key = `${rec.table}:${incoming.id}`;
        const local = locals.get(key);
        const plausible = revPlausibility(incoming.rev, localMs);
        const tooOld = revPlausibility(baseRev(incoming), localMs) === 'tooOld';
        if (plausible === 'tooFarAhead' || tooOld) {
          proposals.push(this.proposal(rec.table, incoming, tooOld ? 'clockTooOld' : 'clockTooFarAhead', ['*'], [revNode(incoming.rev)], batch.source, at));
          report.held++;
          continue;
        }
        if (plausible === 'ahead') ahead.add(revNode(incoming.rev));
        const owner = ownerOf(rec.table, local ?? incoming);
        const out = mergeDocs(rec.table, local, incoming, { authorize: authorizeFor(rec.table, owner, local, (id) => enrolled.get(id), incoming), selfNode: self, ...(carrier ? { forks: carrier.forks } : {}) });
        // Revs of this very installation that it never wrote: a copy of it is writing elsewhere.
        const mine = out.knowledge.incoming[self];
        if (out.clones.includes(self) || (mine !== undefined && (!local || !(out.knowledge.local[self]! >= mine)))) clone = true;
        if (out.refused.length > 0 || out.rejected) {
          const paths = out.rejected ? ['*'] : [...new Set(out.refused.map((r) => r.path))];
          proposals.push(this.proposal(rec.table, incoming, 'notAllowed', paths, [...new Set(out.refused.map((r) => revNode(r.head.r)))], batch.source, at));
        }
        if (!out.changed) {
          report.unchanged++;
          continue;
        }
        const doc = out.doc;
        if (local && !previous.has(key)) previous.set(key, local);
        locals.set(key, doc);
        if (rec.table === 'installations') enrolled.set(doc.id, doc as unknown as Installation);
        if (local) report.updated++;
        else report.created++;
        if (!writes.has(rec.table)) writes.set(rec.table, []);
        writes.get(rec.table)!.push(doc);
        if (!newest || doc.rev > newest) newest = doc.rev;
        const conflicts = openConflicts(rec.table, doc).length;
        report.conflicts += conflicts;
        const fields = audit.add(rec.table, local, doc, incoming);
        if (report.changes.length < PREVIEW_CHANGES || conflicts > 0) {
          const writer = revNode(incoming.rev);
          report.changes.push({ table: rec.table, id: doc.id, ...whoseRecord(doc), created: !local, conflicts, writer: enrolled.get(writer)?.nama ?? writer, fields });
        }
      }

      phase('merge');
      // Conflicts first, then as they came; never more than the preview lists.
      report.changes = report.changes.map((c, i) => ({ c, i })).sort((a, b) => Number(b.c.conflicts > 0) - Number(a.c.conflicts > 0) || a.i - b.i).slice(0, PREVIEW_CHANGES).map((x) => x.c);
      report.refusals = proposals.map((p) => ({ table: p.table, id: p.docId, reason: p.reason, paths: p.paths, writers: p.writers }));
      report.proposals = proposals.filter((p) => p.reason === 'notAllowed').length;
      report.clockAhead = [...ahead].map((id) => ({ installId: id, nama: enrolled.get(id)?.nama ?? id }));
      report.cloneDetected = clone;
      const leaving = opts.scope ? await this.outOfScope(opts.scope, batch.records) : [];
      report.left = leaving.map(({ table, doc }) => ({ table, id: doc.id, ...(typeof doc.nama === 'string' ? { nama: doc.nama } : {}) }));
      if (opts.dryRun) return report;
      for (const table of new Set(leaving.map((l) => l.table))) await db.table(table).bulkDelete(leaving.filter((l) => l.table === table).map((l) => l.doc.id));
      // A package received by a person keeps what it replaced (its receipt can undo it later).
      const snapshot = { created: [] as { table: string; id: string }[], previous: [] as { table: string; doc: Record<string, unknown> }[] };
      for (const [table, docs] of opts.snapshot ? writes : []) {
        for (const d of docs) {
          const before = previous.get(`${table}:${d.id}`);
          if (before) snapshot.previous.push({ table, doc: before });
          else snapshot.created.push({ table, id: d.id });
        }
      }
      for (const [table, docs] of writes) await db.table(table).bulkPut(docs);
      phase('write');
      const entries = audit.entries();
      await appendAudit(db, entries);
      phase('audit');
      // A proposal already decided (the same package received again) stays decided.
      const decided = new Set((await db.proposals.bulkGet(proposals.map((p) => p.id))).filter((p) => p?.decidedAt).map((p) => p!.id));
      const open = proposals.filter((p) => !decided.has(p.id));
      if (open.length > 0) await db.proposals.bulkPut(open);
      // Every later local edit sorts after what was received (the clock moves past it).
      this.clock.observe(newest);
      await saveClock(db, this.clock.lastRev());
      report.rekeyed = clone ? await this.rekey(ctx, enrolled.get(self)) : null;
      if (opts.snapshot) {
        // Only the newest package can be undone: older receipts let go of what they replaced.
        await db.receipts.filter((r) => !!r.snapshot).modify((r: Receipt) => {
          delete r.snapshot;
          delete r.after;
        });
        const after: Record<string, string> = {};
        for (const [table, docs] of writes) for (const d of docs) after[`${table}:${d.id}`] = d.syncKey ?? syncKeyOf(d);
        await db.receipts.put({ id: receiptId, at, packageId: batch.source.packageId, from: batch.source.label, records: batch.records.length, snapshot, after });
      } else {
        await db.receipts.put({ id: receiptId, at, packageId: batch.source.packageId, from: batch.source.label, records: batch.records.length });
      }
      phase('after');
      return report;
    });
  }

  /**
   * Records whose copy here knows exactly what the received one knows, found from the syncKey
   * index without reading a record. Copies whose newest write is this installation's own go the
   * long way: a copied profile writes other contents under the same revs.
   */
  private async alreadyHeld(records: readonly ExchangeRecord[], self: string): Promise<Set<string>> {
    const byTable = new Map<string, Map<string, string>>();
    for (const r of records) {
      const doc = r.doc as SyncDoc;
      if (revNode(doc.rev) === self) continue;
      if (!byTable.has(r.table)) byTable.set(r.table, new Map());
      byTable.get(r.table)!.set(syncKeyOf(doc), doc.id);
    }
    const held = new Set<string>();
    const tx = Dexie.currentTransaction?.idbtrans;
    for (const [table, keys] of byTable) {
      const sorted = [...keys.keys()].sort();
      const range = IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]);
      const note = (key: unknown, id: unknown) => {
        if (keys.get(key as string) === id) held.add(`${table}:${id as string}`);
      };
      const store = this.db.table(table);
      if (tx && keys.size * WALK_RATIO >= (await store.count())) {
        // A batch as large as a good part of the table: one sequential walk of the index, key
        // only, over the range of the received keys (the browser fetches it in blocks; a jump per
        // key, or Dexie's promise per step, costs several times more).
        await new Promise<void>((resolve, reject) => {
          const req = tx.objectStore(table).index('syncKey').openKeyCursor(range);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const c = req.result;
            if (!c) return resolve();
            note(c.key, c.primaryKey);
            c.continue();
          };
        });
      } else {
        await store.where('syncKey').anyOf(sorted).eachKey((key, c) => note(key, c.primaryKey));
      }
    }
    return held;
  }

  /**
   * Records held here that the office's scope list no longer names (someone moved to another
   * penilai), whose every write the office holds: removing this copy loses nothing.
   */
  private async outOfScope(scope: { ids: readonly string[]; covered: Record<string, string> }, incoming: readonly ExchangeRecord[]): Promise<{ table: string; doc: SyncDoc }[]> {
    const keep = new Set([...scope.ids, ...incoming.map((r) => `${r.table}:${r.doc.id as string}`)]);
    const out: { table: string; doc: SyncDoc }[] = [];
    for (const table of SYNCED_TABLES) {
      const gone = ((await this.db.table(table).toCollection().primaryKeys()) as string[]).filter((id) => !keep.has(`${table}:${id}`));
      if (gone.length === 0) continue;
      for (const doc of (await this.db.table(table).bulkGet(gone)) as (SyncDoc | undefined)[]) {
        if (!doc) continue;
        const k = docKnowledge(doc);
        if (Object.keys(k).every((n) => scope.covered[n]! >= k[n]!)) out.push({ table, doc });
      }
    }
    return out;
  }

  /**
   * The relay rule (domain/sync/trust.ts): a write stamped by an installation the sender may not
   * carry for, and that this installation does not already hold, refuses the whole package with
   * the record named. Records whose every writer may be carried are not looked into.
   */
  private refuseSmuggled(todo: readonly CheckedRecord[], locals: Map<string, SyncDoc>, carrier: Carrier): void {
    const { sender, receiver, former } = carrier;
    // Enrolments the package brings that its sender may vouch for (a kantor's own laptops, the
    // offices a BKD collects) are known from here on; any other stays unknown.
    const parties = new Map(carrier.parties);
    for (const rec of todo) {
      const d = enrolmentOf(rec);
      if (!d || parties.has(d.id)) continue;
      const party = { id: d.id, officeId: d.officeId, role: d.role, nama: d.nama };
      if (mayCarry(sender, party, receiver)) parties.set(d.id, party);
    }
    const verdicts = new Map<string, boolean>();
    const carry = (writer: string) => {
      let v = verdicts.get(writer);
      if (v === undefined) {
        const party = parties.get(writer);
        // This PC's own former identity: its office and its BKD hold what it wrote before the restore.
        v = former.includes(writer) ? sender.role !== 'PENILAI' : mayCarry(sender, party, receiver);
        verdicts.set(writer, v);
      }
      return v;
    };
    const retired = [...parties.values()].some((p) => p.retiredAt);
    for (const rec of todo) {
      const incoming = rec.doc as SyncDoc;
      if (!retired && Object.keys(docKnowledge(incoming)).every(carry)) continue;
      const found = relayViolations(rec.table, locals.get(`${rec.table}:${incoming.id}`), incoming, carry, (id) => parties.get(id));
      if (found.length > 0) {
        const v = found[0]!;
        const writer = v.writer === receiver.id || former.includes(v.writer) ? 'komputer ini' : (parties.get(v.writer)?.nama ?? v.writer);
        throw new RepoError(v.why === 'retired' ? 'package.retiredWriter' : 'package.relayRefused', { table: rec.table, id: incoming.id, path: v.path, writer });
      }
    }
  }

  /** The local copies of the records to merge (one key scan says which exist at all). */
  private async loadLocals(records: readonly ExchangeRecord[], existing: Existing): Promise<Map<string, SyncDoc>> {
    const byTable = new Map<string, string[]>();
    for (const r of records) {
      if (!existing.get(r.table)?.ids.has(r.doc.id as string)) continue;
      if (!byTable.has(r.table)) byTable.set(r.table, []);
      byTable.get(r.table)!.push(r.doc.id as string);
    }
    const locals = new Map<string, SyncDoc>();
    for (const [table, ids] of byTable) {
      const store = this.db.table(table);
      // Most of the table wanted: one read of all of it beats a request per record.
      if (ids.length * WALK_RATIO >= existing.get(table)!.size) {
        const wanted = new Set(ids);
        for (const d of (await store.toArray()) as SyncDoc[]) if (wanted.has(d.id)) locals.set(`${table}:${d.id}`, d);
      } else {
        const docs = (await store.bulkGet(ids)) as (SyncDoc | undefined)[];
        docs.forEach((d, i) => d && locals.set(`${table}:${ids[i]}`, d));
      }
    }
    return locals;
  }

  /**
   * Which of the batch's ids each synced table holds. A small batch (a week's package) looks its own
   * ids up, so years of history held here cost it nothing (issue #33); a big one reads every table's
   * keys once (one key-only request per table), which also says how big each table is.
   */
  private async existingIds(todo: readonly ExchangeRecord[]): Promise<Existing> {
    const wanted = [...new Set(todo.map((r) => r.doc.id as string))];
    const out: Existing = new Map();
    for (const table of SYNCED_TABLES) {
      const store = this.db.table(table);
      if (wanted.length <= LOOKUP_IDS) out.set(table, { ids: new Set((await store.where(':id').anyOf(wanted).primaryKeys()) as string[]), size: Number.POSITIVE_INFINITY });
      else {
        const all = (await store.toCollection().primaryKeys()) as string[];
        out.set(table, { ids: new Set(all), size: all.length });
      }
    }
    return out;
  }

  /** A record new to its table whose id another table already holds: refuse the batch. */
  private refuseCollisions(todo: readonly ExchangeRecord[], all: readonly ExchangeRecord[], existing: Existing): void {
    for (const r of todo) {
      const id = r.doc.id as string;
      if (existing.get(r.table)?.ids.has(id)) continue;
      for (const [other, { ids }] of existing) {
        if (other !== r.table && ids.has(id)) throw new ExchangeRefused({ code: 'idCollision', index: all.indexOf(r), table: r.table, id, field: other });
      }
    }
  }

  private proposal(table: string, doc: SyncDoc, reason: SyncProposal['reason'], paths: string[], writers: string[], source: BatchSource, at: string): SyncProposal {
    return { id: `${table}:${doc.id}:${doc.rev}`, at, table, docId: doc.id, reason, doc, paths, writers, from: source.label, packageId: source.packageId };
  }

  /** One civil servant on two records (registered separately on two installations), to merge. */
  async duplicates(): Promise<DuplicateNip[]> {
    return duplicateNips((await this.db.employees.toArray()).filter((e) => !e.deleted));
  }

  /**
   * A cloned profile or a restored backup found writing with this installation's id: from now on
   * this installation writes with a new one (same office, same role), enrolled like any other.
   */
  /** After a restore: this PC carries on the office's data under an id of its own. */
  async rekeyInstallation(): Promise<string> {
    const ctx = await this.context();
    return this.rekey(ctx, await this.db.installations.get(ctx.installId));
  }

  private async rekey(ctx: WriteContext, self: Installation | undefined): Promise<string> {
    const fresh = newInstallId();
    await setInstallId(this.db, fresh, ctx.installId);
    // The old key stays with the old identity: the next package is signed by a new one, which each
    // receiver takes only after a person compared its code (exchange/signature.ts).
    await retireOwnKeys(this.db, ctx.nowIso());
    this.clock.setNode(fresh);
    const next: WriteContext = { ...ctx, installId: fresh };
    await saveDoc<Installation>(this.db, 'installations', undefined, {
      officeId: ctx.officeId, role: self?.role ?? 'KANTOR', nama: self?.nama ?? 'PC admin', penilaiEmployeeId: self?.penilaiEmployeeId ?? null,
    }, next, { id: fresh });
    return fresh;
  }

  /** The office that owns a record when it is not this installation's office (a BKD's copies), else null. */
  async foreignOwner(table: SyncedTableName, doc: SyncDoc): Promise<{ officeId: string; nama: string } | null> {
    const local = await readLocal(this.db);
    const owner = ownerOf(table, doc);
    if (!local || owner === local.officeId) return null;
    // Records from before sync name their first writer; that installation knows its office.
    const office = (await this.db.offices.get(owner)) ?? (await this.db.offices.get((await this.db.installations.get(owner))?.officeId ?? ''));
    if (office?.id === local.officeId) return null;
    return { officeId: owner, nama: office?.namaKantor ?? owner };
  }

  /** Open conflicts and flags of one record (empty when none). */
  async conflictsOf(table: SyncedTableName, id: string): Promise<OpenConflict[]> {
    const doc = (await this.db.table(table).get(id)) as SyncDoc | undefined;
    return doc ? openConflicts(table, doc) : [];
  }

  /**
   * Every record with something to review, across the synced tables: only the records the review
   * mark's index lists are read (issue #33), never every record of every year.
   */
  async openConflicts(): Promise<{ table: SyncedTableName; id: string; doc: SyncDoc; conflicts: OpenConflict[] }[]> {
    const out: { table: SyncedTableName; id: string; doc: SyncDoc; conflicts: OpenConflict[] }[] = [];
    for (const table of SYNCED_TABLES) {
      const docs = (await this.db.table(table).where(REVIEW_MARK).equals(1).toArray()) as SyncDoc[];
      for (const d of docs) {
        const conflicts = openConflicts(table, d);
        if (conflicts.length > 0) out.push({ table, id: d.id, doc: d, conflicts });
      }
    }
    return out;
  }

  /**
   * Settles a conflict or a flag: writes `path` again with the chosen value, having seen every
   * head (an ordinary edit, which travels like any other). Without a value the winner stays.
   */
  async resolve(table: SyncedTableName, id: string, path: string, value?: unknown): Promise<SyncDoc> {
    const { db } = this;
    return db.transaction('rw', [db.table(table), db.auditLog, db.settings], async () => {
      const ctx = await this.context();
      const prev = (await db.table(table).get(id)) as SyncDoc | undefined;
      if (!prev) throw new RepoError('recordMissing', { id });
      // Deleted or not is the tombstone's own action (delete / restore), like everywhere else.
      if (path === 'deleted') return saveDoc<SyncDoc>(db, table, prev, {} as never, ctx, { action: value === false ? 'restore' : 'delete', force: [path], note: 'konflik diselesaikan' });
      const fields = value === undefined ? {} : this.withPath(table, prev, path, value);
      return saveDoc<SyncDoc>(db, table, prev, fields as never, ctx, { force: [path], note: 'konflik diselesaikan' });
    });
  }

  /**
   * Many conflicts settled in one action ("pakai nilai dari laptop Camat untuk semua yang dipilih"):
   * each an ordinary resolve, all in one transaction — all written, or none.
   */
  async resolveMany(choices: readonly { table: SyncedTableName; id: string; path: string; value?: unknown }[]): Promise<number> {
    const { db } = this;
    const tables = [...new Set(choices.map((c) => c.table))].map((t) => db.table(t));
    return db.transaction('rw', [...tables, db.auditLog, db.settings], async () => {
      for (const c of choices) await this.resolve(c.table, c.id, c.path, c.value);
      return choices.length;
    });
  }

  /** Open proposals with the record as it stands here, to show the proposed value beside the current one. */
  async proposalsWithCurrent(): Promise<{ proposal: SyncProposal; current: SyncDoc | null }[]> {
    const open = await this.proposals();
    const out: { proposal: SyncProposal; current: SyncDoc | null }[] = [];
    for (const p of open) out.push({ proposal: p, current: ((await this.db.table(p.table).get(p.docId)) as SyncDoc | undefined) ?? null });
    return out;
  }

  /** The top-level fields of `doc` after setting one path (unflatten of the changed flat doc). */
  private withPath(table: string, doc: SyncDoc, path: string, value: unknown): Record<string, unknown> {
    const shape = shapeOf(table);
    const flat = flatten(doc, shape);
    if (value === null && path !== 'deleted') flat.delete(path);
    else flat.set(path, value);
    const top = path.split('/')[0]!;
    return { [top]: unflatten(flat, shape)[top] };
  }

  async proposals(): Promise<SyncProposal[]> {
    return (await this.db.proposals.orderBy('at').reverse().toArray()).filter((p) => !p.decidedAt);
  }

  /** The owner takes a proposal: its values are written as the owner's own edit. */
  async acceptProposal(id: string): Promise<void> {
    const { db } = this;
    const p = await db.proposals.get(id);
    if (!p || p.decidedAt) return;
    const table = p.table as SyncedTableName;
    await db.transaction('rw', [db.table(table), db.auditLog, db.settings, db.proposals], async () => {
      const ctx = await this.context();
      const prev = (await db.table(table).get(p.docId)) as SyncDoc | undefined;
      const incoming = p.doc as SyncDoc;
      const shape = shapeOf(table);
      let fields: Record<string, unknown>;
      if (!prev || p.paths.includes('*')) {
        const { id: _i, rev: _r, sv: _s, createdAt: _c, updatedAt: _u, updatedBy: _b, ...values } = incoming;
        fields = values;
      } else {
        const flat = flatten(prev, shape);
        const theirs = flatten(incoming, shape);
        for (const path of p.paths) {
          if (theirs.has(path)) flat.set(path, theirs.get(path));
          else flat.delete(path);
        }
        const merged = unflatten(flat, shape);
        fields = Object.fromEntries([...new Set(p.paths.map((x) => x.split('/')[0]!))].map((k) => [k, merged[k]]));
      }
      await saveDoc<SyncDoc>(db, table, prev, fields as never, ctx, { ...(prev ? {} : { id: p.docId }), note: `usulan dari ${p.from} diterima` });
      await db.proposals.update(id, { decidedAt: ctx.nowIso(), decision: 'accepted' });
    });
  }

  async rejectProposal(id: string): Promise<void> {
    await this.db.proposals.update(id, { decidedAt: new Date().toISOString(), decision: 'rejected' });
  }

  /** After enrolments change: proposals whose writers are now allowed are applied as received. */
  async recheckProposals(): Promise<number> {
    const waiting = (await this.proposals()).filter((p) => p.reason === 'notAllowed');
    let applied = 0;
    for (const p of waiting) {
      const rec: ExchangeRecord = { table: p.table, schemaVersion: 0, doc: p.doc };
      const report = await this.applyBatch({ source: { packageId: p.packageId, installId: p.writers[0] ?? '', officeId: '', label: p.from }, records: [rec] });
      const still = await this.db.proposals.get(p.id);
      if (report.proposals === 0 && still) {
        await this.db.proposals.update(p.id, { decidedAt: new Date().toISOString(), decision: 'applied' });
        applied++;
      }
    }
    return applied;
  }
}
