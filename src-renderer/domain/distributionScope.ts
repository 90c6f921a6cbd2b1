import { checkDistribution, countPredikat, maxCount, minCount, type DistributionWarning, type PredikatCounts } from './distribution';
import { PREDIKATS, type CapaianOrganisasi, type DistributionRule, type Predikat, type RulePack } from './rulepack';
import { buildUnitTree, flattenTree, unitScope, type Unit } from './unit';

/**
 * Where the distribution guideline is applied (docs/aturan-kinerja.md §7.4). The guideline speaks of
 * "the employees evaluated in that unit", but a kecamatan's seksi hold three or four people and the
 * camat alone is the top unit: counted per unit, every check is either impossible or meaningless.
 * - KANTOR: the whole office is one group, judged against the top unit's capaian (default);
 * - UNIT_DAN_SUB: each unit together with every unit below it, against that unit's capaian;
 * - UNIT: each unit with its direct members only (what the app did before).
 */
export const DISTRIBUTION_SCOPES = ['KANTOR', 'UNIT_DAN_SUB', 'UNIT'] as const;
export type DistributionScope = (typeof DISTRIBUTION_SCOPES)[number];
export const DEFAULT_DISTRIBUTION_SCOPE: DistributionScope = 'KANTOR';

/** The office's choice, or the default for an office that never chose (records from before §7.4). */
export function distributionScopeOf(office: { cakupanDistribusi?: DistributionScope } | null | undefined): DistributionScope {
  return office?.cakupanDistribusi ?? DEFAULT_DISTRIBUTION_SCOPE;
}

export interface ScopedMember {
  employeeId: string;
  unitId: string | null;
  predikat: Predikat | '';
}

export interface DistributionGroup<M extends ScopedMember = ScopedMember> {
  /** 'KANTOR' for the office group, otherwise the unit id. */
  key: string;
  /** The unit whose capaian the group is judged by: the unit itself, or the office's top unit. */
  unit: Unit | null;
  depth: number;
  members: M[];
}

/**
 * The group in which a unit's ratings are judged: the whole office under KANTOR, otherwise the
 * unit's own group (with its sub-units under UNIT_DAN_SUB). Used where one unit is being rated.
 */
export function groupOfUnit<M extends ScopedMember>(scope: DistributionScope, units: readonly Unit[], members: readonly M[], unitId: string): DistributionGroup<M> | undefined {
  return distributionGroups(scope, units, members).find((g) => scope === 'KANTOR' || g.key === unitId);
}

/** The office's top unit: the first root in the office's order (a kecamatan has exactly one). */
export function topUnit(units: readonly Unit[]): Unit | null {
  return buildUnitTree(units)[0]?.unit ?? null;
}

/**
 * The groups a scope makes of the members, in the unit tree's order. Members without a unit count
 * only in the office group. Under UNIT_DAN_SUB a member counts in its unit and in every unit above.
 */
export function distributionGroups<M extends ScopedMember>(scope: DistributionScope, units: readonly Unit[], members: readonly M[]): DistributionGroup<M>[] {
  if (scope === 'KANTOR') return [{ key: 'KANTOR', unit: topUnit(units), depth: 0, members: [...members] }];
  const nodes = flattenTree(buildUnitTree(units));
  const direct = new Map<string, M[]>();
  for (const m of members) {
    if (!m.unitId) continue;
    const list = direct.get(m.unitId);
    if (list) list.push(m);
    else direct.set(m.unitId, [m]);
  }
  return nodes.map((node) => ({
    key: node.unit.id,
    unit: node.unit,
    depth: node.depth,
    members: scope === 'UNIT' ? (direct.get(node.unit.id) ?? []) : flattenTree([node]).flatMap((n) => direct.get(n.unit.id) ?? []),
  }));
}

/** One rule of the guideline as whole people for a group of n. */
export type HeadCountRule =
  | { kind: 'atMost'; predikat: readonly Predikat[]; count: number }
  | { kind: 'largest'; predikat: Predikat }
  | { kind: 'atLeast'; predikat: readonly Predikat[]; count: number }
  | { kind: 'none'; predikat: readonly Predikat[] };

export function headCounts(pack: RulePack, capaian: CapaianOrganisasi, n: number): HeadCountRule[] {
  return pack.distribution[capaian].flatMap((rule: DistributionRule): HeadCountRule[] => {
    switch (rule.kind) {
      case 'dominant': {
        const max = maxCount(pack, rule.maxShare, n);
        return [max === 0 ? { kind: 'none', predikat: [rule.predikat] } : { kind: 'atMost', predikat: [rule.predikat], count: max }, { kind: 'largest', predikat: rule.predikat }];
      }
      case 'maxShare': {
        const max = maxCount(pack, rule.share, n);
        return [max === 0 ? { kind: 'none', predikat: rule.predikat } : { kind: 'atMost', predikat: rule.predikat, count: max }];
      }
      case 'minShare':
        return [{ kind: 'atLeast', predikat: rule.predikat, count: minCount(pack, rule.share, n) }];
      case 'atLeastOne':
        return [{ kind: 'atLeast', predikat: rule.predikat, count: 1 }];
    }
  });
}

