/** Shared by the employee import's tests: a small office and the Pegawai template filled as an admin fills it. */
import * as XLSX from 'xlsx';
import { emptyEmployeeFields, type Employee } from '../domain/pegawai';
import type { Unit } from '../domain/unit';
import { buildWorkbook, readWorkbook, writeWorkbook } from '../io/sheet';
import { detectTable } from './importTable';
import { parseEmployeeRows, planEmployeeImport, type SourceTable } from './pegawaiImport';
import { templateSheets, type MetaInfo } from './templates';

const today = { year: 2026, month: 11, day: 24 };
const meta: MetaInfo = { kind: 'pegawai', schemaVersion: 2, appVersion: '0.1.0', officeId: 'office-1', exportedAt: '2026-11-24T00:00:00Z' };
const sync = { createdAt: '', updatedAt: '', updatedBy: 'office-1', rev: 'r1', deleted: false };
const units: Unit[] = [
  { id: 'u-kec', nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true, ...sync },
  { id: 'u-pem', nama: 'Seksi Pemerintahan', parentId: 'u-kec', headId: null, aktif: true, ...sync },
];
const camat: Employee = { ...emptyEmployeeFields(), id: 'e-camat', nip: '197305121998031004', nama: 'Asep Saepudin', gelarDepan: 'Drs.', golongan: 'IV/b', jabatan: 'Camat Curug', unitId: 'u-kec', ...sync };

export const pegawaiFixtures = { today, meta, sync, units, camat };

let n = 0;
export const newId = () => `new-${++n}`;

/** A blank Pegawai template filled like an admin would, read back as the importer sees it. */
export function filledTemplate(rows: unknown[][]): SourceTable {
  const wb = buildWorkbook(templateSheets('pegawai', meta, [], units.map((u) => u.nama), true));
  const ws = wb.Sheets['Data']!;
  XLSX.utils.sheet_add_aoa(ws, rows, { origin: 'A4' });
  const read = readWorkbook(writeWorkbook(wb));
  if (!read.ok) throw new Error(read.code);
  const t = detectTable(read.workbook);
  if (!t) throw new Error('not detected');
  return t.table;
}

export function plan(table: SourceTable, existing: Employee[] = [camat], mode: 'update' | 'skip' = 'update') {
  return planEmployeeImport(table, parseEmployeeRows(table), existing, units, { existing: mode, today, newId });
}
