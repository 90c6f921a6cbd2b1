/**
 * What still needs doing in a performance year (issue #5, "Worklists"): computed from plain
 * records so the Beranda and the per-unit view show the same thing and tests can pin it down.
 */
import type { DistributionWarning } from './distribution';
import { effectiveCapaian } from './capaian';
import { checkGroup, distributionGroups, topUnit, type DistributionScope } from './distributionScope';
import { isPoor } from './evaluation';
import type { CalendarDate } from './dates';
import { isAfter, skpDeadline } from './periods';
import type { CapaianOrganisasi, Predikat, RulePack } from './rulepack';
import type { Unit } from './unit';
import type { SkpStatus, EvaluationStatus } from './workflow';

export interface WorkEmployee {
  id: string;
  aktif: boolean;
  unitId: string | null;
}

export interface WorkSkp {
  employeeId: string;
  status: SkpStatus;
}

export interface WorkEvaluation {
  employeeId: string;
  unitId: string | null;
  periodId: string;
  status: EvaluationStatus;
  predikat: Predikat | '';
  pembinaan: string;
}

export interface WorkUnitResult {
  unitId: string;
  periodId: string;
  capaian: CapaianOrganisasi | '';
  justifikasi: string;
}

export interface DistributionItem {
  /** The unit whose capaian the group is judged by (the top unit for the whole office). */
  unitId: string;
  /** The whole-office group (§7.4), not one unit's. */
  office: boolean;
  capaian: CapaianOrganisasi;
  warnings: DistributionWarning[];
  justified: boolean;
}

export interface Worklist {
  noSkp: string[];
  /** Only after the 31 January deadline: SKP still not approved. */
  skpLate: string[];
  /** Approved SKP but no final evaluation for the current period. */
  notEvaluated: string[];
  /**
   * Units with ratings in the current period whose organisational result is not set yet, and the
   * top unit when the guideline is applied to the whole office (its capaian judges everyone).
   */
  noCapaian: string[];
  distribution: DistributionItem[];
  /** Final poor predikat this year without a pembinaan recommendation yet. */
  poorFollowUp: string[];
}

export interface WorklistInput {
  pack: RulePack;
  year: number;
  today: CalendarDate;
  currentPeriodId: string | null;
  employees: readonly WorkEmployee[];
  skps: readonly WorkSkp[];
  evaluations: readonly WorkEvaluation[];
  unitResults: readonly WorkUnitResult[];
  /** Where the distribution guideline applies (§7.4), and the units it groups by. */
  scope: DistributionScope;
  units: readonly Unit[];
  /** Restrict to one unit (the per-unit view); null = the whole office. */
  unitId: string | null;
}

/** How many things the worklist asks for: what Beranda's first card counts before it says "nothing to fix". */
export function pendingWork(w: Worklist): number {
  return w.noSkp.length + w.skpLate.length + w.notEvaluated.length + w.noCapaian.length + w.distribution.length + w.poorFollowUp.length;
}

export function buildWorklist(input: WorklistInput): Worklist {
  const inUnit = (unitId: string | null) => input.unitId === null || unitId === input.unitId;
  const active = input.employees.filter((e) => e.aktif && inUnit(e.unitId));
  const skpStatus = new Map<string, SkpStatus[]>();
  for (const s of input.skps) skpStatus.set(s.employeeId, [...(skpStatus.get(s.employeeId) ?? []), s.status]);
  const approved = (id: string) => (skpStatus.get(id) ?? []).includes('DISETUJUI');
  const late = isAfter(input.today, skpDeadline(input.year));

  const current = input.evaluations.filter((ev) => ev.periodId === input.currentPeriodId);
  const finalNow = new Set(current.filter((ev) => ev.status === 'FINAL').map((ev) => ev.employeeId));

  const rated = current.filter((ev) => ev.predikat);
  const results = new Map(input.unitResults.filter((r) => r.periodId === input.currentPeriodId).map((r) => [r.unitId, r]));
  // A unit without its own capaian follows the one set above it (§7.6): only a unit nothing applies to is listed.
  const own = new Map([...results].map(([id, r]) => [id, r.capaian]));
  const capaianOf = (unitId: string) => effectiveCapaian(input.units, own, unitId).capaian;
  const noCapaian = [...new Set(rated.flatMap((ev) => (ev.unitId && inUnit(ev.unitId) ? [ev.unitId] : [])))].filter((id) => !capaianOf(id));
  const top = topUnit(input.units);
  if (input.scope === 'KANTOR' && input.unitId === null && top && rated.length > 0 && !results.get(top.id)?.capaian && !noCapaian.includes(top.id)) noCapaian.unshift(top.id);

  // The guideline on the office's groups; a group too small for it, or without capaian, warns of nothing.
  const distribution: DistributionItem[] = [];
  for (const g of distributionGroups(input.scope, input.units, current)) {
    const capaian = g.unit ? capaianOf(g.unit.id) : '';
    if (!g.unit || !capaian) continue;
    const office = g.key === 'KANTOR';
    if (input.unitId !== null && (office || g.unit.id !== input.unitId)) continue;
    const check = checkGroup(input.pack, capaian, g.members);
    const justified = (results.get(g.unit.id)?.justifikasi ?? '').trim() !== '';
    if (check.state === 'checked' && check.warnings.length > 0) distribution.push({ unitId: g.unit.id, office, capaian, warnings: check.warnings, justified });
  }

  const activeIds = new Set(active.map((e) => e.id));
  const poorFollowUp = [
    ...new Set(
      input.evaluations
        .filter((ev) => activeIds.has(ev.employeeId) && ev.status === 'FINAL' && isPoor(ev.predikat) && !ev.pembinaan.trim())
        .map((ev) => ev.employeeId),
    ),
  ];

  return {
    noSkp: active.filter((e) => !skpStatus.has(e.id)).map((e) => e.id),
    skpLate: late ? active.filter((e) => skpStatus.has(e.id) && !approved(e.id)).map((e) => e.id) : [],
    notEvaluated: input.currentPeriodId ? active.filter((e) => approved(e.id) && !finalNow.has(e.id)).map((e) => e.id) : [],
    noCapaian,
    distribution,
    poorFollowUp,
  };
}
