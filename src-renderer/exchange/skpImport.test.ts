import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { emptyEmployeeFields, type Employee } from '../domain/pegawai';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import type { Skp } from '../domain/skp';
import { rhk } from '../sample/records';
import { buildWorkbook, readWorkbook, sheetRows, writeWorkbook } from '../io/sheet';
import { detectTable } from './importTable';
import { planSkpImport } from './skpImport';
import { EKSPEKTASI_SHEET, RHK_ATASAN_SHEET, skpTemplateSheets } from './skpTemplate';
import type { MetaInfo } from './templates';

const sync = { createdAt: '2026-01-05T00:00:00Z', updatedAt: '', updatedBy: 'office-1', rev: 'r1', deleted: false };
const employee = (id: string, nip: string, nama: string, atasanId: string | null, unitId: string): Employee => ({ ...emptyEmployeeFields(), id, nip, nama, atasanId, unitId, golongan: 'III/a', jabatan: 'Analis', ...sync });
const camat = employee('e-camat', '197305121998031004', 'Asep Saepudin', null, 'u-kec');
const kasi = employee('e-kasi', '198211032006042011', 'Rina Marlina', 'e-camat', 'u-pem');
const budi = employee('e-budi', '199001152015031002', 'Budi Hartono', 'e-kasi', 'u-pem');
const dewi = employee('e-dewi', '199507072019022003', 'Dewi Lestari', 'e-kasi', 'u-pem');
const employees = [camat, kasi, budi, dewi];

const skpOf = (id: string, e: Employee, status: Skp['status'], list: ReturnType<typeof rhk>[]): Skp =>
  ({ ...sync, id, employeeId: e.id, year: 2026, status, rhk: list, ekspektasi: {}, pegawai: { nama: e.nama } } as unknown as Skp);
const kasiRhk = rhk('Terselenggaranya pelayanan administrasi kependudukan');
const kasiSkp = skpOf('s-kasi', kasi, 'DISETUJUI', [kasiRhk, rhk('Tertibnya arsip seksi')]);
const meta: MetaInfo & { year: number } = { kind: 'skp', schemaVersion: 5, appVersion: '0.2.0', officeId: 'office-1', exportedAt: '2026-12-02T00:00:00Z', year: 2026 };

/** The template for the Seksi, filled by `edit` as a kasi would in Excel, then planned. */
function roundTrip(skps: Skp[], edit: (data: XLSX.WorkSheet, ekspektasi: XLSX.WorkSheet) => void) {
  const sheets = skpTemplateSheets({ meta, employees: [kasi, budi, dewi], skps, unitNames: ['Kecamatan Curug', 'Seksi Pemerintahan'], berakhlak: PERMENPANRB_6_2022.berakhlak });
  const wb = buildWorkbook(sheets);
  edit(wb.Sheets['Data']!, wb.Sheets[EKSPEKTASI_SHEET]!);
  const read = readWorkbook(writeWorkbook(wb));
  if (!read.ok) throw new Error(read.code);
  const t = detectTable(read.workbook)!;
  expect(t.meta).toMatchObject({ kind: 'skp', year: 2026 });
  let n = 0;
  return {
    sheets,
    plan: planSkpImport({ table: t.table, ekspektasiRows: sheetRows(read.workbook.Sheets[EKSPEKTASI_SHEET]), year: 2026, employees, skps, berakhlak: PERMENPANRB_6_2022.berakhlak, newId: () => `n${++n}` }),
  };
}

/** Rows of the Data sheet as a kasi sees them (Excel row numbers), from row 3 on. */
function rowsOf(ws: XLSX.WorkSheet): string[][] {
  return XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '', raw: false }).slice(2);
}
const put = (ws: XLSX.WorkSheet, excelRow: number, values: (string | null)[]) => XLSX.utils.sheet_add_aoa(ws, [values], { origin: `A${excelRow}` });

describe('the SKP template of a unit', () => {
  it('lists each employee with his SKP pre-filled and three empty rows, and offers his atasan’s RHK in a dropdown', () => {
    const { sheets } = roundTrip([kasiSkp], () => {});
    const data = sheets.find((s) => s.name === 'Data')!;
    const rows = data.rows.slice(2);
    // The kasi's two RHK (one indicator each) + 3 empty rows, then Budi's 3 and Dewi's 3.
    expect(rows.map((r) => r[1])).toEqual([...Array(5).fill('Rina Marlina'), ...Array(3).fill('Budi Hartono'), ...Array(3).fill('Dewi Lestari')]);
    expect(rows[0]).toEqual(['198211032006042011', 'Rina Marlina', 'Utama', kasiRhk.teks, '', 'Kuantitas', `Jumlah ${kasiRhk.teks}`, '12 Dokumen']);
    const atasan = sheets.find((s) => s.name === RHK_ATASAN_SHEET)!;
    expect(atasan.hidden).toBe(true);
    expect(atasan.rows.map((r) => r[0])).toEqual([kasiRhk.teks, 'Tertibnya arsip seksi']);
    // Budi's and Dewi's blocks (Excel rows 8–13) get the kasi's RHK; the kasi's own block (camat has no SKP) none.
    const lists = (data.lists ?? []).filter((l) => l.column === 4);
    expect(lists.map((l) => [l.fromRow + 1, l.toRow + 1, l.source])).toEqual([
      [8, 10, `${RHK_ATASAN_SHEET}!$A$1:$A$2`],
      [11, 13, `${RHK_ATASAN_SHEET}!$A$1:$A$2`],
    ]);
  });
});

