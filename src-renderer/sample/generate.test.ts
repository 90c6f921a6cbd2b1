import { describe, expect, it } from 'vitest';
import { analyzeNip, hasNipError } from '../domain/nip';
import { findAtasanCycle, validateEmployee } from '../domain/pegawai';
import { generateOrganisation } from './generate';

describe('sample data generator', () => {
  const org = generateOrganisation({ employees: 2000, seed: 7 });
  const today = { year: 2026, month: 11, day: 24 };

  it('produces the requested number of valid employees with unique NIPs and ids', () => {
    expect(org.employees).toHaveLength(2000);
    expect(new Set(org.employees.map((e) => e.nip)).size).toBe(2000);
    expect(new Set(org.employees.map((e) => e.id)).size).toBe(2000);
    for (const e of org.employees.slice(0, 300)) {
      expect(hasNipError(analyzeNip(e.nip, { today }))).toBe(false);
      expect(validateEmployee(e, { today }).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('every atasan and unit exists and no chain loops', () => {
    const byId = new Map(org.employees.map((e) => [e.id, e]));
    const unitIds = new Set(org.units.map((u) => u.id));
    for (const e of org.employees) {
      if (e.atasanId) expect(byId.has(e.atasanId)).toBe(true);
      expect(unitIds.has(e.unitId as string)).toBe(true);
      expect(findAtasanCycle(e.id, e.atasanId, (x) => byId.get(x)?.atasanId)).toBeNull();
    }
  });

  it('is deterministic for a seed', () => {
    expect(generateOrganisation({ employees: 50, seed: 7 }).employees.map((e) => e.nip)).toEqual(
      generateOrganisation({ employees: 50, seed: 7 }).employees.map((e) => e.nip),
    );
  });
});
