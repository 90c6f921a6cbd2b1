/** Test-only: units as the domain tests need them (only the tree's fields matter). */
import type { Unit } from './unit';

export function testUnit(id: string, nama: string, parentId: string | null, extra: Partial<Unit> = {}): Unit {
  return { id, nama, parentId, headId: null, aktif: true, createdAt: '', updatedAt: '', updatedBy: 'o', rev: '', deleted: false, ...extra };
}

/** A kecamatan with a seksi and a sekretariat that has a subbagian below it. */
export const KECAMATAN_TREE: Unit[] = [
  testUnit('kec', 'Kecamatan Curug', null),
  testUnit('pem', 'Seksi Pemerintahan', 'kec'),
  testUnit('sek', 'Sekretariat', 'kec'),
  testUnit('umum', 'Subbagian Umum', 'sek'),
];
