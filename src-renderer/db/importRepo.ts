import { recordHash } from '../domain/auditChain';
import { predikatFor, type Evaluation } from '../domain/evaluation';
import { employeeFieldsOf, printedName, type Employee } from '../domain/pegawai';
import { SYNC_META_FIELDS, type SyncMeta } from '../domain/records';
import type { Rhk, Skp } from '../domain/skp';
import { unitFieldsOf, type Unit } from '../domain/unit';
import { appendAudit } from './audit';
import { RepoError } from './errors';
import { saveClock } from './identity';
import type { SkpRepo } from './skpRepo';
import type { EvaluationRepo } from './evaluationRepo';
import type { AuditEntry, ImportLogEntry, KinerjaDb } from './schema';
import { prepareDoc, type WriteContext } from './write';

export interface CommitMeta {
  fileName: string;
  sha256: string;
  /** The user chose "impor hanya baris yang valid": rows with errors are left out (and logged). */
  onlyValid: boolean;
}

/** What any import plan hands to the commit (employee and unit plans from exchange/ both fit). */
export interface BatchPlan<T extends Employee | Unit> {
  creates: { id: string; fields: Omit<T, keyof SyncMeta> }[];
  updates: { id: string; rev: string; nama: string; fields: Omit<T, keyof SyncMeta> }[];
  unchanged: number;
  skipped?: number;
  errors: unknown[];
  errorRows: number;
  madeAt: string;
}

/** A confirmed SKP template import (exchange/skpImport.ts makes it): draft contents per employee. */
export interface SkpBatch {
  year: number;
  creates: { employeeId: string; nama: string; content: { rhk: Rhk[]; ekspektasi: Record<string, string> } }[];
  updates: { id: string; rev: string; nama: string; content: { rhk: Rhk[]; ekspektasi: Record<string, string> } }[];
  unchanged: number;
  errors: unknown[];
  errorRows: number;
  madeAt: string;
}

/** A confirmed lembar penilaian import (exchange/lembarPenilaian.ts makes it). */
export interface EvaluationBatch {
  year: number;
  periodId: string;
  creates: { skpId: string; nama: string; hasil: Evaluation['hasil']; ratingHasil: Evaluation['ratingHasil']; ratingPerilaku: Evaluation['ratingPerilaku'] }[];
  updates: { evaluation?: { id: string; rev: string }; nama: string; hasil: Evaluation['hasil']; ratingHasil: Evaluation['ratingHasil']; ratingPerilaku: Evaluation['ratingPerilaku']; predikat: Evaluation['predikat'] }[];
  unchanged: number;
  errors: unknown[];
  errorRows: number;
  madeAt: string;
}

type Imported = Employee | Unit | Skp | Evaluation;
type ImportTable = 'employees' | 'units' | 'skps' | 'evaluations';

/** The log fields of a batch import (SKP, lembar): counts, errors, and which documents it created. */
function batchLog(plan: SkpBatch | EvaluationBatch, docs: Imported[], prevs: (Imported | undefined)[], ctx: WriteContext) {
  return {
    created: docs.filter((d) => !prevs.some((p) => p?.id === d.id)).map((d) => d.id),
    counts: { baru: plan.creates.length, berubah: plan.updates.length, tidakBerubah: plan.unchanged, dilewati: 0, galat: plan.errorRows },
    errors: plan.errors,
    at: ctx.nowIso(),
    actor: ctx.actor,
  };
}

/** The documents and audit entries a batch writes, and `keep` for each prepared save (null: nothing changed). */
function collector<T extends Imported>() {
  const docs: T[] = [];
  const audits: AuditEntry[] = [];
  const keep = (p: { doc: T; audit: AuditEntry } | null) => {
    if (!p) return;
    docs.push(p.doc);
    audits.push(p.audit);
  };
  return { docs, audits, keep };
}

