/**
 * Which capaian kinerja organisasi applies to a unit in a period (docs/aturan-kinerja.md §7.6): its
 * own when one is set, else the nearest unit above it that has one, so the value set for the whole
 * office on Distribusi reaches every unit and every printed form; a unit may still set its own.
 */
import { topUnit } from './distributionScope';
import type { CapaianOrganisasi } from './rulepack';
import type { Unit } from './unit';

export interface EffectiveCapaian {
  capaian: CapaianOrganisasi | '';
  /** The unit whose value applies: the unit itself, one above it, the office's top unit, or null when none is set. */
  fromUnitId: string | null;
}

export function effectiveCapaian(units: readonly Unit[], own: ReadonlyMap<string, CapaianOrganisasi | ''>, unitId: string | null): EffectiveCapaian {
  const byId = new Map(units.map((u) => [u.id, u]));
  const seen = new Set<string>();
  let current = unitId;
  while (current && byId.has(current) && !seen.has(current)) {
    seen.add(current);
    const capaian = own.get(current);
    if (capaian) return { capaian, fromUnitId: current };
    current = byId.get(current)!.parentId;
  }
  // The chain reached its root (that office's top unit) with nothing set: nothing applies. Staff
  // without a unit, or a unit whose chain is broken (a missing parent, a cycle), follow the office.
  if (unitId && current === null) return { capaian: '', fromUnitId: null };
  const top = topUnit(units);
  const office = top ? own.get(top.id) : '';
  return top && office ? { capaian: office, fromUnitId: top.id } : { capaian: '', fromUnitId: null };
}

/** The capaian of every unit, for screens that show many at once. */
export function effectiveCapaianMap(units: readonly Unit[], own: ReadonlyMap<string, CapaianOrganisasi | ''>): Map<string, EffectiveCapaian> {
  return new Map(units.map((u) => [u.id, effectiveCapaian(units, own, u.id)]));
}
