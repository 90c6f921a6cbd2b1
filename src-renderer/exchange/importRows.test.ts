import { describe, expect, it } from 'vitest';
import { emptyEmployeeFields, type Employee } from '../domain/pegawai';
import { employeeRowPreview, matchesFilter, ROW_FILTERS, type RowPreview } from './importRows';
import { parseEmployeeRows } from './pegawaiImport';
import { filledTemplate, pegawaiFixtures, plan } from './pegawaiImport.testkit';

const { units, camat, sync } = pegawaiFixtures;
const rinaStored: Employee = { ...emptyEmployeeFields(), id: 'e-rina', nip: '198211032006042011', nama: 'Rina Marlina', gelarBelakang: 'S.IP.', golongan: 'III/c', tanggalLahir: '1982-11-03', jabatan: 'Kepala Seksi Pemerintahan', unitId: 'u-kec', atasanId: 'e-camat', ...sync };

//              NIP                       Nama            depan belakang status JK  lahir             golongan  TMT           jabatan                      jenis       jenjang unit                  atasan
const budi = ['1990 0115 2015 03 1 002', 'Budi Hartono', '', '', 'PNS', 'L', '15 Januari 1990', 'III.a', '', 'Analis Pemerintahan', 'Pelaksana', '', 'Seksi Pemerintahan', '198211032006042011'];
const rina = ['198211032006042011', 'Rina Marlina', '', 'S.IP.', 'PNS', 'P', '03-11-1982', 'III/d', '01-04-2018', 'Kepala Seksi Pemerintahan', 'Pengawas', '', 'Seksi Pemerintahan', '197305121998031004'];
const camatRow = ['197305121998031004', 'Asep Saepudin', 'Drs.', '', '', '', '', 'IV/b', '', 'Camat Curug', '', '', 'Kecamatan Curug', ''];
const noUnit = ['199507072019022003', 'Dewi Lestari', '', '', 'PNS', 'P', '31-02-1995', 'II/c', '', 'Pengolah Data', '', '', 'Seksi Tidak Ada', ''];
const twice = ['199001152015031002', 'Budi Lagi', '', '', 'PNS', 'L', '', 'III/a', '', 'Analis', '', '', '', ''];
// Her NIP says woman, the sheet says man: imported, with a warning.
const eka = ['199507072019022011', 'Eka Putri', '', '', 'PNS', 'L', '', 'II/c', '', 'Pengolah Data', '', '', 'Seksi Pemerintahan', ''];

function preview(rows: unknown[][], existing: Employee[], mode: 'update' | 'skip' = 'update'): RowPreview[] {
  const table = filledTemplate(rows);
  return employeeRowPreview(table, parseEmployeeRows(table), plan(table, existing, mode), existing, units);
}

describe('the row preview of an employee import (#30 item 3)', () => {
  const rows = preview([budi, rina, camatRow, noUnit, twice, eka], [camat, rinaStored]);
  const at = (row: number) => rows.find((r) => r.row === row)!;

  it('lists every row of the sheet in order with what the import does to it', () => {
    expect(rows.map((r) => [r.row, r.outcome])).toEqual([
      [4, 'baru'],
      [5, 'berubah'],
      [6, 'tidakBerubah'],
      [7, 'galat'],
      [8, 'galat'],
      [9, 'baru'],
    ]);
  });

  it('shows a new row as it was read: the date and golongan understood, the unit and an atasan further down by name', () => {
    expect(at(4).cells).toEqual({
      nip: '199001152015031002', nama: 'Budi Hartono', tanggalLahir: '1990-01-15', golongan: 'III/a', tmtGolongan: '',
      jabatan: 'Analis Pemerintahan', unitId: 'Seksi Pemerintahan', atasanId: 'Rina Marlina, S.IP.',
    });
  });

  it('a changed row says old → new for each field, with units and atasan by name', () => {
    expect(at(5).changes).toEqual(
      expect.arrayContaining([
        { field: 'golongan', from: 'III/c', to: 'III/d' },
        { field: 'unitId', from: 'Kecamatan Curug', to: 'Seksi Pemerintahan' },
        { field: 'tmtGolongan', from: '', to: '2018-04-01' },
      ]),
    );
    expect(at(6).changes).toBeUndefined();
  });

  it('a refused cell shows the file\'s own text next to its error; the rest of the row still reads', () => {
    const dewi = at(7);
    expect(dewi.refused).toEqual(['tanggalLahir', 'unitId']);
    expect(dewi.cells).toMatchObject({ nama: 'Dewi Lestari', tanggalLahir: '31-02-1995', unitId: 'Seksi Tidak Ada', golongan: 'II/c' });
    expect(dewi.errors?.map((e) => [e.column, e.code])).toEqual([
      ['G', 'dateInvalid'],
      ['M', 'unitUnknown'],
    ]);
    // A NIP that is already in the file higher up: refused, and still shown by what it says.
    expect(at(8).cells).toMatchObject({ nip: '199001152015031002', nama: 'Budi Lagi' });
    expect(at(8).errors?.map((e) => e.code)).toEqual(['nipDuplicateInFile']);
  });

  it('warnings sit on their row, and the filters pick errors, warnings, changes and new rows', () => {
    expect(at(9).warnings?.map((w) => w.column)).toEqual(['A']);
    const count = Object.fromEntries(ROW_FILTERS.map((f) => [f, rows.filter((r) => matchesFilter(r, f)).map((r) => r.row)]));
    expect(count).toEqual({ semua: [4, 5, 6, 7, 8, 9], galat: [7, 8], peringatan: [9], berubah: [5], baru: [4, 9] });
  });

  it('"leave existing alone": a known NIP is shown as skipped, with the record as it stays', () => {
    const skipped = preview([rina], [camat, rinaStored], 'skip');
    expect(skipped.map((r) => [r.outcome, r.cells.golongan, r.changes?.length ?? 0])).toEqual([['dilewati', 'III/c', 0]]);
  });
});
