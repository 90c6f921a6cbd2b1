import type { LocalEdit } from '../domain/sync/localEdit';
import { fromJsDate, toIsoDate } from '../domain/dates';
import {
  checkAttachment, predikatFor, sniffAttachmentType, startProblem, validateEvaluation,
  type Attachment, type Evaluation, type EvaluationFields, type Rekomendasi, type UnitResult,
} from '../domain/evaluation';
import { printedName, type Employee } from '../domain/pegawai';
import type { Skp } from '../domain/skp';
import { effectiveCapaian, type EffectiveCapaian } from '../domain/capaian';
import { periodKey, toIsoRange, type PeriodDef } from '../domain/periods';
import type { CapaianOrganisasi, RulePack } from '../domain/rulepack';
import { evaluationTransition, isEvaluationLocked, type EvaluationAction } from '../domain/workflow';
import { docHistory } from './audit';
import { RepoError } from './errors';
import type { RulePackRepo } from './rulePackRepo';
import type { AuditEntry, KinerjaDb } from './schema';
import { saveDoc, type WriteContext } from './write';
import type { YearRepo } from './yearRepo';

export type EvaluationEditable = Pick<EvaluationFields, 'hasil' | 'perilaku' | 'masukan' | 'ratingHasil' | 'ratingPerilaku'>;

const ACTION_NOTE: Record<EvaluationAction, string> = {
  FINALKAN: 'Evaluasi difinalkan',
  BUKA_KEMBALI: 'Evaluasi dibuka kembali',
};

/**
 * Evaluations per employee and period (monitoring and rating in one document), the capaian
 * organisasi per unit and period, and bukti dukung files.
 */
