/**
 * Gathers what a print needs from the store (records, the rule pack each recorded, capaian, the
 * unit head) into PrintJobs, and answers "Verifikasi dokumen" by rebuilding the same canonical
 * content from today's records.
 */
import { fromJsDate, type CalendarDate } from '../../domain/dates';
import { checkGroup, distributionScopeOf, topUnit } from '../../domain/distributionScope';
import { buildUnitTree, flattenTree, unitScope } from '../../domain/unit';
import type { Evaluation } from '../../domain/evaluation';
import { printPreferencesOf, type PaperSize } from '../../domain/office';
import { normalizeNip } from '../../domain/nip';
import { periodKey, periodTitle, toIsoRange } from '../../domain/periods';
import { snapshotOf } from '../../domain/skp';
import { diffContent, expandPeriod, formatCode, parseCode, type ContentChange, type DocKind } from '../../domain/verification';
import type { Profile } from '../../db/settingsRepo';
import type { DataStore } from '../../db/store';
import type { PrintLogEntry } from '../../db/schema';
import { translate } from '../../i18n/i18n';
import { jobFacts, verificationCodeOf } from '../../print/documents';
import type { Orientation, PrintJob, PrintOptions, RekapData } from '../../print/model';
import { periodePenilaian } from '../../print/skp';
import { distributionWarningText, groupGuidelineText, groupTitle, scopeLineText } from '../../components/evalText';

export interface PrintChoices {
  paper: PaperSize;
  orientation: Orientation;
  tanggal: CalendarDate;
  /** "cetak dengan tanda tangan pindaian": off unless ticked for this print. */
  withScans: boolean;
}

export function defaultChoices(profile: Profile, orientation: Orientation, today = new Date()): PrintChoices {
  return { paper: profile.office.kertas, orientation, tanggal: fromJsDate(today), withScans: false };
}

export async function printOptions(store: DataStore, profile: Profile, c: PrintChoices): Promise<PrintOptions> {
  const prefs = printPreferencesOf(profile.office);
  const scans = c.withScans ? Object.fromEntries((await store.prints.signatures()).map((s) => [s.employeeId, s.dataUrl])) : {};
  const { namaInstansi, namaKantor, alamat, tempat } = profile.office;
  return {
    paper: c.paper,
    orientation: c.orientation,
    margins: prefs.margins,
    tanggal: c.tanggal,
    office: { namaInstansi, namaKantor, alamat, tempat },
    logo: profile.office.logo ?? null,
    tandaTangan: scans,
    garisBawahNama: prefs.garisBawahNama,
    penandatanganEvaluasi: prefs.penandatanganEvaluasi,
    kolomIntervensi: prefs.kolomIntervensi,
    pangkatPenandatangan: prefs.pangkatPenandatangan,
    lambang: profile.office.lambang ?? null,
  };
}

export async function skpJob(store: DataStore, skpId: string): Promise<PrintJob | null> {
  const skp = await store.skps.get(skpId);
  if (!skp || skp.deleted) return null;
  return { kind: 'SKP', skp, pack: await store.rulePacks.get(skp.rulePack) };
}

type CapaianLookup = Awaited<ReturnType<DataStore['evaluations']['capaianMap']>>;

export async function evaluationJob(store: DataStore, kind: 'EVA' | 'DEK', ev: Evaluation, capaianOf?: CapaianLookup): Promise<PrintJob | null> {
  const skp = await store.skps.get(ev.skpId);
  if (!skp || ev.deleted) return null;
  const pack = await store.rulePacks.get(ev.rulePack);
  // The unit's own capaian, or the one set above it for the whole office (§7.6).
  const { capaian } = capaianOf ? capaianOf.of(ev.unitId) : await store.evaluations.capaianOf(ev.unitId, ev.periodId);
  return kind === 'EVA' ? { kind, evaluation: ev, skp, pack, capaian } : { kind, evaluation: ev, pack, capaian };
}

const byName = (a: { nama: string }, b: { nama: string }) => a.nama.localeCompare(b.nama, 'id');

/** The office-wide recap's document id ("penetapan predikat" of everyone, §7.4). */
export const OFFICE_REKAP_ID = 'KANTOR';

/**
 * A recap: of one unit, or of the whole office (`OFFICE_REKAP_ID`): every evaluation of the period
 * carried by its members, plus active members not evaluated yet, in the office's unit order. A unit
 * holds its sub-units unless the guideline is applied to each unit alone. The guideline is checked
 * only where the office applies it (the office group, or each unit); elsewhere the page says where it
 * applies instead of warning. Words come from the Indonesian catalog: the form is an official
 * document whatever the UI language.
 */
