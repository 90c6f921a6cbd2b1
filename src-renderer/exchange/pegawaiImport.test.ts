import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { emptyEmployeeFields, type Employee } from '../domain/pegawai';
import type { Unit } from '../domain/unit';
import { exportPegawai } from './exporters';
import { detectTable } from './importTable';
import { parseEmployeeRows, planEmployeeImport } from './pegawaiImport';
import { buildWorkbook, readWorkbook, sheetRows, writeWorkbook } from '../io/sheet';
import { filledTemplate, newId, pegawaiFixtures, plan } from './pegawaiImport.testkit';

const { units, camat, today, meta, sync } = pegawaiFixtures;

const rina = ['198211032006042011', 'Rina Marlina', '', 'S.IP.', 'PNS', 'P', '03-11-1982', 'Penata Tk. I / III/d', '01-04-2018', 'Kepala Seksi Pemerintahan', 'Pengawas', '', 'Seksi Pemerintahan', '197305121998031004'];
const budi = ['1990 0115 2015 03 1 002', 'Budi Hartono', '', '', 'PNS', 'L', '15 Januari 1990', 'III.a', '', 'Analis Pemerintahan', 'Pelaksana', '', 'Seksi Pemerintahan', '198211032006042011'];

describe('reading a filled Pegawai template', () => {
  it('recognises the template by _meta, skips the unchanged example row and maps by the key row', () => {
    const t = filledTemplate([rina]);
    expect(t.sheet).toBe('Data');
    expect(t.mapping.slice(0, 3)).toEqual(['nip', 'nama', 'gelarDepan']);
    const rows = parseEmployeeRows(t);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ row: 4, unitName: 'Seksi Pemerintahan', atasanNip: '197305121998031004', errors: [] });
    expect(rows[0]?.values).toMatchObject({ nip: '198211032006042011', golongan: 'III/d', tanggalLahir: '1982-11-03', tmtGolongan: '2018-04-01', jenisKelamin: 'P', jenisJabatan: 'PENGAWAS' });
  });

  it('an atasan further down the same file is resolved; new rows and counts in the plan', () => {
    const p = plan(filledTemplate([budi, rina]));
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.fields.nama)).toEqual(['Budi Hartono', 'Rina Marlina']);
    const [b, r] = p.creates;
    expect(b?.fields.atasanId).toBe(r?.id);
    expect(r?.fields.atasanId).toBe('e-camat');
    expect(b?.fields.nip).toBe('199001152015031002');
  });

  it('reports each bad row with its Excel row number and column, and plans nothing for it', () => {
    const numericNip: (string | number)[] = [...budi];
    numericNip[0] = 199001152015031000; // a NIP that Excel stored as a number
    const badGol = [...rina];
    badGol[7] = 'III/z';
    const noUnit = ['199507072019022003', 'Dewi Lestari', '', '', 'PNS', 'P', '', 'II/c', '', 'Pengolah Data', '', '', 'Seksi Tidak Ada', ''];
    const p = plan(filledTemplate([numericNip, badGol, noUnit]));
    expect(p.creates).toEqual([]);
    expect(p.errorRows).toBe(3);
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'A', 'nipNumeric'],
      [5, 'H', 'golonganUnknown'],
      [6, 'M', 'unitUnknown'],
    ]);
    // Every problem of a row is listed at once, not one per attempt.
    const twoProblems = [...badGol];
    twoProblems[12] = 'Seksi Perizinan';
    expect(plan(filledTemplate([twoProblems])).errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'H', 'golonganUnknown'],
      [4, 'M', 'unitUnknown'],
    ]);
  });

  it('a NIP twice in the file: the second row is refused, naming the first', () => {
    const p = plan(filledTemplate([rina, rina]));
    expect(p.creates).toHaveLength(1);
    expect(p.errors).toEqual([{ sheet: 'Data', row: 5, column: 'A', code: 'nipDuplicateInFile', params: { first: 4 } }]);
  });

  it('an atasan chain that loops through the file is refused', () => {
    const a = [...rina];
    a[13] = '199001152015031002';
    const p = plan(filledTemplate([budi, a]));
    expect(p.errors.map((e) => e.code)).toEqual(['atasanCycle', 'atasanCycle']);
    expect(p.errors[0]?.params?.chain).toContain('Budi Hartono → Rina Marlina, S.IP. → Budi Hartono');
  });

  it('existing NIP: update shows the field changes, skip leaves it; empty cells never erase', () => {
    const promoted = ['197305121998031004', 'Asep Saepudin', '', '', '', '', '', 'IV/c', '', '', '', '', '', ''];
    const p = plan(filledTemplate([promoted]));
    expect(p.updates).toHaveLength(1);
    expect(p.updates[0]?.changes).toEqual([{ field: 'golongan', from: 'IV/b', to: 'IV/c' }]);
    expect(p.updates[0]?.fields.gelarDepan).toBe('Drs.');
    expect(plan(filledTemplate([promoted]), [camat], 'skip')).toMatchObject({ updates: [], skipped: 1 });
  });
});

