import { describe, expect, it } from 'vitest';
import { fieldForHeader, findHeaderRow, foldHeader, layoutSignature } from './headers';

describe('header synonyms', () => {
  it.each([
    ['NIP', 'nip'], ['NIP Baru', 'nip'], ['NIP_BARU', 'nip'], ['N I P', 'nip'], ['N.I.P.', 'nip'],
    ['Nama', 'nama'], ['NAMA LENGKAP', 'namaLengkap'], ['Nama Lengkap (dengan gelar)', 'namaLengkap'],
    ['Pangkat/Gol. Ruang', 'golongan'], ['GOL_AKHIR_NAMA', 'golongan'], ['Gol.', 'golongan'],
    ['Unit Kerja', 'unit'], ['UNOR_NAMA', 'unit'], ['Tgl. Lahir', 'tanggalLahir'], ['TMT Gol', 'tmtGolongan'],
    ['L/P', 'jenisKelamin'], ['NIP Atasan', 'atasanNip'], ['Jabatan', 'jabatan'],
  ])('%j → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['', 'Keterangan', '__proto__', 'constructor', 'toString', 'No.'])('%j is not a field', (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });

  it('folds case, spaces and punctuation', () => {
    expect(foldHeader(' Pangkat / Gol.  Ruang ')).toBe('pangkatgolruang');
  });
});

describe('header row finder', () => {
  it('finds row 1 of our own simple layout', () => {
    const m = findHeaderRow([['NIP', 'Nama', 'Golongan'], ['198001012005011001', 'Asep', 'III/a']]);
    expect(m?.headerRow).toBe(0);
    expect([...(m?.mapping ?? [])]).toEqual([[0, 'nip'], [1, 'nama'], [2, 'golongan']]);
  });

  it('skips title rows above the header', () => {
    const rows = [
      ['DAFTAR PEGAWAI NEGERI SIPIL'],
      ['KECAMATAN CURUG TAHUN 2026'],
      [],
      ['No.', 'N I P', 'NAMA LENGKAP', 'Pangkat/Gol. Ruang', 'Jabatan', 'Unit Kerja'],
      [1, "'198001012005011001", 'Drs. Asep, M.Si.', 'Pembina / IV/a', 'Camat', 'Kecamatan Curug'],
    ];
    const m = findHeaderRow(rows);
    expect(m?.headerRow).toBe(3);
    expect(Object.fromEntries(m?.mapping ?? [])).toEqual({ 1: 'nip', 2: 'namaLengkap', 3: 'golongan', 4: 'jabatan', 5: 'unit' });
  });

  it('reads a two-row merged header', () => {
    const rows = [
      ['REKAP PEGAWAI'],
      ['NIP', 'Nama', 'Pangkat', null, 'Unit'],
      [null, null, 'Gol', 'TMT', null],
      ['198001012005011001', 'Asep', 'III/a', '01-04-2020', 'Seksi Pemerintahan'],
    ];
    const m = findHeaderRow(rows);
    expect(m?.headerRow).toBe(2);
    expect(Object.fromEntries(m?.mapping ?? [])).toEqual({ 0: 'nip', 1: 'nama', 2: 'golongan', 3: 'tmtGolongan', 4: 'unit' });
  });

  it('reads the national system export headers', () => {
    const m = findHeaderRow([['PNS_ID', 'NIP_BARU', 'NAMA', 'GOL_AKHIR_NAMA', 'UNOR_NAMA', 'JABATAN_NAMA']]);
    expect(Object.fromEntries(m?.mapping ?? [])).toEqual({ 1: 'nip', 2: 'nama', 3: 'golongan', 4: 'unit', 5: 'jabatan' });
  });

  it('returns null for a sheet without recognisable headers', () => {
    expect(findHeaderRow([['a', 'b'], [1, 2]])).toBeNull();
    expect(findHeaderRow([])).toBeNull();
  });

  it('a layout signature ignores case and spacing', () => {
    expect(layoutSignature(['N I P', 'Nama'])).toBe(layoutSignature(['nip', 'NAMA ']));
  });
});
