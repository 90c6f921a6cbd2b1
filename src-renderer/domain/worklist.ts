/**
 * What still needs doing in a performance year (issue #5, "Worklists"): computed from plain
 * records so the Beranda and the per-unit view show the same thing and tests can pin it down.
 */
import { checkDistribution, type DistributionWarning } from './distribution';
import { isPoor } from './evaluation';
import type { CalendarDate } from './dates';
import { isAfter, skpDeadline } from './periods';
import type { CapaianOrganisasi, Predikat, RulePack } from './rulepack';
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
  unitId: string;
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
  /** Units with ratings in the current period whose organisational result is not set yet. */
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
  /** Restrict to one unit (the per-unit view); null = the whole office. */
  unitId: string | null;
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

  const byUnit = new Map<string, Predikat[]>();
  for (const ev of current) {
    if (!ev.unitId || !ev.predikat || !inUnit(ev.unitId)) continue;
    byUnit.set(ev.unitId, [...(byUnit.get(ev.unitId) ?? []), ev.predikat]);
  }
  const results = new Map(input.unitResults.filter((r) => r.periodId === input.currentPeriodId).map((r) => [r.unitId, r]));
  const noCapaian: string[] = [];
  const distribution: DistributionItem[] = [];
  for (const [unitId, predikat] of byUnit) {
    const result = results.get(unitId);
    if (!result?.capaian) {
      noCapaian.push(unitId);
      continue;
    }
    const warnings = checkDistribution(input.pack, result.capaian, predikat);
    if (warnings.length > 0) distribution.push({ unitId, capaian: result.capaian, warnings, justified: result.justifikasi.trim() !== '' });
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