/** A record's own fields, without its sync metadata: what undo writes back. */
function fieldsOf(doc: Imported): Record<string, unknown> {
  if ('nip' in doc && 'nama' in doc && !('rhk' in doc)) return employeeFieldsOf(doc as Employee) as unknown as Record<string, unknown>;
  if ('parentId' in doc && 'headId' in doc) return unitFieldsOf(doc as Unit) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...doc };
  for (const k of [...SYNC_META_FIELDS, 'sv', 'syncKey']) delete out[k];
  return out;
}

function newestRev(docs: readonly SyncMeta[]): string | null {
  return docs.reduce<string | null>((m, d) => (!m || d.rev > m ? d.rev : m), null);
}

/** Errors kept in the log are capped; the full list was offered as an xlsx at preview time. */
const MAX_LOGGED_ERRORS = 5000;

/**
 * Writing a confirmed import: one transaction, all or nothing, audit entries for every record,
 * an import-log entry (file name, SHA-256, counts) holding what is needed to undo it.
 */
/**
 * How long an import can be undone: its log entry keeps the versions it replaced this many days,
 * then only its log line (file, SHA-256, counts). Past a month, an office has built on those
 * records; a restore from a backup is the way back then.
 */
export const IMPORT_UNDO_DAYS = 30;
/** Imports listed on Impor/Ekspor, newest first. */
export const IMPORT_LOG_SHOWN = 200;

export type ImportLogRow = Omit<ImportLogEntry, 'snapshot'> & { undoable: boolean };

