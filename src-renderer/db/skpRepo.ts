import type { LocalEdit } from '../domain/sync/localEdit';
import { fromJsDate, toIsoDate } from '../domain/dates';
import type { Employee } from '../domain/pegawai';
import { foldText, printedName } from '../domain/pegawai';
import { isExternalPenilai, snapshotOf, validateSkp, type Rhk, type Skp, type SkpFields, type SkpIssue } from '../domain/skp';
import { isSkpLocked, skpTransition, type SkpAction } from '../domain/workflow';
import { docHistory } from './audit';
import { RepoError } from './errors';
import type { RulePackRepo } from './rulePackRepo';
import type { RulePack } from '../domain/rulepack';
import type { Unit } from '../domain/unit';
import type { AuditEntry, KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';

export type SkpEditable = Pick<SkpFields, 'mulai' | 'selesai' | 'pendekatan' | 'jenis' | 'rhk' | 'ekspektasi' | 'lampiran'> &
  Partial<Pick<SkpFields, 'penilai'>>;

const ACTION_NOTE: Record<SkpAction, string> = {
  AJUKAN: 'SKP diajukan',
  KEMBALIKAN: 'SKP dikembalikan',
  SETUJUI: 'SKP disetujui',
  BUKA_KEMBALI: 'SKP dibuka kembali',
};

/** Employees and units read once for a batch of new drafts (an SKP import). */
interface Registry {
  employees: Map<string, Employee>;
  units: Map<string, Unit>;
}

/**
 * Who signs a new draft, as the registry says today: the employee, his atasan as penilai and the
 * atasan's atasan as atasan penilai (deleted ones left out), each with his unit's name.
 */
function snapshotsFrom(registry: Registry, employee: Employee): Pick<SkpFields, 'pegawai' | 'penilai' | 'atasanPenilai'> {
  const live = (id: string | null) => {
    const e = id ? registry.employees.get(id) : undefined;
    return e && !e.deleted ? e : undefined;
  };
  const snap = (e: Employee) => snapshotOf(e, (e.unitId ? registry.units.get(e.unitId)?.nama : '') ?? '');
  const penilai = live(employee.atasanId);
  const atasanPenilai = penilai ? live(penilai.atasanId) : undefined;
  return { pegawai: snap(employee), penilai: penilai ? snap(penilai) : null, atasanPenilai: atasanPenilai ? snap(atasanPenilai) : null };
}

/** What a new, empty SKP of the year starts with. */
function blankEditable(employee: Employee, year: number): SkpEditable {
  return {
    mulai: `${year}-01-01`,
    selesai: `${year}-12-31`,
    pendekatan: 'KUANTITATIF',
    jenis: employee.jenisJabatan.startsWith('JPT') ? 'JPT' : 'JA_JF',
    rhk: [],
    ekspektasi: {},
    lampiran: { dukungan: [], skema: [], konsekuensi: [] },
  };
}

export class SkpRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
    private readonly packs: RulePackRepo,
  ) {}

  async listByYear(year: number): Promise<Skp[]> {
    return (await this.db.skps.where('year').equals(year).toArray()).filter((s) => !s.deleted);
  }

  async get(id: string): Promise<Skp | undefined> {
    const s = await this.db.skps.get(id);
    return s && !s.deleted ? s : undefined;
  }

  async history(id: string): Promise<AuditEntry[]> {
    return docHistory(this.db, 'skps', id);
  }

  async forEmployee(employeeId: string, year: number): Promise<Skp[]> {
    const list = await this.db.skps.where('[employeeId+year]').equals([employeeId, year]).toArray();
    return list.filter((s) => !s.deleted).sort((a, b) => a.mulai.localeCompare(b.mulai));
  }

  /** Issues that block submitting or approving, checking that intervened RHK still exist. */
  async issues(skp: SkpFields): Promise<SkpIssue[]> {
    const refs = new Map<string, Skp | undefined>();
    for (const r of skp.rhk) {
      if (r.intervensi && !refs.has(r.intervensi.skpId)) refs.set(r.intervensi.skpId, await this.get(r.intervensi.skpId));
    }
    return validateSkp(skp, (skpId, rhkId) => Boolean(refs.get(skpId)?.rhk.some((r) => r.id === rhkId)));
  }

  /** The identity snapshots of a new draft, from the registry: the few records they need, read one by one. */
  private async snapshots(employee: Employee): Promise<Pick<SkpFields, 'pegawai' | 'penilai' | 'atasanPenilai'>> {
    const registry: Registry = { employees: new Map([[employee.id, employee]]), units: new Map() };
    const add = async (e: Employee | undefined) => {
      if (!e) return undefined;
      registry.employees.set(e.id, e);
      const u = e.unitId ? await this.db.units.get(e.unitId) : undefined;
      if (u) registry.units.set(u.id, u);
      return e;
    };
    await add(employee);
    const penilai = await add(employee.atasanId ? await this.db.employees.get(employee.atasanId) : undefined);
    await add(penilai?.atasanId ? await this.db.employees.get(penilai.atasanId) : undefined);
    return snapshotsFrom(registry, employee);
  }

  private async employee(id: string): Promise<Employee> {
    const e = await this.db.employees.get(id);
    if (!e || e.deleted) throw new RepoError('employeeMissing');
    return e;
  }

  private tables() {
    return [this.db.skps, this.db.employees, this.db.units, this.db.rulePacks, this.db.auditLog, this.db.settings];
  }

  async create(employeeId: string, year: number, opts: { mulai?: string; selesai?: string; from?: SkpEditable } = {}): Promise<Skp> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const employee = await this.employee(employeeId);
      if (!employee.aktif) throw new RepoError('skpEmployeeInactive', { nama: printedName(employee) });
      return this.createFor(ctx, employee, year, {
        ...blankEditable(employee, year),
        ...(opts.mulai ? { mulai: opts.mulai } : {}),
        ...(opts.selesai ? { selesai: opts.selesai } : {}),
        ...(opts.from ?? {}),
      });
    });
  }

  /**
   * Inside the caller's transaction: the fields of a new draft for the employee (identity snapshots,
   * the active rule pack) with the given RHK and ekspektasi, unsaved. The SKP import writes these.
   */
  /** What every new draft of a batch reads, read once: the active rule pack, employees and units. */
  async batchContext(): Promise<{ pack: RulePack; registry: Registry }> {
    // Sequential reads: this runs inside the import's transaction.
    const pack = await this.packs.active();
    const employees = await this.db.employees.toArray();
    const units = await this.db.units.toArray();
    return { pack, registry: { employees: new Map(employees.map((e) => [e.id, e])), units: new Map(units.map((u) => [u.id, u])) } };
  }

  /**
   * The fields of a new draft from what the batch read: synchronous, so thousands of them never
   * leave the import's transaction idle (IndexedDB commits a transaction that waits on nothing).
   */
  draftFields(employeeId: string, year: number, content: Pick<SkpEditable, 'rhk' | 'ekspektasi'>, batch: { pack: RulePack; registry: Registry }): SkpFields {
    const found = batch.registry.employees.get(employeeId);
    const employee = found && !found.deleted ? found : undefined;
    if (!employee) throw new RepoError('employeeMissing');
    if (!employee.aktif) throw new RepoError('skpEmployeeInactive', { nama: printedName(employee) });
    return {
      employeeId,
      year,
      ...blankEditable(employee, year),
      ...content,
      ...snapshotsFrom(batch.registry, employee),
      status: 'DRAF',
      disetujuiPada: '',
      rulePack: { id: batch.pack.id, version: batch.pack.version },
    };
  }

  /** Inside a transaction: a new draft with fresh identity snapshots and the active rule pack. */
  private async createFor(ctx: WriteContext, employee: Employee, year: number, editable: SkpEditable, note?: string): Promise<Skp> {
    return saveDoc<Skp>(this.db, 'skps', undefined, await this.newFields(employee, year, editable), ctx, note ? { note } : {});
  }

  /** `pack`: the active rule pack when the caller (a batch) already read it. */
  private async newFields(employee: Employee, year: number, editable: SkpEditable): Promise<SkpFields> {
    const pack = await this.packs.active();
    return {
      employeeId: employee.id,
      year,
      ...editable,
      ...(await this.snapshots(employee)),
      status: 'DRAF',
      disetujuiPada: '',
      rulePack: { id: pack.id, version: pack.version },
    };
  }

  /** Saves a draft (or a submitted SKP under review); an approved SKP must be reopened first. */
  /** `edit`: from the editor, the version it was opened on and the paths typed (only those are written). */
  async save(id: string, patch: Partial<SkpEditable>, edit?: LocalEdit): Promise<Skp> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.get(id);
      if (!prev) throw new RepoError('notFound');
      if (isSkpLocked(prev.status)) throw new RepoError('skpLocked');
      // Only an appraiser from outside the office is typed in; others come from the registry.
      if (patch.penilai !== undefined && !(isExternalPenilai(prev.penilai) && isExternalPenilai(patch.penilai))) {
        throw new RepoError('skpPenilaiFromRegistry');
      }
      return saveDoc<Skp>(this.db, 'skps', prev, patch, ctx, edit ? { edit } : {});
    });
  }

  /** Re-reads names, ranks and positions while the SKP is not yet approved. */
  async refreshSnapshots(id: string): Promise<Skp> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.get(id);
      if (!prev) throw new RepoError('notFound');
      if (isSkpLocked(prev.status)) throw new RepoError('skpLocked');
      const fresh = await this.snapshots(await this.employee(prev.employeeId));
      // Keep a typed-in outside appraiser while the employee still has no atasan in the registry.
      if (!fresh.penilai && prev.penilai && isExternalPenilai(prev.penilai)) fresh.penilai = prev.penilai;
      return saveDoc<Skp>(this.db, 'skps', prev, fresh, ctx);
    });
  }

  async transition(id: string, action: SkpAction, reason?: string, today: Date = new Date()): Promise<Skp> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.get(id);
      if (!prev) throw new RepoError('notFound');
      const result = skpTransition(prev.status, action, reason);
      if (!result.ok) throw new RepoError(result.code === 'reasonRequired' ? 'reasonRequired' : 'transitionNotAllowed');
      if (action === 'AJUKAN' || action === 'SETUJUI') {
        const issues = await this.issues(prev);
        if (issues.length > 0) throw new RepoError('skpInvalid', { issues, count: issues.length });
      }
      const disetujuiPada = action === 'SETUJUI' ? toIsoDate(fromJsDate(today)) : action === 'BUKA_KEMBALI' ? '' : prev.disetujuiPada;
      const note = reason?.trim() ? `${ACTION_NOTE[action]}: ${reason.trim()}` : ACTION_NOTE[action];
      return saveDoc<Skp>(this.db, 'skps', prev, { status: result.to, disetujuiPada }, ctx, { note });
    });
  }

  /** A new draft for `year` with last year's RHK, indicators, expectations and lampiran. */
  async copyFromPrevious(employeeId: string, year: number): Promise<Skp> {
    const previous = (await this.forEmployee(employeeId, year - 1)).at(-1);
    if (!previous) throw new RepoError('skpNoPrevious', { year: year - 1 });
    return this.create(employeeId, year, {
      from: {
        mulai: `${year}-01-01`,
        selesai: `${year}-12-31`,
        pendekatan: previous.pendekatan,
        jenis: previous.jenis,
        // The superior's RHK of last year are not this year's: cascading is chosen again.
        rhk: cloneRhk(previous.rhk, { keepIntervensi: false }),
        ekspektasi: { ...previous.ekspektasi },
        lampiran: structuredClone(previous.lampiran),
      },
    });
  }

  /**
   * Adds the RHK of one SKP to every active employee with the same jabatan, in one transaction:
   * their draft SKP of that year gets the RHK appended (one is created where missing); approved
   * or submitted SKPs are left alone and counted as skipped.
   */
  /**
   * "Terapkan RHK ke semua pegawai dengan jabatan yang sama": the source's RHK added to each active
   * peer's draft (or a new draft). Each intervened RHK is linked to the RHK of the *peer's* atasan
   * with the same text, or left empty for the admin to choose ("pilih RHK atasan"); ekspektasi are
   * the peer's own and never copied; an RHK the peer already has is not added again.
   */
  async applyRhkToSameJabatan(sourceId: string): Promise<{ updated: number; created: number; skipped: number; unlinked: number }> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const source = await this.get(sourceId);
      if (!source) throw new RepoError('notFound');
      const jabatan = source.pegawai.jabatan.trim().toLowerCase();
      if (!jabatan) throw new RepoError('skpNoJabatan');
      const sourceEmployee = await this.db.employees.get(source.employeeId);
      const peers = (await this.db.employees.toArray()).filter(
        (e) => !e.deleted && e.aktif && e.id !== source.employeeId && e.jabatan.trim().toLowerCase() === jabatan,
      );
      const counts = { updated: 0, created: 0, skipped: 0, unlinked: 0 };
      const skpOfYear = async (employeeId: string | null) =>
        employeeId ? (await this.db.skps.where('[employeeId+year]').equals([employeeId, source.year]).toArray()).filter((k) => !k.deleted).at(-1) : undefined;
      for (const peer of peers) {
        const target = await skpOfYear(peer.id);
        if (target && target.status !== 'DRAF') {
          counts.skipped++;
          continue;
        }
        const sameAtasan = peer.atasanId === sourceEmployee?.atasanId;
        const atasanSkp = sameAtasan ? undefined : await skpOfYear(peer.atasanId);
        const have = new Set((target?.rhk ?? []).map((r) => `${r.jenis}|${foldText(r.teks)}`));
        const rhk = cloneRhk(
          source.rhk.filter((r) => !have.has(`${r.jenis}|${foldText(r.teks)}`)),
          { keepIntervensi: true },
        ).map((r) => {
          if (!r.intervensi || sameAtasan) return r;
          const match = atasanSkp?.rhk.find((a) => foldText(a.teks) === foldText(r.intervensi!.teks));
          if (!match) counts.unlinked++;
          return { ...r, intervensi: match && atasanSkp ? { skpId: atasanSkp.id, rhkId: match.id, teks: match.teks } : null };
        });
        if (rhk.length === 0) continue;
        const note = `RHK dari jabatan ${source.pegawai.jabatan}`;
        if (target) {
          await saveDoc<Skp>(this.db, 'skps', target, { rhk: [...target.rhk, ...rhk] }, ctx, { note });
          counts.updated++;
        } else {
          const { mulai, selesai, pendekatan, jenis, lampiran } = source;
          await this.createFor(ctx, peer, source.year, { mulai, selesai, pendekatan, jenis, rhk, ekspektasi: {}, lampiran: structuredClone(lampiran) }, note);
          counts.created++;
        }
      }
      return counts;
    });
  }
}

function cloneRhk(list: readonly Rhk[], opts: { keepIntervensi: boolean }): Rhk[] {
  return list.map((r) => ({
    ...r,
    id: crypto.randomUUID(),
    intervensi: opts.keepIntervensi ? r.intervensi : null,
    indikator: r.indikator.map((i) => ({ ...i, id: crypto.randomUUID() })),
  }));
}