export async function rekapJob(store: DataStore, target: string, year: number, periodId: string): Promise<PrintJob | null> {
  const units = (await store.units.list()).filter((u) => !u.deleted);
  const period = (await store.years.periods(year)).find((p) => periodKey(p) === periodId);
  const profile = await store.settings.getProfile();
  const scope = distributionScopeOf(profile?.office);
  const office = target === OFFICE_REKAP_ID;
  const unit = office ? topUnit(units) : units.find((u) => u.id === target);
  if (!unit || !period) return null;
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('id', key, params);
  const order = flattenTree(buildUnitTree(units)).map((n) => n.unit);
  const unitIds = office ? null : new Set(scope === 'UNIT' ? [unit.id] : unitScope(units, unit.id));
  const inGroup = (unitId: string | null) => unitIds === null || (unitId !== null && unitIds.has(unitId));
  const evaluations = (await store.evaluations.listByPeriod(periodId)).filter((e) => !e.deleted && inGroup(e.unitId));
  const employees = (await store.employees.listAll()).filter((e) => !e.deleted);
  const evaluated = new Set(evaluations.map((e) => e.employeeId));
  const pack = await store.rulePacks.active();
  const result = await store.evaluations.unitResult(unit.id, periodId);
  const { capaian } = await store.evaluations.capaianOf(unit.id, periodId);
  const unitName = new Map(units.map((u) => [u.id, u.nama]));
  const rank = new Map(order.map((u, i) => [u.id, i]));
  const rows = [
    ...evaluations.map((e) => ({ nama: e.pegawai.nama, nip: e.pegawai.nip, jabatan: e.pegawai.jabatan, unitId: e.unitId, unit: (e.unitId && unitName.get(e.unitId)) || e.pegawai.unit, predikat: e.predikat, status: e.status })),
    ...employees
      .filter((e) => e.aktif && inGroup(e.unitId) && !evaluated.has(e.id))
      .map((e) => ({ nama: snapshotOf(e, unit.nama).nama, nip: e.nip, jabatan: e.jabatan, unitId: e.unitId, unit: (e.unitId && unitName.get(e.unitId)) || '', predikat: '' as const, status: '' as const })),
  ].sort((a, b) => (rank.get(a.unitId ?? '') ?? order.length) - (rank.get(b.unitId ?? '') ?? order.length) || byName(a, b));
  const head = unit.headId ? employees.find((e) => e.id === unit.headId) : undefined;
  // Is this page one of the groups the office judges? (the office under KANTOR, a unit otherwise)
  const judged = office ? scope === 'KANTOR' : scope !== 'KANTOR' || unit.id === topUnit(units)?.id;
  const check = checkGroup(pack, capaian, rows.map((r) => ({ employeeId: r.nip || r.nama, unitId: r.unitId, predikat: r.predikat })));
  const scopeLine = scopeLineText(t, scope);
  const rekap: RekapData = {
    unitId: office ? OFFICE_REKAP_ID : unit.id,
    unitNama: groupTitle(t, unit.nama, office),
    kepalaUnit: unit.nama,
    periodId,
    periodTitle: periodTitle(period),
    periodText: periodePenilaian(toIsoRange(period).mulai, toIsoRange(period).selesai),
    capaian,
    scopeLine,
    judged: judged && check.state === 'checked',
    pedoman: judged ? groupGuidelineText(t, pack, check) : t('dist.rekap.notJudged'),
    peringatan: judged && check.state === 'checked' && capaian ? check.warnings.map((w) => distributionWarningText(t, pack, capaian, w)) : [],
    justifikasi: result?.justifikasi ?? '',
    rows,
    showUnit: new Set(rows.map((r) => r.unitId)).size > 1,
    kepala: head ? snapshotOf(head, unit.nama) : null,
    draft: rows.some((r) => r.status !== 'FINAL'),
    pack,
  };
  return { kind: 'RKP', rekap };
}

/** What a batch covers: the year (SKP) or a period, optionally one unit. */
export interface Scope {
  kind: DocKind;
  year: number;
  periodId: string;
  unitId: string;
}

