import { describe, expect, it } from 'vitest';
import { DATA_URL_MAX_CHARS, findRecordProblem, TEXT_MAX_CHARS } from './records';

const REV = '001767571200000-00000-kantor';
const base = { id: 'e1', rev: REV, createdAt: '', updatedAt: '', updatedBy: 'kantor', deleted: false, nip: '199001012015011001', nama: 'Siti', unitId: null, atasanId: null, aktif: true };
const rec = (doc: Record<string, unknown>, table = 'employees') => [{ table, schemaVersion: 6, doc }];

describe('the record checks a package and a backup share', () => {
  it.each([
    ['a name of typed length', { ...base, nama: 'S'.repeat(200) }, null],
    ['a name longer than any typed text', { ...base, nama: 'S'.repeat(TEXT_MAX_CHARS + 1) }, 'nama'],
    ['a long text deep inside a record', { ...base, catatan: { isi: ['x', 'y'.repeat(TEXT_MAX_CHARS + 1)] } }, 'catatan/isi/1'],
    ['a file kept as bytes is not text', { ...base, data: new Uint8Array(TEXT_MAX_CHARS * 2) }, null],
  ])('%s', (_what, doc, field) => {
    const problem = findRecordProblem(rec(doc));
    if (field === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ code: 'tooLong', field, table: 'employees', index: 0 });
  });

  it('a scanned signature has room for its image, not for more', () => {
    const sig = { id: 's1', rev: REV, createdAt: '', updatedAt: '', updatedBy: 'kantor', deleted: false, employeeId: 'e1' };
    expect(findRecordProblem(rec({ ...sig, dataUrl: `data:image/png;base64,${'A'.repeat(400_000)}` }, 'signatures'))).toBeNull();
    expect(findRecordProblem(rec({ ...sig, dataUrl: 'A'.repeat(DATA_URL_MAX_CHARS + 1) }, 'signatures'))).toMatchObject({ code: 'tooLong', field: 'dataUrl' });
  });
});