describe('export and re-import', () => {
  it('an exported list re-imports as the same records, including text that looks like a formula', () => {
    const tricky: Employee = { ...emptyEmployeeFields(), id: 'e-x', nip: '199001152015031002', nama: '=1+1', gelarBelakang: '-S.E.', jabatan: '@Analis', golongan: 'III/a', tanggalLahir: '1990-01-15', unitId: 'u-pem', atasanId: 'e-camat', jenisKelamin: 'L', ...sync };
    const all = [camat, tricky];
    const bytes = writeWorkbook(buildWorkbook(exportPegawai(all, units, all, meta)));
    const read = readWorkbook(bytes);
    if (!read.ok) throw new Error(read.code);
    // The cells are text, so Excel shows "=1+1" and never evaluates it.
    const dense = read.workbook.Sheets['Data']!['!data'] as XLSX.CellObject[][];
    const cell = dense[3]?.[1];
    expect(cell).toMatchObject({ t: 's', v: '=1+1' });
    expect(cell?.f).toBeUndefined();
    const t = detectTable(read.workbook)!;
    const p = planEmployeeImport(t.table, parseEmployeeRows(t.table), all, units, { existing: 'update', today });
    expect(p).toMatchObject({ creates: [], updates: [], unchanged: 2, errors: [] });
    // And into an empty office the same fields come back.
    const fresh = planEmployeeImport(t.table, parseEmployeeRows(t.table), [], units, { existing: 'update', today, newId });
    const x = fresh.creates.find((c) => c.fields.nip === tricky.nip)!;
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, rev: _r, deleted: _d, atasanId: _a, ...want } = tricky;
    expect(x.fields).toMatchObject(want);
  });
});

describe('files that are not what they seem', () => {
  it('refuses text, empty workbooks and encrypted containers with their own reason', () => {
    expect(readWorkbook(new TextEncoder().encode('NIP;Nama\n1980;Asep'))).toEqual({ ok: false, code: 'notWorkbook' });
    expect(readWorkbook(writeWorkbook(buildWorkbook([{ name: 'Kosong', rows: [] }])))).toEqual({ ok: false, code: 'empty' });
    // The container Excel writes for a workbook with "Encrypt with Password".
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    expect(readWorkbook(new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]))).toEqual({ ok: false, code: 'passwordProtected' });
    const zipGarbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(readWorkbook(zipGarbage)).toEqual({ ok: false, code: 'corrupt' });
  });

  it('headers named __proto__ or constructor never reach a prototype', () => {
    const wb = buildWorkbook([{ name: 'Pegawai', rows: [['NIP', 'Nama', '__proto__', 'constructor'], ['198211032006042011', 'Rina', 'x', 'y']] }]);
    const t = detectTable(readWorkbook(writeWorkbook(wb)).ok ? (readWorkbook(writeWorkbook(wb)) as { ok: true; workbook: XLSX.WorkBook }).workbook : XLSX.utils.book_new())!;
    expect(t.table.mapping).toEqual(['nip', 'nama', '', '']);
    parseEmployeeRows(t.table);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
  });

  it('a national-system export with title rows and NIP_BARU / GOL_AKHIR_NAMA / UNOR_NAMA headers', () => {
    const rows = [
      ['DAFTAR PEGAWAI KECAMATAN CURUG'],
      ['Keadaan 1 November 2026'],
      [],
      ['NO', 'NIP_BARU', 'NAMA', 'GOL_AKHIR_NAMA', 'JABATAN_NAMA', 'UNOR_NAMA'],
      [1, "'198211032006042011", 'RINA MARLINA, S.IP.', 'III/d', 'Kepala Seksi Pemerintahan', 'Seksi Pemerintahan'],
    ];
    const read = readWorkbook(writeWorkbook(buildWorkbook([{ name: 'Sheet1', rows: rows as never }])));
    if (!read.ok) throw new Error(read.code);
    const t = detectTable(read.workbook)!;
    expect(t.meta).toBeNull();
    expect(t.table.firstDataRow).toBe(4);
    const p = plan(t.table, []);
    expect(p.errors).toEqual([]);
    expect(p.creates[0]?.fields).toMatchObject({ nip: '198211032006042011', nama: 'RINA MARLINA', gelarBelakang: 'S.IP.', golongan: 'III/d', unitId: 'u-pem' });
    expect(sheetRows(read.workbook.Sheets['Sheet1']).length).toBe(5);
  });
});

