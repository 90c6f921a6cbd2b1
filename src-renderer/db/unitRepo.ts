import type { LocalEdit } from '../domain/sync/localEdit';
import { foldText } from '../domain/pegawai';
import { wouldCreateUnitCycle, type Unit, type UnitFields } from '../domain/unit';
import { RepoError } from './errors';
import type { KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';

export class UnitRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  async list(): Promise<Unit[]> {
    return (await this.db.units.toArray()).filter((u) => !u.deleted);
  }

  /** `edit`: from the form, the version it was opened on and the paths typed (only those are written). */
  async save(id: string | null, raw: UnitFields, edit?: LocalEdit): Promise<Unit> {
    const urutan = raw.urutan === null || raw.urutan === undefined || !Number.isFinite(raw.urutan) ? null : Math.max(1, Math.min(999, Math.round(raw.urutan)));
    const { urutan: _typed, ...rest } = raw;
    const fields: UnitFields = { ...rest, nama: raw.nama.trim().replace(/\s+/g, ' '), ...(urutan !== null ? { urutan } : {}) };
    if (!fields.nama) throw new RepoError('unitNameRequired');
    if (fields.nama.length > 150) throw new RepoError('unitNameTooLong', { max: 150 });
    return this.db.transaction('rw', [this.db.units, this.db.employees, this.db.auditLog, this.db.settings], async () => {
      const ctx = await this.context();
      const prev = id ? await this.db.units.get(id) : undefined;
      if (id && (!prev || prev.deleted)) throw new RepoError('notFound');
      // Clearing an order writes null; a unit that never had one is not rewritten for it.
      if (urutan === null && prev?.urutan != null) fields.urutan = null;
      if (fields.parentId) {
        const parent = await this.db.units.get(fields.parentId);
        if (!parent || parent.deleted) throw new RepoError('unitParentMissing');
        if (id) {
          const units = await this.db.units.toArray();
          const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
          if (wouldCreateUnitCycle(id, fields.parentId, (x) => parentOf.get(x))) {
            throw new RepoError('unitCycle', { nama: fields.nama, parent: parent.nama });
          }
        }
      }
      // A double-clicked Simpan (or a second admin) must not make twin units: units are never deleted.
      const siblings = await this.db.units.filter((u) => !u.deleted && u.id !== id && (u.parentId ?? null) === (fields.parentId ?? null)).toArray();
      if (siblings.some((u) => foldText(u.nama) === foldText(fields.nama))) {
        const parent = fields.parentId ? (await this.db.units.get(fields.parentId))?.nama : null;
        throw new RepoError(parent ? 'unitNameTaken' : 'unitNameTakenTop', { nama: fields.nama, ...(parent ? { parent } : {}) });
      }
      if (fields.headId) {
        const head = await this.db.employees.get(fields.headId);
        if (!head || head.deleted) throw new RepoError('employeeMissing');
      }
      if (prev?.aktif && !fields.aktif) {
        const members = await this.db.employees.where('unitId').equals(prev.id).filter((e) => e.aktif && !e.deleted).count();
        const children = await this.db.units.where('parentId').equals(prev.id).filter((u) => u.aktif && !u.deleted).count();
        if (members > 0 || children > 0) throw new RepoError('unitNotEmpty', { nama: prev.nama, members, children });
      }
      return saveDoc<Unit>(this.db, 'units', prev, fields, ctx, edit ? { edit } : {});
    });
  }
}
