import { describe, expect, it } from 'vitest';
import { restoreRecord } from './restoreRecord';

const REV = '001767571200000-00000-kantor';

describe('restoreRecord: every record entering this installation, normalised once', () => {
  it.each([
    ['an evaluation from before tindak lanjut', 'evaluations', 3, { id: 'e', rev: REV, hasil: {} }, { rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' }, masukan: [], deleted: false, updatedBy: 'kantor' }],
    ['an employee from before jenjang', 'employees', 5, { id: 'p', rev: REV, nama: 'Siti', sv: { b: REV, f: {} } }, { nama: 'Siti', jenjang: '', aktif: true, unitId: null }],
    ['a unit from before urutan keeps no order', 'units', 5, { id: 'u', rev: REV, nama: 'Umum', sv: { b: REV, f: {} } }, { nama: 'Umum', aktif: true, parentId: null }],
  ])('%s gets the fields the app has today', (_what, table, version, doc, expected) => {
    expect(restoreRecord(table, version, doc)).toMatchObject(expected);
  });

  it('gives a record from before sync (schema < 4) its write versions and the index of what it knows', () => {
    const out = restoreRecord('employees', 3, { id: 'p', rev: REV, nama: 'Siti' }, { deriveKey: true });
    expect(out.sv).toEqual({ b: REV, f: {} });
    expect(out.syncKey).toBe(REV);
  });

  it('keeps values it has and fields it does not know (a newer app’s record passes through whole)', () => {
    const out = restoreRecord('employees', 9, { id: 'p', rev: REV, nama: 'Siti', aktif: false, bidangBaru: { x: 1 }, sv: { b: REV, f: {} } });
    expect(out).toMatchObject({ aktif: false, bidangBaru: { x: 1 } });
  });

  it('never trusts an index sent from outside: the syncKey is derived from the versions', () => {
    const out = restoreRecord('units', 6, { id: 'u', rev: REV, nama: 'Umum', sv: { b: REV, f: {} }, syncKey: 'zzz palsu' }, { deriveKey: true });
    expect(out.syncKey).toBe(REV);
  });

  it('returns a current record as it is, without copying it', () => {
    const doc = { id: 'u', rev: REV, nama: 'Umum', parentId: null, headId: null, aktif: true, deleted: false, updatedBy: 'kantor', sv: { b: REV, f: {} } };
    expect(restoreRecord('units', 6, doc)).toBe(doc);
  });
});
