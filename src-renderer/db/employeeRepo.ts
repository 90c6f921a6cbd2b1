import type { LocalEdit } from '../domain/sync/localEdit';
import { fromJsDate } from '../domain/dates';
import { normalizeNip } from '../domain/nip';
import { findAtasanCycle, printedName, validateEmployee, type Employee, type EmployeeFields } from '../domain/pegawai';
import { docHistory } from './audit';
import { RepoError } from './errors';
import type { AuditEntry, KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';

export interface SaveEmployeeOptions {
  today?: Date;
  /**
   * When deactivating someone who is still atasan of active employees: the new atasan for them
   * (an employee id), or null to leave them without atasan. Undefined = ask first (throws stillAtasan).
   */
  reassignSubordinatesTo?: string | null;
  /** From the form: the version it was opened on and the paths typed (only those are written, db/write.ts). */
  edit?: LocalEdit;
}

export class EmployeeRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  /** All employees that are not tombstoned, active and inactive. */
  async listAll(): Promise<Employee[]> {
    return (await this.db.employees.toArray()).filter((e) => !e.deleted);
  }

  async get(id: string): Promise<Employee | undefined> {
    const e = await this.db.employees.get(id);
    return e && !e.deleted ? e : undefined;
  }

  /** Audit entries, newest first; an employee created by an import gets that import as its first entry. */
  async history(id: string): Promise<AuditEntry[]> {
    const entries = await docHistory(this.db, 'employees', id);
    if (entries.some((e) => e.action === 'create')) return entries;
    const log = (await this.db.importLog.toArray()).find((e) => e.snapshot?.created.includes(id));
    if (!log) return entries;
    return [...entries, { id: `import-${log.id}`, at: log.at, actor: log.actor, officeId: '', table: 'employees', docId: id, action: 'create', changes: [], rev: '', note: `Dibuat lewat impor ${log.fileName}` }];
  }

  async save(id: string | null, raw: EmployeeFields, opts: SaveEmployeeOptions = {}): Promise<Employee> {
    const today = fromJsDate(opts.today ?? new Date());
    const fields: EmployeeFields = {
      ...raw,
      nip: normalizeNip(raw.nip),
      nama: raw.nama.trim().replace(/\s+/g, ' '),
      gelarDepan: raw.gelarDepan.trim(),
      gelarBelakang: raw.gelarBelakang.trim(),
      jabatan: raw.jabatan.trim(),
      ...(raw.aktif ? { nonaktifAlasan: '', nonaktifTanggal: '', nonaktifKeterangan: '' } : {}),
    };
    const errors = validateEmployee(fields, { today, ...(id ? { selfId: id } : {}) }).filter((i) => i.severity === 'error');
    if (errors.length > 0) throw new RepoError('employeeInvalid', { issues: errors });

    const { db } = this;
    return db.transaction('rw', [db.employees, db.units, db.auditLog, db.settings], async () => {
      const ctx = await this.context();
      const prev = id ? await db.employees.get(id) : undefined;
      if (id && (!prev || prev.deleted)) throw new RepoError('notFound');
      const selfId = prev?.id ?? null;

      const sameNip = await db.employees
        .where('nip')
        .equals(fields.nip)
        .filter((e) => !e.deleted && e.id !== selfId)
        .first();
      if (sameNip) throw new RepoError('nipDuplicate', { id: sameNip.id, nama: printedName(sameNip) });

      if (fields.unitId) {
        const unit = await db.units.get(fields.unitId);
        if (!unit || unit.deleted) throw new RepoError('unitMissing');
      }

      if (fields.atasanId) {
        const atasan = await db.employees.get(fields.atasanId);
        if (!atasan || atasan.deleted) throw new RepoError('atasanMissing');
        if (selfId) await this.refuseCycle(selfId, fields.atasanId, fields.nama);
      }

      const deactivating = prev?.aktif === true && !fields.aktif;
      if (deactivating && prev) {
        const subordinates = await db.employees
          .where('atasanId')
          .equals(prev.id)
          .filter((e) => e.aktif && !e.deleted)
          .toArray();
        if (subordinates.length > 0) {
          if (opts.reassignSubordinatesTo === undefined) {
            throw new RepoError('stillAtasan', {
              nama: printedName(prev),
              subordinates: subordinates
                .sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
                .map((s) => ({ id: s.id, nama: printedName(s) })),
              atasanId: prev.atasanId,
            });
          }
          const target = opts.reassignSubordinatesTo;
          if (target) {
            const t = await db.employees.get(target);
            if (!t || t.deleted || !t.aktif || t.id === prev.id) throw new RepoError('atasanMissing');
          }
          for (const s of subordinates) {
            if (target === s.id) continue;
            if (target) await this.refuseCycle(s.id, target, s.nama);
            await saveDoc<Employee>(db, 'employees', s, { atasanId: target }, ctx, {
              note: `atasan dialihkan karena ${printedName(prev)} dinonaktifkan`,
            });
          }
        }
      }
      return saveDoc<Employee>(db, 'employees', prev, fields, ctx, opts.edit ? { edit: opts.edit } : {});
    });
  }

  private async refuseCycle(selfId: string, atasanId: string, selfName: string): Promise<void> {
    const cache = new Map<string, Employee | undefined>();
    const load = async (x: string) => {
      if (!cache.has(x)) cache.set(x, await this.db.employees.get(x));
      return cache.get(x);
    };
    // Walk the chain above the new atasan (chains are short; no need to load 10,000 records).
    let current: string | null = atasanId;
    const seen = new Set<string>();
    while (current && !seen.has(current) && current !== selfId) {
      seen.add(current);
      current = (await load(current))?.atasanId ?? null;
    }
    const chain = findAtasanCycle(selfId, atasanId, (x) => cache.get(x)?.atasanId ?? null);
    if (chain) {
      const names = chain.map((x) => (x === selfId ? selfName : (cache.get(x)?.nama ?? x)));
      throw new RepoError('atasanCycle', { chain: names.join(' → ') });
    }
  }

  /**
   * One civil servant registered separately on two installations (same NIP, two records): keeps
   * `keepId`, moves the other's SKPs, evaluations and trainings to it, and tombstones the other
   * with a pointer to the one kept. Every change is an ordinary edit that travels.
   */
  async mergeDuplicate(keepId: string, dropId: string): Promise<Employee> {
    const { db } = this;
    return db.transaction('rw', [db.employees, db.skps, db.evaluations, db.trainings, db.auditLog, db.settings], async () => {
      const ctx = await this.context();
      const keep = await db.employees.get(keepId);
      const drop = await db.employees.get(dropId);
      if (!keep || keep.deleted || !drop || drop.deleted) throw new RepoError('notFound');
      if (normalizeNip(keep.nip) !== normalizeNip(drop.nip)) throw new RepoError('mergeDifferentNip', { nama: printedName(drop) });
      const note = `digabung ke ${printedName(keep)}`;
      for (const table of ['skps', 'evaluations', 'trainings'] as const) {
        const owned = await db.table(table).where(table === 'trainings' ? '[employeeId+year]' : 'employeeId').between(table === 'trainings' ? [dropId, -Infinity] : dropId, table === 'trainings' ? [dropId, Infinity] : dropId, true, true).toArray();
        for (const d of owned) await saveDoc(db, table, d, { employeeId: keepId } as never, ctx, { note });
      }
      for (const sub of await db.employees.where('atasanId').equals(dropId).toArray()) await saveDoc<Employee>(db, 'employees', sub, { atasanId: keepId }, ctx, { note });
      await saveDoc<Employee>(db, 'employees', drop, { digabungKe: keepId } as never, ctx, { action: 'delete', note });
      return keep;
    });
  }
}
