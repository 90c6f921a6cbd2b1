import { describe, expect, it } from 'vitest';
import { buildUnitTree, flattenTree, unitPath, wouldCreateUnitCycle, type Unit } from './unit';
import { KECAMATAN_TREE, testUnit } from './unit.testkit';

const units: Unit[] = KECAMATAN_TREE;
const parentOf = (id: string) => units.find((u) => u.id === id)?.parentId;

describe('unit tree', () => {
  it('builds depth-first in name order', () => {
    // "Sekretariat" sorts before "Seksi Pemerintahan"; its sub-unit follows it directly.
    expect(flattenTree(buildUnitTree(units)).map((n) => `${n.depth}:${n.unit.id}`)).toEqual([
      '0:kec', '1:sek', '2:umum', '1:pem',
    ]);
  });

  it('refuses moving a unit under itself or its own sub-unit', () => {
    expect(wouldCreateUnitCycle('sek', 'umum', parentOf)).toBe(true);
    expect(wouldCreateUnitCycle('sek', 'sek', parentOf)).toBe(true);
    expect(wouldCreateUnitCycle('umum', 'pem', parentOf)).toBe(false);
    expect(wouldCreateUnitCycle('pem', null, parentOf)).toBe(false);
  });

  it('shows orphans at the root instead of losing them', () => {
    const orphan = testUnit('x', 'Yatim', 'missing');
    expect(buildUnitTree([...units, orphan]).map((n) => n.unit.id)).toContain('x');
  });

  it('names the path from the root', () => {
    expect(unitPath('umum', new Map(units.map((u) => [u.id, u])))).toEqual(['Kecamatan Curug', 'Sekretariat', 'Subbagian Umum']);
  });
});

describe('the office’s own order of units (urutan)', () => {
  const u = (id: string, nama: string, urutan?: number | null): Unit => testUnit(id, nama, 'kec', urutan !== undefined ? { urutan } : {});
  it('numbered siblings first, lowest first, then the rest by name; older records without the field sort by name', () => {
    const units: Unit[] = [testUnit('kec', 'Kecamatan Curug', null), u('a', 'Seksi Ekonomi'), u('b', 'Sekretariat', 1), u('c', 'Seksi Pemerintahan', 2), u('d', 'Seksi Ketertiban', null)];
    expect(flattenTree(buildUnitTree(units)).map((n) => n.unit.nama)).toEqual(['Kecamatan Curug', 'Sekretariat', 'Seksi Pemerintahan', 'Seksi Ekonomi', 'Seksi Ketertiban']);
  });
});