export class EvaluationRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly context: () => Promise<WriteContext>,
    private readonly packs: RulePackRepo,
    private readonly years: YearRepo,
  ) {}

  private tables() {
    const d = this.db;
    return [d.evaluations, d.skps, d.employees, d.units, d.periods, d.rulePacks, d.attachments, d.unitResults, d.auditLog, d.settings];
  }

  async get(id: string): Promise<Evaluation | undefined> {
    const e = await this.db.evaluations.get(id);
    return e && !e.deleted ? e : undefined;
  }

  async listByPeriod(periodId: string): Promise<Evaluation[]> {
    return (await this.db.evaluations.where('periodId').equals(periodId).toArray()).filter((e) => !e.deleted);
  }

  async listByYear(year: number): Promise<Evaluation[]> {
    return (await this.db.evaluations.where('periodId').startsWith(`${year}-`).toArray()).filter((e) => !e.deleted);
  }

  async forEmployee(employeeId: string): Promise<Evaluation[]> {
    const list = await this.db.evaluations.where('employeeId').equals(employeeId).toArray();
    return list.filter((e) => !e.deleted).sort((a, b) => a.mulai.localeCompare(b.mulai));
  }

  async history(id: string): Promise<AuditEntry[]> {
    return docHistory(this.db, 'evaluations', id);
  }

  /**
   * Opens the evaluation of an SKP for a period, creating it on first use. Refused, with the
   * reason, for an SKP that is not approved yet, an inactive employee, or a period the SKP does
   * not cover.
   */
  async start(skpId: string, periodId: string): Promise<Evaluation> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const existing = (await this.db.evaluations.where('skpId').equals(skpId).toArray()).find((e) => !e.deleted && e.periodId === periodId);
      const fields = await this.draftFields(skpId, periodId);
      if (existing) return existing;
      return saveDoc<Evaluation>(this.db, 'evaluations', undefined, fields, ctx);
    });
  }

  /**
   * Inside the caller's transaction: the fields of a new evaluation of the SKP for the period, with
   * the same refusals as "Mulai penilaian" (SKP not approved, employee inactive, period outside the
   * SKP). Unsaved; the lembar penilaian import writes these.
   */
  async draftFields(skpId: string, periodId: string): Promise<EvaluationFields> {
    const skp = await this.db.skps.get(skpId);
    if (!skp || skp.deleted) throw new RepoError('notFound');
    const employee = await this.db.employees.get(skp.employeeId);
    if (!employee || employee.deleted) throw new RepoError('employeeMissing');
    return newEvaluationFields(skp, employee, periodId, await this.years.periods(skp.year), await this.packs.active());
  }

  /** The same, synchronously from what a batch read once (IndexedDB commits an idle transaction). */
  draftFieldsFrom(batch: EvaluationBatchContext, skpId: string, periodId: string): EvaluationFields {
    const skp = batch.skps.get(skpId);
    if (!skp || skp.deleted) throw new RepoError('notFound');
    const employee = batch.employees.get(skp.employeeId);
    if (!employee || employee.deleted) throw new RepoError('employeeMissing');
    return newEvaluationFields(skp, employee, periodId, batch.periods, batch.pack);
  }

  /** What every new evaluation of a batch shares, read once: the year's periods and the active pack. */
  async batchContext(year: number): Promise<EvaluationBatchContext> {
    // Sequential reads: this runs inside the import's transaction.
    const periods = await this.years.periods(year);
    const pack = await this.packs.active();
    const skps = await this.db.skps.where('year').equals(year).toArray();
    const employees = await this.db.employees.toArray();
    return { periods, pack, skps: new Map(skps.map((k) => [k.id, k])), employees: new Map(employees.map((e) => [e.id, e])) };
  }

  /** The predikat of a rating pair under the evaluation's own rule pack (inside a transaction). */
  async predikatOf(ev: Pick<Evaluation, 'rulePack'>, hasil: Evaluation['ratingHasil'], perilaku: Evaluation['ratingPerilaku']): Promise<Evaluation['predikat']> {
    return predikatFor(await this.packs.get(ev.rulePack), hasil, perilaku);
  }

  private async editable(id: string): Promise<Evaluation> {
    const prev = await this.get(id);
    if (!prev) throw new RepoError('notFound');
    if (isEvaluationLocked(prev.status)) throw new RepoError('evaluationLocked');
    return prev;
  }

  /** Saves monitoring entries and ratings of a draft; the predikat follows from the matrix. */
  async save(id: string, patch: Partial<EvaluationEditable>, edit?: LocalEdit): Promise<Evaluation> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.editable(id);
      const pack = await this.packs.get(prev.rulePack);
      // `edit`: the version the editor was opened on and the paths typed; the predikat follows the ratings as saved.
      return saveDoc<Evaluation>(this.db, 'evaluations', prev, patch, ctx, {
        ...(edit ? { edit } : {}),
        derive: (doc) => ({ predikat: predikatFor(pack, doc.ratingHasil, doc.ratingPerilaku) }),
      });
    });
  }

  async transition(id: string, action: EvaluationAction, reason?: string, today: Date = new Date()): Promise<Evaluation> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.get(id);
      if (!prev) throw new RepoError('notFound');
      const result = evaluationTransition(prev.status, action, reason);
      if (!result.ok) throw new RepoError(result.code === 'reasonRequired' ? 'reasonRequired' : 'transitionNotAllowed');
      if (action === 'FINALKAN') {
        const skp = await this.db.skps.get(prev.skpId);
        const issues = validateEvaluation(prev, skp ?? { rhk: [] });
        if (issues.length > 0) throw new RepoError('evaluationInvalid', { issues, count: issues.length });
      }
      const finalPada = action === 'FINALKAN' ? toIsoDate(fromJsDate(today)) : '';
      const note = reason?.trim() ? `${ACTION_NOTE[action]}: ${reason.trim()}` : ACTION_NOTE[action];
      return saveDoc<Evaluation>(this.db, 'evaluations', prev, { status: result.to, finalPada }, ctx, { note });
    });
  }

  /** Tindak lanjut is written after the evaluation is final; it does not reopen the ratings. */
  async saveRekomendasi(id: string, rekomendasi: Rekomendasi, edit?: LocalEdit): Promise<Evaluation> {
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.get(id);
      if (!prev) throw new RepoError('notFound');
      if (prev.status !== 'FINAL') throw new RepoError('rekomendasiNeedsFinal');
      return saveDoc<Evaluation>(this.db, 'evaluations', prev, { rekomendasi }, ctx, { note: 'Tindak lanjut dicatat', ...(edit ? { edit } : {}) });
    });
  }

  // --- bukti dukung files ---

  async attachments(evaluationId: string): Promise<Omit<Attachment, 'data'>[]> {
    const list = await this.db.attachments.where('ownerId').equals(evaluationId).toArray();
    return list.filter((a) => !a.deleted).map(({ data: _data, ...rest }) => rest);
  }

  async attachmentData(id: string): Promise<Attachment | undefined> {
    const a = await this.db.attachments.get(id);
    return a && !a.deleted ? a : undefined;
  }

  async addAttachment(evaluationId: string, rhkId: string, nama: string, bytes: Uint8Array): Promise<Omit<Attachment, 'data'>> {
    const problem = checkAttachment(bytes);
    if (problem) throw new RepoError(problem.code, { ...problem, nama });
    const tipe = sniffAttachmentType(bytes);
    if (!tipe) throw new RepoError('attachmentType', { nama });
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      await this.editable(evaluationId);
      const data = bytes.slice().buffer;
      const saved = await saveDoc<Attachment>(this.db, 'attachments', undefined, { ownerId: evaluationId, rhkId, nama, tipe, ukuran: bytes.length, data }, ctx);
      const { data: _data, ...rest } = saved;
      return rest;
    });
  }

  async removeAttachment(id: string): Promise<void> {
    await this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const prev = await this.db.attachments.get(id);
      if (!prev || prev.deleted) throw new RepoError('notFound');
      await this.editable(prev.ownerId);
      await saveDoc<Attachment>(this.db, 'attachments', prev, {}, ctx, { action: 'delete' });
    });
  }

  // --- capaian kinerja organisasi per unit and period ---

  async unitResults(year: number): Promise<UnitResult[]> {
    return (await this.db.unitResults.where('year').equals(year).toArray()).filter((r) => !r.deleted);
  }

  async unitResult(unitId: string, periodId: string): Promise<UnitResult | undefined> {
    return (await this.db.unitResults.where('[unitId+periodId]').equals([unitId, periodId]).toArray()).find((r) => !r.deleted);
  }

  /** The capaian that applies to a unit in a period (its own, or the nearest one above it: §7.6). */
  async capaianOf(unitId: string | null, periodId: string): Promise<EffectiveCapaian> {
    return (await this.capaianMap(periodId)).of(unitId);
  }

  /** Every unit's capaian of a period, read once (a batch print asks for many). */
  async capaianMap(periodId: string): Promise<{ of(unitId: string | null): EffectiveCapaian }> {
    const units = (await this.db.units.toArray()).filter((u) => !u.deleted);
    const results = await this.db.unitResults.where('year').equals(Number(periodId.slice(0, 4))).toArray();
    const own = new Map(results.filter((r) => !r.deleted && r.periodId === periodId).map((r) => [r.unitId, r.capaian]));
    return { of: (unitId) => effectiveCapaian(units, own, unitId) };
  }

  /** Sets the unit's organisational result (and/or the justification of its distribution). */
  async setUnitResult(unitId: string, periodId: string, patch: { capaian?: CapaianOrganisasi | ''; justifikasi?: string }): Promise<UnitResult> {
    const year = Number(periodId.slice(0, 4));
    if (!Number.isInteger(year)) throw new RepoError('periodUnknown');
    return this.db.transaction('rw', this.tables(), async () => {
      const ctx = await this.context();
      const unit = await this.db.units.get(unitId);
      if (!unit || unit.deleted) throw new RepoError('unitMissing');
      const prev = await this.unitResult(unitId, periodId);
      const fields = { unitId, periodId, year, capaian: prev?.capaian ?? '', justifikasi: prev?.justifikasi ?? '', ...patch };
      if (fields.justifikasi !== undefined) fields.justifikasi = fields.justifikasi.trim();
      return saveDoc<UnitResult>(this.db, 'unitResults', prev, fields, ctx);
    });
  }
}