export class ImportRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  private tables() {
    const { db } = this;
    return [db.employees, db.units, db.skps, db.evaluations, db.periods, db.rulePacks, db.auditLog, db.importLog, db.settings];
  }

  /** The newest imports, without their undo data; `undoable` while it is kept (IMPORT_UNDO_DAYS). */
  async log(limit = IMPORT_LOG_SHOWN): Promise<ImportLogRow[]> {
    const rows = await this.db.importLog.orderBy('at').reverse().limit(limit).toArray();
    return rows.map(({ snapshot, ...e }) => ({ ...e, undoable: !!snapshot }));
  }

  async previousBySha(sha256: string): Promise<ImportLogEntry | undefined> {
    return (await this.db.importLog.where('sha256').equals(sha256).toArray()).filter((e) => !e.undoneAt).sort((a, b) => b.at.localeCompare(a.at))[0];
  }

  async commitEmployees(plan: BatchPlan<Employee>, meta: CommitMeta): Promise<ImportLogEntry> {
    return this.commit<Employee>('employees', plan, meta, {
      kind: 'pegawai',
      // New NIPs: only records written since the plan was made can clash, so only those are read.
      clash: (fresh) => {
        const nips = new Set(plan.creates.map((c) => c.fields.nip));
        const taken = fresh.find((e) => nips.has(e.nip));
        return taken ? printedName(taken) : null;
      },
      // One audit entry for all new records (the log lists their ids, and an employee's history
      // shows "dibuat lewat impor"); 12,000 entries would double the write.
      createsAudit: (n) => `${n} pegawai baru`,
    });
  }

  /** Units from the Unit kerja template: few rows, so one audit entry per unit. */
  async commitUnits(plan: BatchPlan<Unit>, meta: CommitMeta): Promise<ImportLogEntry> {
    return this.commit<Unit>('units', plan, meta, {
      kind: 'unit',
      clash: (fresh) =>
        fresh.find((f) => plan.creates.some((c) => c.fields.nama.toLowerCase() === f.nama.toLowerCase() && c.fields.parentId === f.parentId))?.nama ?? null,
    });
  }

  /**
   * Draft SKPs from the SKP template: new drafts get their identity snapshots from the registry (as
   * "Buat SKP" would), existing drafts get the file's RHK and ekspektasi. Refused whole when an SKP
   * changed since the preview, was submitted or approved meanwhile, or was created by someone else.
   */
  async commitSkps(plan: SkpBatch, meta: CommitMeta, skps: SkpRepo): Promise<ImportLogEntry> {
    if (plan.errors.length > 0 && !meta.onlyValid) throw new RepoError('importHasErrors', { count: plan.errorRows });
    const { db } = this;
    return db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prevs = await db.skps.bulkGet(plan.updates.map((u) => u.id));
      prevs.forEach((p, i) => {
        const u = plan.updates[i]!;
        if (!p || p.deleted || p.rev !== u.rev || p.status !== 'DRAF') throw new RepoError('importStale', { nama: u.nama });
      });
      const holders = new Set((await db.skps.where('year').equals(plan.year).toArray()).filter((s) => !s.deleted).map((s) => s.employeeId));
      const taken = plan.creates.find((c) => holders.has(c.employeeId));
      if (taken) throw new RepoError('importStale', { nama: taken.nama });
      const note = `Impor ${meta.fileName}`;
      const logId = crypto.randomUUID();
      const { docs, audits, keep } = collector<Skp>();
      const batch = await skps.batchContext();
      for (const c of plan.creates) {
        const p = prepareDoc<Skp>('skps', undefined, skps.draftFields(c.employeeId, plan.year, c.content, batch), ctx, { note });
        if (p) docs.push(p.doc);
      }
      // One audit entry for all new drafts, as for new employees: the log lists them.
      if (plan.creates.length > 0) audits.push(this.createsAudit(ctx, 'skps', logId, `${note}: ${plan.creates.length} SKP baru`));
      plan.updates.forEach((u, i) => keep(prepareDoc<Skp>('skps', prevs[i], u.content, ctx, { note })));
      return this.finish('skps', docs, audits, prevs.filter((p): p is Skp => Boolean(p)), meta, {
        id: logId,
        kind: 'skp',
        ...batchLog(plan, docs, prevs, ctx),
      });
    });
  }

  /**
   * Evaluations from the lembar penilaian: drafts get the file's realisasi, notes and ratings (the
   * predikat read from each evaluation's own rule pack); evaluations not started yet are started with
   * the same refusals as "Mulai penilaian". A Final or changed evaluation since the preview: nothing is written.
   */
  async commitEvaluations(plan: EvaluationBatch, meta: CommitMeta, evaluations: EvaluationRepo): Promise<ImportLogEntry> {
    if (plan.errors.length > 0 && !meta.onlyValid) throw new RepoError('importHasErrors', { count: plan.errorRows });
    const { db } = this;
    return db.transaction('rw', [...this.tables(), db.attachments, db.unitResults], async () => {
      const ctx = await this.context();
      const prevs = await db.evaluations.bulkGet(plan.updates.map((u) => u.evaluation?.id ?? ''));
      prevs.forEach((p, i) => {
        const u = plan.updates[i]!;
        if (!p || p.deleted || p.rev !== u.evaluation?.rev || p.status !== 'DRAF') throw new RepoError('importStale', { nama: u.nama });
      });
      const note = `Impor ${meta.fileName}`;
      const logId = crypto.randomUUID();
      const { docs, audits, keep } = collector<Evaluation>();
      const started = new Set((await db.evaluations.where('periodId').equals(plan.periodId).toArray()).filter((e) => !e.deleted).map((e) => e.skpId));
      const pre = await evaluations.batchContext(plan.year);
      for (const c of plan.creates) {
        if (started.has(c.skpId)) throw new RepoError('importStale', { nama: c.nama });
        const fields = evaluations.draftFieldsFrom(pre, c.skpId, plan.periodId);
        // New evaluations record the active pack, so their predikat is read from it.
        const draft = { ...fields, hasil: c.hasil, ratingHasil: c.ratingHasil, ratingPerilaku: c.ratingPerilaku, predikat: predikatFor(pre.pack, c.ratingHasil, c.ratingPerilaku) };
        const p = prepareDoc<Evaluation>('evaluations', undefined, draft, ctx, { note });
        if (p) docs.push(p.doc);
      }
      if (plan.creates.length > 0) audits.push(this.createsAudit(ctx, 'evaluations', logId, `${note}: ${plan.creates.length} penilaian baru`));
      for (const [i, u] of plan.updates.entries()) {
        const prev = prevs[i]!;
        keep(prepareDoc<Evaluation>('evaluations', prev, { hasil: u.hasil, ratingHasil: u.ratingHasil, ratingPerilaku: u.ratingPerilaku, predikat: await evaluations.predikatOf(prev, u.ratingHasil, u.ratingPerilaku) }, ctx, { note }));
      }
      return this.finish('evaluations', docs, audits, prevs.filter((p): p is Evaluation => Boolean(p)), meta, {
        id: logId,
        kind: 'realisasi',
        ...batchLog(plan, docs, prevs, ctx),
      });
    });
  }

  /** The one audit entry that stands for every record an import created (its log entry lists them). */
  private createsAudit(ctx: WriteContext, table: ImportTable, logId: string, note: string): AuditEntry {
    return { id: crypto.randomUUID(), at: ctx.nowIso(), actor: ctx.actor, officeId: ctx.officeId, table, docId: logId, action: 'create', changes: [], rev: ctx.nextRev(), note };
  }

  /** Inside the import's transaction: documents, audit entries, clock and the log entry undo reads. */
  private async finish(
    table: ImportTable,
    docs: Imported[],
    audits: AuditEntry[],
    previous: Imported[],
    meta: CommitMeta,
    info: { id?: string; kind: string; created: string[]; counts: Record<string, number>; errors: unknown[]; at: string; actor: string },
  ): Promise<ImportLogEntry> {
    const { db } = this;
    await db.table(table).bulkPut(docs);
    // The import's one "N baru" entry keeps the hash of each record it created (issue #25).
    const own = new Set(audits.filter((a) => a.h).map((a) => a.docId));
    const carrier = audits.find((a) => !a.h);
    if (carrier) carrier.hashes = Object.fromEntries(docs.filter((d) => !own.has(d.id)).map((d) => [d.id, recordHash(d)]));
    await appendAudit(db, audits);
    await saveClock(db, newestRev(docs));
    const entry: ImportLogEntry = {
      id: info.id ?? crypto.randomUUID(),
      at: info.at,
      actor: info.actor,
      fileName: meta.fileName,
      sha256: meta.sha256,
      kind: info.kind,
      counts: info.counts,
      errors: info.errors.slice(0, MAX_LOGGED_ERRORS),
      snapshot: { table, created: info.created, previous, written: Object.fromEntries(docs.map((d) => [d.id, d.rev])) },
    };
    await db.importLog.add(entry);
    // Undo data ages out (issue #33): older imports keep their log line, not the records they replaced.
    const cutoff = new Date(Date.parse(info.at) - IMPORT_UNDO_DAYS * 86_400_000).toISOString();
    await db.importLog
      .where('at')
      .below(cutoff)
      .filter((e) => !!e.snapshot)
      .modify((e) => {
        delete e.snapshot;
      });
    return { ...entry, snapshot: undefined } as ImportLogEntry;
  }

  /**
   * The write shared by every import: refuse a plan gone stale since the preview (an updated record
   * has another revision, or a new one clashes with a record written meanwhile), then write all
   * documents, their audit entries and the log entry that undo needs, in one transaction.
   */
  private async commit<T extends Employee | Unit>(
    table: 'employees' | 'units',
    plan: BatchPlan<T>,
    meta: CommitMeta,
    opts: { kind: string; clash(fresh: T[]): string | null; createsAudit?: (count: number) => string },
  ): Promise<ImportLogEntry> {
    if (plan.errors.length > 0 && !meta.onlyValid) throw new RepoError('importHasErrors', { count: plan.errorRows });
    const { db } = this;
    const store = db.table<T, string>(table);
    return db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prevs = await store.bulkGet(plan.updates.map((u) => u.id));
      prevs.forEach((p, i) => {
        const u = plan.updates[i]!;
        if (!p || p.deleted || p.rev !== u.rev) throw new RepoError('importStale', { nama: u.nama });
      });
      if (plan.creates.length > 0) {
        const fresh = (await store.where('updatedAt').aboveOrEqual(plan.madeAt).toArray()).filter((d) => !d.deleted);
        const clash = opts.clash(fresh);
        if (clash) throw new RepoError('importStale', { nama: clash });
      }
      const note = `Impor ${meta.fileName}`;
      const logId = crypto.randomUUID();
      const docs: T[] = [];
      const audits: AuditEntry[] = [];
      for (const c of plan.creates) {
        const p = prepareDoc<T>(table, undefined, c.fields as never, ctx, { id: c.id, note });
        if (!p) continue;
        docs.push(p.doc);
        if (!opts.createsAudit) audits.push(p.audit);
      }
      if (opts.createsAudit && plan.creates.length > 0) audits.push(this.createsAudit(ctx, table, logId, `${note}: ${opts.createsAudit(plan.creates.length)}`));
      plan.updates.forEach((u, i) => {
        const p = prepareDoc<T>(table, prevs[i], u.fields as never, ctx, { note });
        if (!p) return;
        docs.push(p.doc);
        audits.push(p.audit);
      });
      // New records have no audit entry of their own: finish's clock row keeps their newest rev.
      return this.finish(table, docs, audits, prevs.filter((p): p is T => Boolean(p)), meta, {
        id: logId,
        kind: opts.kind,
        created: plan.creates.map((c) => c.id),
        counts: { baru: plan.creates.length, berubah: plan.updates.length, tidakBerubah: plan.unchanged, dilewati: plan.skipped ?? 0, galat: plan.errorRows },
        errors: plan.errors,
        at: ctx.nowIso(),
        actor: ctx.actor,
      });
    });
  }

  /**
   * Undoes an import from its snapshot: created employees become tombstones, updated ones get their
   * previous fields back (both as new revisions, so other offices see the undo too). Refused when a
   * record was edited after the import.
   */
  async undo(logId: string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const entry = await db.importLog.get(logId);
      if (!entry) throw new RepoError('notFound');
      if (!entry.snapshot) throw new RepoError('importUndoExpired', { days: IMPORT_UNDO_DAYS });
      if (entry.undoneAt) throw new RepoError('importAlreadyUndone');
      const snap = entry.snapshot;
      const table = snap.table ?? 'employees';
      const ids = Object.keys(snap.written);
      const current = (await db.table(table).bulkGet(ids)) as (Imported | undefined)[];
      const nameOf = (d: Imported) => ('pegawai' in d ? d.pegawai.nama : 'nip' in d ? printedName(d) : 'nama' in d ? d.nama : '?');
      current.forEach((c, i) => {
        if (!c || c.rev !== snap.written[ids[i]!]) throw new RepoError('importChangedSince', { nama: c ? nameOf(c) : '?' });
      });
      const byId = new Map(current.filter((c): c is Imported => Boolean(c)).map((c) => [c.id, c]));
      const note = `Impor ${entry.fileName} dibatalkan`;
      const { docs, audits, keep } = collector<Imported>();
      for (const id of snap.created) keep(prepareDoc<Imported>(table, byId.get(id), {}, ctx, { action: 'delete', note }));
      for (const prev of snap.previous) keep(prepareDoc<Imported>(table, byId.get(prev.id), fieldsOf(prev) as never, ctx, { note }));
      await db.table(table).bulkPut(docs);
      await appendAudit(db, audits);
      await saveClock(db, newestRev(docs));
      await db.importLog.put({ ...entry, undoneAt: ctx.nowIso() });
    });
  }
}
