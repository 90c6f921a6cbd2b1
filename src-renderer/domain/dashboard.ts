import { effectiveCapaian } from './capaian';
import { appraiserSpread, type AppraiserRow } from './appraiserSpread';
import { countPredikat, type PredikatCounts } from './distribution';
import { checkGroup, distributionGroups, topUnit, type DistributionScope, type GroupCheck } from './distributionScope';
import type { Evaluation, UnitResult } from './evaluation';
import type { Employee } from './pegawai';
import { ownerOf } from './sync/access';
import type { CapaianOrganisasi, Predikat, RulePack } from './rulepack';
import type { Skp } from './skp';
import { buildUnitTree, flattenTree, type Unit } from './unit';
import type { SkpStatus } from './workflow';

/**
 * What Beranda's dashboard shows for a year and a period (docs/aturan-kinerja.md §7.4–§7.6). Built in
 * steps so that switching the period does not re-read or re-index the year: `indexYear` once after
 * the read, `dashboardFor` per period, `yearSummary` for the panels that do not change with it.
 */
export interface DashboardInput {
  pack: RulePack;
  scope: DistributionScope;
  units: readonly Unit[];
  employees: readonly Employee[];
  skps: readonly Skp[];
  evaluations: readonly Evaluation[];
  unitResults: readonly UnitResult[];
  /** Period ids of the year in order, with their titles. */
  periods: readonly { id: string; title: string }[];
  /**
   * At a BKD, which holds copies of several offices: only this office's records (its id, as
   * `ownerOf` names owners). Absent or '' = everything held here.
   */
  officeId?: string;
}

export interface YearIndex {
  input: DashboardInput;
  active: Employee[];
  employeeById: Map<string, Employee>;
  evaluationsByPeriod: Map<string, Evaluation[]>;
  /** Each period's view once built (`dashboardFor`): switching back and forth rebuilds nothing. */
  views: Map<string, Dashboard>;
  /** The year's summary once built (`yearSummary`). */
  summary?: YearSummary;
}

/** What does not depend on the chosen period: SKP and evaluation progress, and the trend. */
export interface YearSummary {
  skpProgress: SkpProgressRow[];
  evaluationProgress: EvaluationProgressRow[];
  trend: TrendRow[];
}

export type SkpProgressKey = 'BELUM' | SkpStatus;
export const SKP_PROGRESS_KEYS: readonly SkpProgressKey[] = ['BELUM', 'DRAF', 'DIAJUKAN', 'DISETUJUI'];

export interface SkpProgressRow {
  unitId: string | null;
  nama: string;
  depth: number;
  counts: Record<SkpProgressKey, number>;
  /** Employee ids per progress state, for the list a bar opens. */
  ids: Record<SkpProgressKey, string[]>;
}

export interface EvaluationProgressRow {
  periodId: string;
  title: string;
  belum: number;
  draf: number;
  final: number;
}

export interface TrendRow {
  periodId: string;
  title: string;
  n: number;
  counts: PredikatCounts;
}

export interface DistributionView {
  key: string;
  nama: string;
  depth: number;
  capaian: CapaianOrganisasi | '';
  check: GroupCheck;
  /** Employee ids per predikat, for the list a bar opens. */
  ids: Record<Predikat, string[]>;
}

export interface Dashboard {
  periodId: string;
  office: DistributionView;
  /** The groups of the chosen scope (the office group again under KANTOR). */
  groups: DistributionView[];
  appraisers: AppraiserRow[];
  /** Employees rated in the period whose evaluation names no penilai. */
  withoutPenilai: number;
}

const emptyIds = <K extends string>(keys: readonly K[]): Record<K, string[]> => Object.fromEntries(keys.map((k) => [k, [] as string[]])) as Record<K, string[]>;

/** Each active employee's SKP state for the year, per unit in the office's order (no unit last). */
function skpProgressOf(units: readonly Unit[], active: readonly Employee[], skps: readonly Skp[]): SkpProgressRow[] {
  const statusOf = new Map<string, SkpStatus>();
  // An employee may hold more than one SKP in a year (moved jabatan): the most advanced one counts.
  const rank: Record<SkpStatus, number> = { DRAF: 0, DIAJUKAN: 1, DISETUJUI: 2 };
  for (const s of skps) {
    const prev = statusOf.get(s.employeeId);
    if (!prev || rank[s.status] > rank[prev]) statusOf.set(s.employeeId, s.status);
  }
  const rows = new Map<string | null, SkpProgressRow>();
  const nodes = flattenTree(buildUnitTree(units));
  for (const n of nodes) rows.set(n.unit.id, { unitId: n.unit.id, nama: n.unit.nama, depth: n.depth, counts: { BELUM: 0, DRAF: 0, DIAJUKAN: 0, DISETUJUI: 0 }, ids: emptyIds(SKP_PROGRESS_KEYS) });
  for (const e of active) {
    const key = e.unitId && rows.has(e.unitId) ? e.unitId : null;
    if (!rows.has(key)) rows.set(key, { unitId: null, nama: '', depth: 0, counts: { BELUM: 0, DRAF: 0, DIAJUKAN: 0, DISETUJUI: 0 }, ids: emptyIds(SKP_PROGRESS_KEYS) });
    const row = rows.get(key)!;
    const state: SkpProgressKey = statusOf.get(e.id) ?? 'BELUM';
    row.counts[state]++;
    row.ids[state].push(e.id);
  }
  return [...rows.values()].filter((r) => SKP_PROGRESS_KEYS.some((k) => r.counts[k] > 0));
}

