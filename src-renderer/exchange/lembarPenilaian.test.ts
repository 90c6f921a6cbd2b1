import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../domain/evaluation';
import { emptyEmployeeFields, type Employee } from '../domain/pegawai';
import { generatePeriods, periodKey } from '../domain/periods';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import type { Skp } from '../domain/skp';
import type { Unit } from '../domain/unit';
import { rhk } from '../sample/records';
import { buildWorkbook, readWorkbook, writeWorkbook } from '../io/sheet';
import { detectTable } from './importTable';
import { lembarSheets, planLembarImport } from './lembarPenilaian';
import type { MetaInfo } from './templates';

const sync = { createdAt: '2026-01-05T00:00:00Z', updatedAt: '', updatedBy: 'office-1', rev: 'r1', deleted: false };
const units: Unit[] = [
  { id: 'u-kec', nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true, ...sync },
  { id: 'u-pem', nama: 'Seksi Pemerintahan', parentId: 'u-kec', headId: null, aktif: true, ...sync },
];
const person = (id: string, nip: string, nama: string, unitId: string): Employee => ({ ...emptyEmployeeFields(), id, nip, nama, unitId, golongan: 'III/a', jabatan: 'Analis', ...sync });
const camat = person('e-camat', '197305121998031004', 'Asep Saepudin', 'u-kec');
const budi = person('e-budi', '199001152015031002', 'Budi Hartono', 'u-pem');
const dewi = person('e-dewi', '199507072019022003', 'Dewi Lestari', 'u-pem');
const eko = person('e-eko', '199203152019031007', 'Eko Prasetyo', 'u-pem');
const employees = [camat, budi, dewi, eko];
const approved = (e: Employee, list = [rhk('Laporan bulanan'), rhk('Arsip surat')]): Skp =>
  ({ ...sync, id: `s-${e.id}`, employeeId: e.id, year: 2026, status: 'DISETUJUI', rhk: list, ekspektasi: {} }) as unknown as Skp;
const skps = [approved(camat), approved(budi), approved(dewi), { ...approved(eko), status: 'DRAF' } as Skp];
const period = generatePeriods(2026, 'TRIWULANAN')[0]!;
const pid = periodKey(period);
const meta: MetaInfo & { year: number; periodId: string } = { kind: 'realisasi', schemaVersion: 5, appVersion: '0.2.0', officeId: 'office-1', exportedAt: '', year: 2026, periodId: pid, unitId: 'u-pem' };
const pack = PERMENPANRB_6_2022;
const draftOf = (skp: Skp, extra: Partial<Evaluation> = {}): Evaluation =>
  ({ ...sync, id: `ev-${skp.id}`, skpId: skp.id, employeeId: skp.employeeId, unitId: 'u-pem', periodId: pid, status: 'DRAF', hasil: {}, ratingHasil: '', ratingPerilaku: '', predikat: '', ...extra }) as unknown as Evaluation;

function roundTrip(evaluations: Evaluation[], edit: (ws: XLSX.WorkSheet, rows: string[][]) => void, today = '2026-12-02') {
  const sheets = lembarSheets({ meta, period, employees, units, skps, evaluations, unitNames: ['Seksi Pemerintahan'], pack });
  const wb = buildWorkbook(sheets);
  const ws = wb.Sheets['Data']!;
  edit(ws, XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '', raw: false }));
  const read = readWorkbook(writeWorkbook(wb));
  if (!read.ok) throw new Error(read.code);
  const t = detectTable(read.workbook)!;
  expect(t.meta).toMatchObject({ kind: 'realisasi', year: 2026, periodId: pid, unitId: 'u-pem' });
  let n = 0;
  return { sheets, plan: planLembarImport({ table: t.table, period, periodId: pid, year: 2026, unitId: 'u-pem', employees, units, skps, evaluations, pack, today, newId: () => `n${++n}` }) };
}
const put = (ws: XLSX.WorkSheet, excelRow: number, col: string, v: string) => XLSX.utils.sheet_add_aoa(ws, [[v]], { origin: `${col}${excelRow}` });