/** Every way of giving n people the five predikat (n stays small: only small groups are searched). */
function* compositions(n: number, parts: number): Generator<number[]> {
  if (parts === 1) {
    yield [n];
    return;
  }
  for (let i = 0; i <= n; i++) for (const rest of compositions(n - i, parts - 1)) yield [i, ...rest];
}

/** Whether any set of predikat for n people meets every rule of the guideline. */
export function guidelineFeasible(pack: RulePack, capaian: CapaianOrganisasi, n: number): boolean {
  if (n === 0) return true;
  for (const c of compositions(n, PREDIKATS.length)) {
    const list = PREDIKATS.flatMap((p, i) => Array<Predikat>(c[i] ?? 0).fill(p));
    if (checkDistribution(pack, capaian, list).length === 0) return true;
  }
  return false;
}

/**
 * A group is small when one of the guideline's percentages is less than one person (10 % of fewer
 * than 10): the percentages then turn into whole-person limits that must be said in words. Only
 * small groups can be too small for the guideline altogether, so only they are searched.
 */
export function isSmallGroup(pack: RulePack, n: number): boolean {
  const shares = Object.values(pack.distribution).flatMap((rules) => rules.flatMap((r) => (r.kind === 'dominant' ? [r.maxShare] : r.kind === 'atLeastOne' ? [] : [r.share])));
  const smallest = Math.min(...shares.filter((s) => s > 0));
  return n > 0 && n * smallest < 1;
}

export type GroupCheck =
  | { state: 'empty'; n: 0; counts: PredikatCounts; all: number }
  | { state: 'noCapaian'; n: number; counts: PredikatCounts; all: number }
  /** Too small for the guideline to be met at all: explained, never warned about. */
  | { state: 'infeasible'; n: number; counts: PredikatCounts; all: number; capaian: CapaianOrganisasi }
  | { state: 'checked'; n: number; counts: PredikatCounts; all: number; capaian: CapaianOrganisasi; small: boolean; rules: HeadCountRule[]; warnings: DistributionWarning[] };

/** The guideline applied to one group: `all` members, of whom those with a predikat are judged. */
export function checkGroup(pack: RulePack, capaian: CapaianOrganisasi | '', members: readonly ScopedMember[]): GroupCheck {
  const rated = members.flatMap((m) => (m.predikat ? [m.predikat] : []));
  const n = rated.length;
  const counts = countPredikat(rated);
  const all = members.length;
  if (n === 0) return { state: 'empty', n: 0, counts, all };
  if (!capaian) return { state: 'noCapaian', n, counts, all };
  const small = isSmallGroup(pack, n);
  if (small && !guidelineFeasible(pack, capaian, n)) return { state: 'infeasible', n, counts, all, capaian };
  return { state: 'checked', n, counts, all, capaian, small, rules: headCounts(pack, capaian, n), warnings: checkDistribution(pack, capaian, rated) };
}

/**
 * The head-count band each predikat should fall in, for drawing behind its bar: only rules about a
 * single predikat give a band (a rule on "Butuh Perbaikan or Kurang" together is said in words).
 */
export function expectedBands(rules: readonly HeadCountRule[], n: number): Partial<Record<Predikat, [number, number]>> {
  const bands: Partial<Record<Predikat, [number, number]>> = {};
  const narrow = (p: Predikat, lo: number, hi: number) => {
    const [a, b] = bands[p] ?? [0, n];
    bands[p] = [Math.max(a, lo), Math.min(b, hi)];
  };
  for (const r of rules) {
    if (r.kind === 'largest' || r.predikat.length !== 1) continue;
    const p = r.predikat[0]!;
    if (r.kind === 'atMost') narrow(p, 0, r.count);
    else if (r.kind === 'atLeast') narrow(p, r.count, n);
    else narrow(p, 0, 0);
  }
  return bands;
}

/**
 * The active staff a group's counts leave out: no evaluation in the period. "10 dinilai dari 10
 * evaluasi" in an office of 15 hid five people; the Distribusi card names them.
 */
export function notEvaluatedIn<E extends { id: string; unitId: string | null; aktif: boolean }>(
  scope: DistributionScope,
  units: readonly Unit[],
  group: { key: string; unit: Unit | null },
  employees: readonly E[],
  evaluated: ReadonlySet<string>,
): E[] {
  const inGroup =
    group.key === 'KANTOR' || !group.unit
      ? () => true
      : scope === 'UNIT'
        ? (e: E) => e.unitId === group.unit!.id
        : ((ids: Set<string>) => (e: E) => e.unitId !== null && ids.has(e.unitId))(new Set(unitScope(units, group.unit.id)));
  return employees.filter((e) => e.aktif && !evaluated.has(e.id) && inGroup(e));
}