/** The input restricted to one office's records (each table's owner as sync names it). */
function forOffice(input: DashboardInput): DashboardInput {
  const { officeId } = input;
  if (!officeId) return input;
  const own = <T extends Parameters<typeof ownerOf>[1]>(table: string, docs: readonly T[]) => docs.filter((d) => ownerOf(table, d) === officeId);
  return {
    ...input,
    units: own('units', input.units),
    employees: own('employees', input.employees),
    skps: own('skps', input.skps),
    evaluations: own('evaluations', input.evaluations),
    unitResults: own('unitResults', input.unitResults),
  };
}

export function indexYear(all: DashboardInput): YearIndex {
  const input = forOffice(all);
  const active = input.employees.filter((e) => e.aktif && !e.deleted);
  const evaluationsByPeriod = new Map<string, Evaluation[]>();
  for (const ev of input.evaluations) {
    if (ev.deleted) continue;
    const list = evaluationsByPeriod.get(ev.periodId);
    if (list) list.push(ev);
    else evaluationsByPeriod.set(ev.periodId, [ev]);
  }
  return {
    input,
    active,
    employeeById: new Map(input.employees.map((e) => [e.id, e])),
    evaluationsByPeriod,
    views: new Map(),
  };
}

/** The year's summary of an indexed year, built once and kept in the index. */
export function yearSummary(index: YearIndex): YearSummary {
  if (index.summary) return index.summary;
  const { input, active, evaluationsByPeriod } = index;
  // Plain loops: with 12,000 employees and four periods these run on every redraw of Beranda.
  const evaluationProgress = input.periods.map(({ id, title }): EvaluationProgressRow => {
    const finalOf = new Map<string, boolean>();
    for (const e of evaluationsByPeriod.get(id) ?? []) if (e.status === 'FINAL' || !finalOf.has(e.employeeId)) finalOf.set(e.employeeId, e.status === 'FINAL' || finalOf.get(e.employeeId) === true);
    let final = 0;
    for (const f of finalOf.values()) if (f) final++;
    let belum = 0;
    for (const e of active) if (!finalOf.has(e.id)) belum++;
    return { periodId: id, title, final, draf: finalOf.size - final, belum };
  });
  const trend = input.periods.map(({ id, title }): TrendRow => {
    const rated: Predikat[] = [];
    for (const e of evaluationsByPeriod.get(id) ?? []) if (e.predikat) rated.push(e.predikat);
    return { periodId: id, title, n: rated.length, counts: countPredikat(rated) };
  });
  index.summary = { skpProgress: skpProgressOf(input.units, active, input.skps.filter((s) => !s.deleted)), evaluationProgress, trend };
  return index.summary;
}

function view(pack: RulePack, key: string, nama: string, depth: number, capaian: CapaianOrganisasi | '', evs: readonly Evaluation[]): DistributionView {
  const members = evs.map((e) => ({ employeeId: e.employeeId, unitId: e.unitId, predikat: e.predikat }));
  const ids = emptyIds<Predikat>(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG']);
  for (const e of evs) if (e.predikat) ids[e.predikat].push(e.employeeId);
  return { key, nama, depth, capaian, check: checkGroup(pack, capaian, members), ids };
}

/** The dashboard for one period of an indexed year, built once and kept in the index. */
export function dashboardFor(index: YearIndex, periodId: string): Dashboard {
  const known = index.views.get(periodId);
  if (known) return known;
  const view = buildView(index, periodId);
  index.views.set(periodId, view);
  return view;
}

function buildView(index: YearIndex, periodId: string): Dashboard {
  const { pack, scope, units, unitResults } = index.input;
  const evs = index.evaluationsByPeriod.get(periodId) ?? [];
  const own = new Map(unitResults.filter((r) => r.periodId === periodId && !r.deleted).map((r) => [r.unitId, r.capaian]));
  // A unit without its own capaian is judged by the one set above it (§7.6).
  const capaianOf = { get: (unitId: string) => effectiveCapaian(units, own, unitId).capaian };
  // Several offices' records together (a BKD with no office chosen) have no one capaian to judge by.
  const owners = new Set(units.map((u) => ownerOf('units', u)));
  const top = owners.size > 1 ? null : topUnit(units);
  const office = view(pack, 'KANTOR', top?.nama ?? '', 0, top ? (capaianOf.get(top.id) ?? '') : '', evs);
  const groups =
    scope === 'KANTOR'
      ? [office]
      : distributionGroups(scope, units, evs).map((g) => view(pack, g.key, g.unit?.nama ?? '', g.depth, g.unit ? (capaianOf.get(g.unit.id) ?? '') : '', g.members));
  const rated = evs.filter((e) => e.predikat && e.penilai && (e.penilai.nip || e.penilai.nama.trim()));
  const appraisers = appraiserSpread(
    rated.map((e) => ({ employeeId: e.employeeId, penilaiKey: e.penilai!.nip || e.penilai!.nama.trim(), penilaiNama: e.penilai!.nama, predikat: e.predikat as Predikat })),
  );
  return { periodId, office, groups, appraisers, withoutPenilai: evs.filter((e) => e.predikat).length - rated.length };
}