describe('importing the filled SKP template', () => {
  it('creates draft SKPs: one RHK per text, the rows below it its indicators, the atasan’s RHK linked by text', () => {
    const { plan } = roundTrip([kasiSkp], (ws, eks) => {
      put(ws, 8, ['199001152015031002', 'Budi Hartono', 'Utama', 'Tersusunnya surat keterangan kependudukan', kasiRhk.teks, 'Kuantitas', 'Jumlah surat keterangan', '1.200 Surat']);
      put(ws, 9, ['199001152015031002', 'Budi Hartono', '', '', '', 'Waktu', 'Lama penyelesaian', '1 hari']);
      put(ws, 10, ['199001152015031002', 'Budi Hartono', 'Tambahan', 'Terdokumentasinya rapat', '', '', 'Jumlah notulen', '12 Notulen']);
      XLSX.utils.sheet_add_aoa(eks, [['199001152015031002', 'Budi Hartono', 'Ramah dan cepat melayani']], { origin: 'A4' });
    });
    expect(plan.errors).toEqual([]);
    // The kasi's approved SKP comes back untouched (unchanged), Dewi has no rows: one new draft.
    expect(plan).toMatchObject({ unchanged: 1, updates: [] });
    expect(plan.creates).toHaveLength(1);
    const budiSkp = plan.creates[0]!;
    expect(budiSkp).toMatchObject({ employeeId: 'e-budi', row: 8 });
    expect(budiSkp.content.rhk.map((r) => [r.jenis, r.teks, r.intervensi?.rhkId ?? null, r.indikator.map((i) => [i.aspek, i.teks, i.target])])).toEqual([
      ['UTAMA', 'Tersusunnya surat keterangan kependudukan', kasiRhk.id, [['KUANTITAS', 'Jumlah surat keterangan', '1.200 Surat'], ['WAKTU', 'Lama penyelesaian', '1 hari']]],
      ['TAMBAHAN', 'Terdokumentasinya rapat', null, [['', 'Jumlah notulen', '12 Notulen']]],
    ]);
    expect(budiSkp.content.ekspektasi).toEqual({ [PERMENPANRB_6_2022.berakhlak[0]!.code]: 'Ramah dan cepat melayani' });
  });

  it('a draft is updated with its RHK ids kept, an untouched draft is unchanged, an approved SKP is refused with its status', () => {
    const budiDraft = skpOf('s-budi', budi, 'DRAF', [rhk('Tersusunnya laporan bulanan')]);
    const dewiDraft = skpOf('s-dewi', dewi, 'DRAF', [rhk('Terkelolanya data kependudukan')]);
    const { plan } = roundTrip([kasiSkp, budiDraft, dewiDraft], (ws) => {
      const rows = rowsOf(ws);
      const budiRow = rows.findIndex((r) => r[1] === 'Budi Hartono') + 3;
      put(ws, budiRow, [null, null, null, null, null, null, null, '24 Dokumen']);
      // A line added to the kasi's own approved SKP.
      put(ws, 5, ['198211032006042011', 'Rina Marlina', 'Utama', 'RHK baru', '', '', 'Indikator baru', '1']);
    });
    expect(plan.updates.map((u) => [u.nama, u.content.rhk[0]!.id, u.content.rhk[0]!.indikator[0]!.target])).toEqual([['Budi Hartono', budiDraft.rhk[0]!.id, '24 Dokumen']]);
    expect(plan.unchanged).toBe(1);
    // The kasi's approved SKP with a line added: refused on its first row, with its status.
    expect(plan.errors).toEqual([{ sheet: 'Data', row: 3, column: 'A', code: 'skpNotDraft', params: { nama: 'Rina Marlina', status: 'Disetujui' } }]);
    expect(plan.errorRows).toBe(1);
  });

  it('an atasan RHK that is not on the atasan’s SKP is reported, not guessed; the whole employee is left out', () => {
    const { plan } = roundTrip([kasiSkp], (ws) => {
      put(ws, 8, ['199001152015031002', 'Budi Hartono', 'Utama', 'RHK satu', 'Pelayanan yang tidak ada', 'Kuantitas', 'Jumlah', '1']);
      put(ws, 9, ['199001152015031002', 'Budi Hartono', 'Utama', 'RHK dua', '', 'Kualitas', 'Mutu', '100%']);
      put(ws, 11, ['199507072019022003', 'Dewi Lestari', 'Utama', 'RHK Dewi', '', 'Cepat', 'Jumlah', '1']);
    });
    expect(plan.creates).toEqual([]);
    expect(plan.errors).toEqual([
      { sheet: 'Data', row: 8, column: 'E', code: 'skpIntervensiUnknown', params: { text: 'Pelayanan yang tidak ada', atasan: 'Rina Marlina', year: 2026 } },
      { sheet: 'Data', row: 11, column: 'F', code: 'skpAspekUnknown', params: { text: 'Cepat' } },
    ]);
  });

  it('an atasan without an SKP, an unknown NIP and an indicator with no RHK above it are each named', () => {
    const { plan } = roundTrip([], (ws) => {
      put(ws, 8, ['199001152015031002', 'Budi Hartono', 'Utama', 'RHK satu', 'Apa saja', '', 'Jumlah', '1']);
      put(ws, 11, ['199507072019022003', 'Dewi Lestari', '', '', '', '', 'Jumlah', '1']);
      put(ws, 14, ['199911112020121001', 'Orang Lain', 'Utama', 'RHK', '', '', 'Jumlah', '1']);
    });
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [8, 'E', 'skpAtasanNoSkp'],
      [11, 'D', 'skpRhkMissing'],
      [14, 'A', 'skpEmployeeUnknown'],
    ]);
  });
});
