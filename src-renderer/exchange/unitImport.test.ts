import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { emptyEmployeeFields, type Employee } from '../domain/pegawai';
import type { Unit } from '../domain/unit';
import { detectTable } from './importTable';
import { buildWorkbook, readWorkbook, writeWorkbook } from '../io/sheet';
import { templateSheets, type MetaInfo } from './templates';
import { planUnitImport } from './unitImport';

const sync = { createdAt: '', updatedAt: '', updatedBy: 'o', rev: 'r1', deleted: false };
const meta: MetaInfo = { kind: 'unit', schemaVersion: 2, appVersion: '0.1.0', officeId: 'o', exportedAt: '' };
const units: Unit[] = [
  { id: 'kec', nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true, ...sync },
  { id: 'pem', nama: 'Seksi Pemerintahan', parentId: 'kec', headId: null, aktif: true, ...sync },
];
const rina: Employee = { ...emptyEmployeeFields(), id: 'rina', nip: '198211032006042011', nama: 'Rina Marlina', ...sync };
let n = 0;
const newId = () => `u-${++n}`;

function table(rows: unknown[][]) {
  const wb = buildWorkbook(templateSheets('unit', meta, [], [], true));
  XLSX.utils.sheet_add_aoa(wb.Sheets['Data']!, rows, { origin: 'A4' });
  const read = readWorkbook(writeWorkbook(wb));
  if (!read.ok) throw new Error(read.code);
  const t = detectTable(read.workbook)!;
  expect(t.meta?.kind).toBe('unit');
  return t.table;
}

describe('Unit kerja template import', () => {
  it('creates units under existing ones or under units further down the file, and sets heads by NIP', () => {
    const p = planUnitImport(table([['Subbagian Umum', 'Sekretariat', ''], ['Sekretariat', 'Kecamatan Curug', '198211032006042011']]), units, [rina], { newId });
    expect(p.errors).toEqual([]);
    const [sub, sek] = p.creates;
    expect(sek?.fields).toEqual({ nama: 'Sekretariat', parentId: 'kec', headId: 'rina', aktif: true });
    expect(sub?.fields.parentId).toBe(sek?.id);
  });

  it('a row naming an existing unit updates it (its head) and the same file again changes nothing', () => {
    const p = planUnitImport(table([['Seksi Pemerintahan', 'Kecamatan Curug', '198211032006042011']]), units, [rina]);
    expect(p.updates.map((u) => u.changes)).toEqual([[{ field: 'headId', from: null, to: 'rina' }]]);
    const after = units.map((u) => (u.id === 'pem' ? { ...u, headId: 'rina' } : u));
    expect(planUnitImport(table([['Seksi Pemerintahan', 'Kecamatan Curug', '198211032006042011']]), after, [rina])).toMatchObject({ creates: [], updates: [], unchanged: 1 });
  });

  it('reports unknown parents, unknown heads, duplicates and loops with row and column; children of a refused unit are refused too', () => {
    const p = planUnitImport(
      table([
        ['Seksi A', 'Seksi Tidak Ada', ''],
        ['Subseksi A1', 'Seksi A', ''],
        ['Seksi B', 'Kecamatan Curug', '199999999999999999'],
        ['Seksi C', 'Kecamatan Curug', ''],
        ['Seksi C', 'Kecamatan Curug', ''],
        ['X', 'Y', ''],
        ['Y', 'X', ''],
      ]),
      units,
      [rina],
      { newId },
    );
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'B', 'unitParentUnknown'],
      [6, 'C', 'headUnknown'],
      [8, 'A', 'unitDuplicateInFile'],
      [9, 'B', 'unitCycle'],
      [10, 'B', 'unitCycle'],
      [5, 'B', 'unitParentRefused'],
    ]);
    expect(p.creates.map((c) => c.fields.nama)).toEqual(['Seksi C']);
  });
});

describe('template meta', () => {
  it('a workbook built as the Unit kerja template says so in _meta, whatever meta it was given', () => {
    const wb = buildWorkbook(templateSheets('unit', { ...meta, kind: 'pegawai' }, [], [], true));
    const read = readWorkbook(writeWorkbook(wb));
    if (!read.ok) throw new Error(read.code);
    expect(detectTable(read.workbook)?.meta?.kind).toBe('unit');
  });
});