describe('the lembar penilaian of a unit and period', () => {
  it('lists one row per RHK of each approved SKP in the unit, with a hidden RHK id and the evaluation so far', () => {
    const budiSkp = skps[1]!;
    const { sheets } = roundTrip([draftOf(budiSkp, { hasil: { [budiSkp.rhk[0]!.id]: { realisasi: '3 laporan', buktiDukung: '', umpanBalik: [] } }, ratingHasil: 'SESUAI_EKSPEKTASI' })], () => {});
    const data = sheets.find((s) => s.name === 'Data')!;
    // The camat is not in the Seksi; Eko's SKP is a draft: only Budi and Dewi, two RHK each.
    expect(data.rows.slice(2).map((r) => [r[1], r[3], r[6], r[9]])).toEqual([
      ['Budi Hartono', 'A.1', '3 laporan', 'Sesuai Ekspektasi'],
      ['Budi Hartono', 'A.2', '', ''],
      ['Dewi Lestari', 'A.1', '', ''],
      ['Dewi Lestari', 'A.2', '', ''],
    ]);
    expect(data.hiddenColumns).toEqual([2]);
    expect(data.rows[2]![2]).toBe(budiSkp.rhk[0]!.id);
  });

  it('fills drafts and starts missing evaluations, with the predikat of each pair; new feedback dated inside the period', () => {
    const budiSkp = skps[1]!;
    const { plan } = roundTrip([draftOf(budiSkp)], (ws) => {
      put(ws, 3, 'G', '3 laporan');
      put(ws, 3, 'I', 'Lengkap dan tepat waktu');
      put(ws, 3, 'J', 'Di Atas Ekspektasi');
      put(ws, 3, 'K', 'Sesuai Ekspektasi');
      put(ws, 5, 'G', 'Data dimutakhirkan');
      put(ws, 5, 'J', 'di bawah');
      put(ws, 5, 'K', 'Sesuai Ekspektasi');
    });
    expect(plan.errors).toEqual([]);
    expect(plan.updates.map((u) => [u.nama, u.predikat])).toEqual([['Budi Hartono', 'BAIK']]);
    expect(plan.creates.map((u) => [u.nama, u.predikat, u.skpId])).toEqual([['Dewi Lestari', 'BUTUH_PERBAIKAN', 's-e-dewi']]);
    const h = plan.updates[0]!.hasil[budiSkp.rhk[0]!.id]!;
    expect(h).toMatchObject({ realisasi: '3 laporan', umpanBalik: [{ tanggal: '2026-03-31', teks: 'Lengkap dan tepat waktu' }] });
  });

  it('a Final evaluation is refused when changed and unchanged when sent back as it was; bad ratings are named', () => {
    const budiSkp = skps[1]!;
    const final = draftOf(budiSkp, { status: 'FINAL', ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK' });
    const untouched = roundTrip([final], () => {}).plan;
    expect(untouched).toMatchObject({ errors: [], unchanged: 2, updates: [], creates: [] });
    const { plan } = roundTrip([final], (ws) => {
      put(ws, 3, 'J', 'Di Atas Ekspektasi');
      put(ws, 5, 'J', 'Luar biasa');
      put(ws, 5, 'K', 'Sesuai Ekspektasi');
      put(ws, 6, 'K', 'Di Bawah Ekspektasi');
    });
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'A', 'lembarFinal'],
      [5, 'J', 'lembarRatingUnknown'],
      [6, 'K', 'lembarRatingConflict'],
    ]);
  });

  it('a row whose RHK is no longer on the SKP, or an employee from another unit, is refused with the reason', () => {
    const { plan } = roundTrip([], (ws) => {
      put(ws, 3, 'C', 'rhk-yang-sudah-dihapus');
      put(ws, 3, 'G', 'x');
      XLSX.utils.sheet_add_aoa(ws, [['197305121998031004', 'Asep', skps[0]!.rhk[0]!.id, 'A.1', '', '', 'Camat menulis']], { origin: 'A7' });
    });
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'C', 'lembarRhkUnknown'],
      [7, 'A', 'lembarNotInUnit'],
    ]);
  });
});
