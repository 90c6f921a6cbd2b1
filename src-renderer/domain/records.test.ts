import { describe, expect, it } from 'vitest';
import { diffFields } from './records';

describe('diffFields', () => {
  it('lists changed, added and removed fields and skips sync metadata', () => {
    const before = { id: '1', rev: 'a', nama: 'Asep', unitId: 'u1', gelarDepan: 'Drs.' };
    const after = { id: '1', rev: 'b', nama: 'Asep Saepudin', unitId: 'u1', tempat: 'Curug' };
    expect(diffFields(before, after)).toEqual([
      { field: 'gelarDepan', from: 'Drs.', to: null },
      { field: 'nama', from: 'Asep', to: 'Asep Saepudin' },
      { field: 'tempat', from: null, to: 'Curug' },
    ]);
  });

  it('a creation lists every field', () => {
    expect(diffFields(undefined, { nama: 'X', aktif: true })).toEqual([
      { field: 'aktif', from: null, to: true },
      { field: 'nama', from: null, to: 'X' },
    ]);
  });

  it('treats undefined and null as the same and compares nested values by content', () => {
    expect(diffFields({ a: null, b: { x: [1, 2] } }, { a: undefined, b: { x: [1, 2] } })).toEqual([]);
    expect(diffFields({ b: { x: [1, 2] } }, { b: { x: [1, 3] } })).toHaveLength(1);
  });
});
