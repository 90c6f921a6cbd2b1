import { employeeFieldsOf, printedName, type Employee } from '../domain/pegawai';
import type { SyncMeta } from '../domain/records';
import { unitFieldsOf, type Unit } from '../domain/unit';
import { appendAudit } from './audit';
import { snapshotNow } from './backup';
import { RepoError } from './errors';
import { saveClock } from './identity';
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

function newestRev(docs: readonly SyncMeta[]): string | null {
  return docs.reduce<string | null>((m, d) => (!m || d.rev > m ? d.rev : m), null);
}

/** Errors kept in the log are capped; the full list was offered as an xlsx at preview time. */
const MAX_LOGGED_ERRORS = 5000;

/**
 * Writing a confirmed import: one transaction, all or nothing, audit entries for every record,
 * an import-log entry (file name, SHA-256, counts) holding what is needed to undo it.
 */
export class ImportRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  async log(): Promise<ImportLogEntry[]> {
    return (await this.db.importLog.orderBy('at').reverse().toArray()).map((e) => ({ ...e, snapshot: undefined }) as ImportLogEntry);
  }

  async previousBySha(sha256: string): Promise<ImportLogEntry | undefined> {
    return (await this.db.importLog.toArray()).filter((e) => e.sha256 === sha256 && !e.undoneAt).sort((a, b) => b.at.localeCompare(a.at))[0];
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
    // Undo covers this import alone; the snapshot returns the whole PC to before it (Pengaturan).
    await snapshotNow(db, 'import');
    return db.transaction('rw', [db.employees, db.units, db.auditLog, db.importLog, db.settings], async () => {
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
      if (opts.createsAudit && plan.creates.length > 0) {
        audits.push({
          id: crypto.randomUUID(), at: ctx.nowIso(), actor: ctx.actor, officeId: ctx.officeId, table, docId: logId,
          action: 'create', changes: [], rev: ctx.nextRev(), note: `${note}: ${opts.createsAudit(plan.creates.length)}`,
        });
      }
      plan.updates.forEach((u, i) => {
        const p = prepareDoc<T>(table, prevs[i], u.fields as never, ctx, { note });
        if (!p) return;
        docs.push(p.doc);
        audits.push(p.audit);
      });
      await store.bulkPut(docs);
      await appendAudit(db, audits);
      // New records have no audit entry of their own: the clock row keeps their newest rev.
      await saveClock(db, newestRev(docs));
      const entry: ImportLogEntry = {
        id: logId,
        at: ctx.nowIso(),
        actor: ctx.actor,
        fileName: meta.fileName,
        sha256: meta.sha256,
        kind: opts.kind,
        counts: { baru: plan.creates.length, berubah: plan.updates.length, tidakBerubah: plan.unchanged, dilewati: plan.skipped ?? 0, galat: plan.errorRows },
        errors: plan.errors.slice(0, MAX_LOGGED_ERRORS),
        snapshot: {
          table,
          created: plan.creates.map((c) => c.id),
          previous: prevs.filter((p): p is T => Boolean(p)),
          written: Object.fromEntries(docs.map((d) => [d.id, d.rev])),
        },
      };
      await db.importLog.add(entry);
      return { ...entry, snapshot: undefined } as ImportLogEntry;
    });
  }

  /**
   * Undoes an import from its snapshot: created employees become tombstones, updated ones get their
   * previous fields back (both as new revisions, so other offices see the undo too). Refused when a
   * record was edited after the import.
   */
  async undo(logId: string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.employees, db.units, db.auditLog, db.importLog, db.settings], async () => {
      const ctx = await this.context();
      const entry = await db.importLog.get(logId);
      if (!entry?.snapshot) throw new RepoError('notFound');
      if (entry.undoneAt) throw new RepoError('importAlreadyUndone');
      const snap = entry.snapshot;
      const table = snap.table ?? 'employees';
      const ids = Object.keys(snap.written);
      const current = (await db.table(table).bulkGet(ids)) as (Employee | Unit | undefined)[];
      const nameOf = (d: Employee | Unit) => ('nip' in d ? printedName(d) : d.nama);
      current.forEach((c, i) => {
        if (!c || c.rev !== snap.written[ids[i]!]) throw new RepoError('importChangedSince', { nama: c ? nameOf(c) : '?' });
      });
      const byId = new Map(current.filter((c): c is Employee | Unit => Boolean(c)).map((c) => [c.id, c]));
      const note = `Impor ${entry.fileName} dibatalkan`;
      const docs: (Employee | Unit)[] = [];
      const audits: AuditEntry[] = [];
      const keep = (p: { doc: Employee | Unit; audit: AuditEntry } | null) => {
        if (!p) return;
        docs.push(p.doc);
        audits.push(p.audit);
      };
      for (const id of snap.created) keep(prepareDoc<Employee | Unit>(table, byId.get(id), {}, ctx, { action: 'delete', note }));
      for (const prev of snap.previous) {
        const fields = 'nip' in prev ? employeeFieldsOf(prev) : unitFieldsOf(prev);
        keep(prepareDoc<Employee | Unit>(table, byId.get(prev.id), fields as never, ctx, { note }));
      }
      await db.table(table).bulkPut(docs);
      await appendAudit(db, audits);
      await saveClock(db, newestRev(docs));
      await db.importLog.put({ ...entry, undoneAt: ctx.nowIso() });
    });
  }
}