/** What a batch of new evaluations reads once. */
export interface EvaluationBatchContext {
  periods: PeriodDef[];
  pack: RulePack;
  skps: Map<string, Skp>;
  employees: Map<string, Employee>;
}

/**
 * A new evaluation of the SKP for the period, or the reason it cannot start: the SKP must be
 * approved, the employee active, and the period inside the SKP's dates.
 */
function newEvaluationFields(skp: Skp, employee: Employee, periodId: string, periods: readonly PeriodDef[], pack: RulePack): EvaluationFields {
  const problem = startProblem(skp, employee.aktif);
  if (problem === 'employeeInactive') throw new RepoError('evalEmployeeInactive', { nama: printedName(employee) });
  if (problem === 'skpNotApproved') throw new RepoError('evalSkpNotApproved', { nama: printedName(employee) });
  const period = periods.find((p) => periodKey(p) === periodId);
  if (!period) throw new RepoError('periodUnknown');
  const range = toIsoRange(period);
  if (range.selesai < skp.mulai || range.mulai > skp.selesai) {
    throw new RepoError('evalOutsideSkp', { periode: period.label, mulai: skp.mulai, selesai: skp.selesai });
  }
  return {
    employeeId: skp.employeeId,
    skpId: skp.id,
    unitId: employee.unitId,
    year: skp.year,
    periodId,
    periodLabel: period.label,
    akhir: period.akhir,
    // An SKP that starts or ends inside the period limits what this evaluation covers.
    mulai: range.mulai < skp.mulai ? skp.mulai : range.mulai,
    selesai: range.selesai > skp.selesai ? skp.selesai : range.selesai,
    pegawai: skp.pegawai,
    penilai: skp.penilai,
    atasanPenilai: skp.atasanPenilai,
    hasil: {},
    perilaku: {},
    masukan: [],
    ratingHasil: '',
    ratingPerilaku: '',
    predikat: '',
    status: 'DRAF',
    finalPada: '',
    rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' },
    rulePack: { id: pack.id, version: pack.version },
  };
}