/** The jobs of a batch, in unit then name order, so a printed stack can be handed out per unit. */
export async function batchJobs(store: DataStore, s: Scope): Promise<PrintJob[]> {
  const employees = new Map((await store.employees.listAll()).map((e) => [e.id, e]));
  const inUnit = (unitId: string | null | undefined) => !s.unitId || unitId === s.unitId;
  const jobs: (PrintJob | null)[] = [];
  if (s.kind === 'SKP') {
    const skps = (await store.skps.listByYear(s.year)).filter((k) => !k.deleted && inUnit(employees.get(k.employeeId)?.unitId));
    skps.sort((a, b) => a.pegawai.unit.localeCompare(b.pegawai.unit, 'id') || a.pegawai.nama.localeCompare(b.pegawai.nama, 'id'));
    for (const k of skps) jobs.push(await skpJob(store, k.id));
  } else if (s.kind === 'RKP') {
    // All units: the office-wide recap first; the unit recaps follow only where the guideline is
    // applied per unit (under KANTOR they would repeat the office's page in pieces).
    const scope = distributionScopeOf((await store.settings.getProfile())?.office);
    if (!s.unitId) jobs.push(await rekapJob(store, OFFICE_REKAP_ID, s.year, s.periodId));
    const all = (await store.units.list()).filter((u) => !u.deleted);
    const units = flattenTree(buildUnitTree(all)).map((n) => n.unit).filter((u) => u.aktif && inUnit(u.id));
    const withEvaluations = new Set((await store.evaluations.listByPeriod(s.periodId)).filter((e) => !e.deleted).map((e) => e.unitId));
    for (const u of units.filter((u) => s.unitId || (scope !== 'KANTOR' && withEvaluations.has(u.id)))) {
      jobs.push(await rekapJob(store, u.id, s.year, s.periodId));
    }
  } else {
    const evs = (await store.evaluations.listByPeriod(s.periodId)).filter((e) => !e.deleted && inUnit(e.unitId));
    evs.sort((a, b) => a.pegawai.unit.localeCompare(b.pegawai.unit, 'id') || a.pegawai.nama.localeCompare(b.pegawai.nama, 'id'));
    const capaianOf = await store.evaluations.capaianMap(s.periodId);
    for (const e of evs) jobs.push(await evaluationJob(store, s.kind, e, capaianOf));
  }
  return jobs.filter((j): j is PrintJob => j !== null);
}

export type VerifyResult =
  | { status: 'invalid' }
  | { status: 'notFound'; code: string }
  /** The record's year was moved to an archive (issue #33): the archive file answers for it. */
  | { status: 'archived'; code: string; year: number }
  | { status: 'match'; code: string; title: string; ownerNama: string; printed: PrintLogEntry | null }
  | { status: 'changed'; code: string; title: string; ownerNama: string; printed: PrintLogEntry | null; changes: ContentChange[] | null; deleted: boolean };

/** The job for one stored record: an SKP, an evaluation (form or DEKP), or a unit's recap of a period. */
export async function jobFor(store: DataStore, kind: DocKind, docId: string, periodId: string): Promise<PrintJob | null> {
  if (kind === 'SKP') return skpJob(store, docId);
  if (kind === 'RKP') return rekapJob(store, docId, Number(periodId.slice(0, 4)), periodId);
  const ev = await store.evaluations.get(docId);
  return ev ? evaluationJob(store, kind, ev) : null;
}

/** Today's job for the record a code names: from the print log when it is known here, else by NIP and period. */
async function currentJob(store: DataStore, kind: DocKind, docId: string | null, nip: string, periodId: string): Promise<PrintJob | null> {
  if (docId) return jobFor(store, kind, docId, periodId);
  // A recap is only known through the print log: its code names the head, not the unit.
  if (kind === 'RKP') return null;
  const employee = (await store.employees.listAll()).find((e) => !e.deleted && normalizeNip(e.nip) === nip);
  if (!employee) return null;
  if (kind === 'SKP') {
    const skp = (await store.skps.forEmployee(employee.id, Number(periodId))).find((s) => !s.deleted);
    return skp ? skpJob(store, skp.id) : null;
  }
  const ev = (await store.evaluations.forEmployee(employee.id)).find((e) => !e.deleted && e.periodId === periodId);
  return ev ? evaluationJob(store, kind, ev) : null;
}

export async function verifyCode(store: DataStore, raw: string): Promise<VerifyResult> {
  const parsed = parseCode(raw);
  if (!parsed) return { status: 'invalid' };
  const periodId = expandPeriod(parsed.period) ?? parsed.period;
  const code = formatCode(parsed);
  const printed = (await store.prints.byCode(code)) ?? null;
  const job = await currentJob(store, parsed.kind, printed?.docId ?? null, parsed.nip, periodId);
  if (!job) {
    const year = Number(periodId.slice(0, 4));
    if ((await store.archives.archived()).some((a) => a.year === year)) return { status: 'archived', code, year };
    if (!printed) return { status: 'notFound', code };
    return { status: 'changed', code, title: printed.title, ownerNama: printed.ownerNama, printed, changes: null, deleted: true };
  }
  const facts = jobFacts(job);
  const current = await verificationCodeOf(parsed.kind, facts.nip, facts.periodId, facts.content);
  const base = { code, title: printed?.title ?? facts.title, ownerNama: printed?.ownerNama ?? facts.ownerNama, printed };
  if (current === code) return { status: 'match', ...base };
  return { status: 'changed', ...base, changes: printed ? diffContent(printed.content, facts.content) : null, deleted: false };
}