describe('units that share a name', () => {
  const twoOffices: Unit[] = [
    ...units,
    { id: 'u-kel', nama: 'Kecamatan Kelapa Dua', parentId: null, headId: null, aktif: true, ...sync },
    { id: 'u-pem2', nama: 'Seksi Pemerintahan', parentId: 'u-kel', headId: null, aktif: true, ...sync },
  ];
  it('a bare shared name is ambiguous and the message shows how to write the path; the path resolves', () => {
    const t = filledTemplate([['198211032006042011', 'Rina Marlina', '', '', 'PNS', 'P', '', 'III/d', '', 'Kasi', '', '', 'Seksi Pemerintahan', ''], ['199001152015031002', 'Budi Hartono', '', '', 'PNS', 'L', '', 'III/a', '', 'Analis', '', '', 'Kecamatan Kelapa Dua › Seksi Pemerintahan', '']]);
    const p = planEmployeeImport(t, parseEmployeeRows(t), [], twoOffices, { existing: 'update', today, newId });
    expect(p.errors).toEqual([{ sheet: 'Data', row: 4, column: 'M', code: 'unitAmbiguous', params: { text: 'Seksi Pemerintahan', example: 'Kecamatan Curug › Seksi Pemerintahan' } }]);
    expect(p.creates[0]?.fields.unitId).toBe('u-pem2');
  });
});

describe('what national exports and real offices send', () => {
  const row = (nip: string, nama: string, jk: string, unit = 'Seksi Pemerintahan', tmt = '') => [nip, nama, '', '', 'PNS', jk, '', 'III/a', tmt, 'Analis', '', '', unit, ''];

  it.each([['M', 'L'], ['F', 'P'], ['Laki-laki', 'L'], ['PEREMPUAN', 'P'], ['1', 'L'], ['2', 'P'], ['Pria', 'L'], ['Wanita', 'P']])('jenis kelamin "%s" reads as %s', (code, sex) => {
    const p = plan(filledTemplate([row('199001152015031002', 'Budi Hartono', code)]), []);
    expect(p.errors).toEqual([]);
    expect(p.creates[0]?.fields.jenisKelamin).toBe(sex);
  });

  it('NIP warnings are listed per row with their column, counted, and do not block the row', () => {
    // Sequence 000 and a sex digit that disagrees with the record: both warnings, not errors.
    const p = plan(filledTemplate([row('199001152015032000', 'Budi Hartono', 'L'), row('199203152019032007', 'Dewi Kartika', 'P')]), []);
    expect(p.errors).toEqual([]);
    expect(p.creates).toHaveLength(2);
    expect(p.warningRows).toBe(1);
    expect(p.warnings.map((w) => [w.row, w.column, w.params?.issue])).toEqual([
      [4, 'A', 'nip.sequenceZero'],
      [4, 'A', 'nip.sexMismatch'],
    ]);
  });

  it('a gelar typed inside "Nama (tanpa gelar)" is a warning on its row and column, and the row still imports (#30 item 3)', () => {
    const p = plan(filledTemplate([row('199001152015031002', 'Drs. Asep Saepudin, M.Si.', 'L')]), []);
    expect(p.errors).toEqual([]);
    expect(p.creates).toHaveLength(1);
    expect(p.warnings.map((w) => [w.row, w.column, w.params?.issue, w.params?.gelar])).toEqual([[4, 'B', 'gelarInNama', 'Drs. … M.Si.']]);
  });

  const withInactive: Unit[] = [...units, { id: 'u-old', nama: 'Seksi Tata Pemerintahan', parentId: 'u-kec', headId: null, aktif: false, ...sync }];
  it('an inactive unit is never chosen: the row says so; an active namesake wins over an inactive one', () => {
    const p = planEmployeeImport(filledTemplate([row('199001152015031002', 'Budi Hartono', 'L', 'Seksi Tata Pemerintahan')]), parseEmployeeRows(filledTemplate([row('199001152015031002', 'Budi Hartono', 'L', 'Seksi Tata Pemerintahan')])), [], withInactive, { existing: 'update', today, newId });
    expect(p.errors).toEqual([{ sheet: 'Data', row: 4, column: 'M', code: 'unitInactive', params: { text: 'Seksi Tata Pemerintahan' } }]);
    const dup: Unit[] = [...units, { id: 'u-pem-old', nama: 'Seksi Pemerintahan', parentId: 'u-kec', headId: null, aktif: false, ...sync }];
    const t = filledTemplate([row('199001152015031002', 'Budi Hartono', 'L')]);
    const q = planEmployeeImport(t, parseEmployeeRows(t), [], dup, { existing: 'update', today, newId });
    expect(q.errors).toEqual([]);
    expect(q.creates[0]?.fields.unitId).toBe('u-pem');
  });

  it('two active units with the same path are refused as ambiguous, never resolved to the last one read', () => {
    const twin: Unit[] = [...units, { id: 'u-pem-b', nama: 'Seksi Pemerintahan', parentId: 'u-kec', headId: null, aktif: true, ...sync }];
    const t = filledTemplate([row('199001152015031002', 'Budi Hartono', 'L', 'Kecamatan Curug › Seksi Pemerintahan')]);
    const p = planEmployeeImport(t, parseEmployeeRows(t), [], twin, { existing: 'update', today, newId });
    expect(p.creates).toEqual([]);
    expect(p.errors).toEqual([{ sheet: 'Data', row: 4, column: 'M', code: 'unitPathAmbiguous', params: { text: 'Kecamatan Curug › Seksi Pemerintahan' } }]);
  });
});
