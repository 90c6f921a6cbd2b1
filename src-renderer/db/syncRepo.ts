import { revNode, revPlausibility } from '../domain/hlc';
import { normalizeNip } from '../domain/nip';
import { diffFields } from '../domain/records';
import { authorizeFor, type Installation, ownerOf } from '../domain/sync/access';
import { baseRev, docKnowledge, mergeDocs, openConflicts, shapeOf, type OpenConflict, type SyncDoc } from '../domain/sync/merge';
import { flatten, unflatten } from '../domain/sync/paths';
import { type BatchSource, findRecordProblem, type ExchangeRecord, type RecordProblem } from '../exchange/records';

export type { BatchSource };
import type { RevClock } from './clock';
import { RepoError } from './errors';
import { newInstallId, saveClock, setInstallId } from './identity';
import { type AuditEntry, type KinerjaDb, SYNCED_TABLES, type SyncedTableName, type SyncProposal } from './schema';
import { saveDoc, type WriteContext } from './write';

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
  /** Set when a copy of this installation was found writing: this installation's new id. */
  rekeyed: string | null;
  /** The same NIP now on two employee records (offered for merging). */
  duplicates: { nip: string; ids: string[] }[];
}

/** A batch refused whole, with the record that caused it. */
export class ExchangeRefused extends RepoError {
  constructor(readonly problem: RecordProblem | { code: 'idCollision'; index: number; table: string; id: string; field: string }) {
    super(`exchange.${problem.code}`, { ...problem, row: problem.index + 1 });
  }
}

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
    return [...SYNCED_TABLES.map((t) => db.table(t)), db.auditLog, db.settings, db.proposals];
  }

  /**
   * This installation's enrolment, created for an office PC from before sync. A joined laptop or
   * BKD copy receives its enrolment from the office in its first package instead.
   */
  private async ensureSelf(ctx: WriteContext): Promise<Installation | undefined> {
    const self = await this.db.installations.get(ctx.installId);
    if (self || (ctx.role && ctx.role.role !== 'KANTOR')) return self;
    return saveDoc<Installation>(this.db, 'installations', undefined, { officeId: ctx.officeId, role: 'KANTOR', nama: 'PC admin', penilaiEmployeeId: null }, ctx, { id: ctx.installId });
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

  async applyBatch(batch: IncomingBatch): Promise<ApplyReport> {
    const problem = findRecordProblem(batch.records);
    if (problem) throw new ExchangeRefused(problem);
    const { db } = this;
    const records = [...batch.records].sort((a, b) => (ORDER.get(a.table) ?? 99) - (ORDER.get(b.table) ?? 99));
    return db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const self = ctx.installId;
      await this.ensureSelf(ctx);
      const locals = await this.loadLocals(records);
      await this.refuseCollisions(batch.records, locals);

      const report: ApplyReport = { created: 0, updated: 0, unchanged: 0, proposals: 0, held: 0, conflicts: 0, clockAhead: [], rekeyed: null, duplicates: [] };
      const enrolled = new Map((await db.installations.toArray()).map((i) => [i.id, i]));
      const localMs = this.clock.localMs();
      const at = ctx.nowIso();
      const writes = new Map<string, SyncDoc[]>();
      const audits: AuditEntry[] = [];
      const proposals: SyncProposal[] = [];
      const ahead = new Set<string>();
      const newEmployees: SyncDoc[] = [];
      let newest: string | null = null;
      let clone = false;

      for (const rec of records) {
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
        const out = mergeDocs(rec.table, local, incoming, { authorize: authorizeFor(rec.table, owner, local, (id) => enrolled.get(id)), selfNode: self });
        // Revs of this very installation that it never wrote: a copy of it is writing elsewhere.
        const mine = docKnowledge(incoming)[self];
        if (out.clones.includes(self) || (mine !== undefined && (!local || !(docKnowledge(local)[self]! >= mine)))) clone = true;
        if (out.refused.length > 0 || out.rejected) {
          const paths = out.rejected ? ['*'] : [...new Set(out.refused.map((r) => r.path))];
          proposals.push(this.proposal(rec.table, incoming, 'notAllowed', paths, [...new Set(out.refused.map((r) => revNode(r.head.r)))], batch.source, at));
        }
        if (!out.changed) {
          report.unchanged++;
          continue;
        }
        const doc = out.doc;
        locals.set(key, doc);
        if (rec.table === 'installations') enrolled.set(doc.id, doc as unknown as Installation);
        if (rec.table === 'employees' && !local) newEmployees.push(doc);
        if (local) report.updated++;
        else report.created++;
        if (!writes.has(rec.table)) writes.set(rec.table, []);
        writes.get(rec.table)!.push(doc);
        if (!newest || doc.rev > newest) newest = doc.rev;
        report.conflicts += openConflicts(rec.table, doc).length;
        audits.push({
          id: crypto.randomUUID(), at, actor: batch.source.label, officeId: batch.source.officeId, installId: revNode(doc.rev),
          table: rec.table, docId: doc.id, action: local ? 'update' : 'create',
          changes: diffFields(local as Record<string, unknown> | undefined, doc as Record<string, unknown>),
          rev: doc.rev, note: `paket ${batch.source.packageId}`, source: batch.source,
        });
      }

      for (const [table, docs] of writes) await db.table(table).bulkPut(docs);
      if (audits.length > 0) await db.auditLog.bulkAdd(audits);
      // A proposal already decided (the same package received again) stays decided.
      const decided = new Set((await db.proposals.bulkGet(proposals.map((p) => p.id))).filter((p) => p?.decidedAt).map((p) => p!.id));
      const open = proposals.filter((p) => !decided.has(p.id));
      if (open.length > 0) await db.proposals.bulkPut(open);
      report.proposals = proposals.filter((p) => p.reason === 'notAllowed').length;
      // Every later local edit sorts after what was received (the clock moves past it).
      this.clock.observe(newest);
      await saveClock(db, this.clock.lastRev());
      report.clockAhead = [...ahead].map((id) => ({ installId: id, nama: enrolled.get(id)?.nama ?? id }));
      report.duplicates = await this.duplicateNips(newEmployees);
      if (clone) report.rekeyed = await this.rekey(ctx, enrolled.get(self));
      return report;
    });
  }

  private async loadLocals(records: readonly ExchangeRecord[]): Promise<Map<string, SyncDoc>> {
    const byTable = new Map<string, string[]>();
    for (const r of records) {
      if (!byTable.has(r.table)) byTable.set(r.table, []);
      byTable.get(r.table)!.push(r.doc.id as string);
    }
    const locals = new Map<string, SyncDoc>();
    await Promise.all(
      [...byTable].map(async ([table, ids]) => {
        const docs = (await this.db.table(table).bulkGet(ids)) as (SyncDoc | undefined)[];
        docs.forEach((d, i) => d && locals.set(`${table}:${ids[i]}`, d));
      }),
    );
    return locals;
  }

  /** A record new to its table whose id another table already holds: refuse the batch. */
  private async refuseCollisions(records: readonly ExchangeRecord[], locals: Map<string, SyncDoc>): Promise<void> {
    const fresh = records.map((r, index) => ({ r, index })).filter(({ r }) => !locals.has(`${r.table}:${r.doc.id as string}`));
    if (fresh.length === 0) return;
    for (const other of SYNCED_TABLES) {
      const candidates = fresh.filter(({ r }) => r.table !== other);
      if (candidates.length === 0) continue;
      const found = await this.db.table(other).bulkGet(candidates.map(({ r }) => r.doc.id as string));
      const i = found.findIndex((d) => d !== undefined);
      if (i >= 0) {
        const { r, index } = candidates[i]!;
        throw new ExchangeRefused({ code: 'idCollision', index, table: r.table, id: r.doc.id as string, field: other });
      }
    }
  }

  private proposal(table: string, doc: SyncDoc, reason: SyncProposal['reason'], paths: string[], writers: string[], source: BatchSource, at: string): SyncProposal {
    return { id: `${table}:${doc.id}:${doc.rev}`, at, table, docId: doc.id, reason, doc, paths, writers, from: source.label, packageId: source.packageId };
  }

  /** Employees whose NIP another (different) record has too: the same person registered twice. */
  private async duplicateNips(fresh: SyncDoc[]): Promise<{ nip: string; ids: string[] }[]> {
    const out: { nip: string; ids: string[] }[] = [];
    for (const e of fresh) {
      const nip = normalizeNip(String(e.nip ?? ''));
      if (!nip || e.deleted) continue;
      const same = (await this.db.employees.where('nip').equals(nip).toArray()).filter((x) => !x.deleted);
      if (same.length > 1 && !out.some((d) => d.nip === nip)) out.push({ nip, ids: same.map((x) => x.id).sort() });
    }
    return out;
  }

  /**
   * A cloned profile or a restored backup found writing with this installation's id: from now on
   * this installation writes with a new one (same office, same role), enrolled like any other.
   */
  private async rekey(ctx: WriteContext, self: Installation | undefined): Promise<string> {
    const fresh = newInstallId();
    await setInstallId(this.db, fresh, ctx.installId);
    this.clock.setNode(fresh);
    const next: WriteContext = { ...ctx, installId: fresh };
    await saveDoc<Installation>(this.db, 'installations', undefined, {
      officeId: ctx.officeId, role: self?.role ?? 'KANTOR', nama: self?.nama ?? 'PC admin', penilaiEmployeeId: self?.penilaiEmployeeId ?? null,
    }, next, { id: fresh });
    return fresh;
  }

  /** Open conflicts and flags of one record (empty when none). */
  async conflictsOf(table: SyncedTableName, id: string): Promise<OpenConflict[]> {
    const doc = (await this.db.table(table).get(id)) as SyncDoc | undefined;
    return doc ? openConflicts(table, doc) : [];
  }

  /** Every record with something to review, across the synced tables. */
  async openConflicts(): Promise<{ table: SyncedTableName; id: string; conflicts: OpenConflict[] }[]> {
    const out: { table: SyncedTableName; id: string; conflicts: OpenConflict[] }[] = [];
    for (const table of SYNCED_TABLES) {
      const docs = (await this.db.table(table).filter((d: SyncDoc) => !!d.sv && Object.keys(d.sv.f).length > 0).toArray()) as SyncDoc[];
      for (const d of docs) {
        const conflicts = openConflicts(table, d);
        if (conflicts.length > 0) out.push({ table, id: d.id, conflicts });
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
      const fields = value === undefined ? {} : this.withPath(table, prev, path, value);
      return saveDoc<SyncDoc>(db, table, prev, fields as never, ctx, { force: [path], note: 'konflik diselesaikan' });
    });
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
