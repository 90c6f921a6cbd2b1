import { describe, expect, it } from 'vitest';
import { cleanText, fromExcelSerial, looksLikeFormula, parseGolongan, parseNipCell, parseTanggal, splitNameAndGelar } from './values';

describe('NIP cells', () => {
  it.each([
    ['198609262015051001', '198609262015051001'],
    ['19860926 201505 1 001', '198609262015051001'],
    ['19660801.198803.1.001', '196608011988031001'],
    ["'198609262015051001", '198609262015051001'],
    [' 19860926\u00a0201505 1 001 ', '198609262015051001'],
  ])('text %j → %s', (v, nip) => {
    expect(parseNipCell(v)).toEqual({ ok: true, value: nip });
  });

  it.each([
    [198609262015051000, 'nipNumeric'],
    ['1.98609E+17', 'nipNumeric'],
    ['1,98609E+17', 'nipNumeric'],
    ['', 'nipEmpty'],
    [null, 'nipEmpty'],
    ['19860926-2015', 'nipLength'],
    ['NIP belum ada', 'nipNotDigits'],
  ])('%j is refused: %s', (v, code) => {
    const r = parseNipCell(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });
});

describe('golongan as offices write it', () => {
  it.each([
    ['III/d', 'III/d'],
    ['III.d', 'III/d'],
    ['III-d', 'III/d'],
    ['IIId', 'III/d'],
    ['iii/D', 'III/d'],
    ['Penata Tk. I / III/d', 'III/d'],
    ['Penata Tingkat I (III/d)', 'III/d'],
    ['Pembina Utama Muda, IV/c', 'IV/c'],
    ['II/a', 'II/a'],
    ['Penata Tingkat I', 'III/d'],
    ['Penata Muda Tk. I', 'III/b'],
    ['Pembina', 'IV/a'],
    ['IX', 'IX'],
    ['xvii', 'XVII'],
    ['III', 'III'],
    ['', ''],
  ])('%j → %j', (v, code) => {
    expect(parseGolongan(v)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['V/a', 'golonganUnknown'],
    ['Kepala Seksi', 'golonganUnknown'],
    ['IV/f', 'golonganUnknown'],
  ])('%j is refused: %s', (v, code) => {
    const r = parseGolongan(v);
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });
});

describe('dates', () => {
  it.each<[unknown, string]>([
    [45292, '2024-01-01'],
    [45309, '2024-01-18'],
    ['45309', '2024-01-18'],
    [29221, '1980-01-01'],
    [new Date(2024, 0, 12), '2024-01-12'],
    ['12-01-2024', '2024-01-12'],
    ['12/01/2024', '2024-01-12'],
    ['1.2.2024', '2024-02-01'],
    ['2024-01-12', '2024-01-12'],
    ['12 Januari 2024', '2024-01-12'],
    ['5 Pebruari 1980', '1980-02-05'],
    ['30 Nopember 1975', '1975-11-30'],
    ['17 Agustus 1945', '1945-08-17'],
    ['1 Des 2025', '2025-12-01'],
    ['', ''],
    [null, ''],
  ])('%j → %j', (v, iso) => {
    expect(parseTanggal(v)).toEqual({ ok: true, value: iso });
  });

  it.each(['31-02-2024', '12 Januarii 2024', 'besok', '2024/13/01', -5])('%j is refused', (v) => {
    expect(parseTanggal(v).ok).toBe(false);
  });

  it('reads Excel serials in the 1900 system', () => {
    expect(fromExcelSerial(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(fromExcelSerial(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(fromExcelSerial(60)).toBeNull(); // Excel's phantom 29 February 1900
    expect(fromExcelSerial(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(fromExcelSerial(0)).toBeNull();
  });
});

describe('names with gelar in one cell', () => {
  it.each([
    ['Drs. H. Asep Saepudin, M.Si.', { gelarDepan: 'Drs. H.', nama: 'Asep Saepudin', gelarBelakang: 'M.Si.' }],
    ['Siti Aminah, S.E., M.M.', { gelarDepan: '', nama: 'Siti Aminah', gelarBelakang: 'S.E., M.M.' }],
    ['dr. Rina  Marlina', { gelarDepan: 'dr.', nama: 'Rina Marlina', gelarBelakang: '' }],
    ['Hj. Euis Rohaeti', { gelarDepan: 'Hj.', nama: 'Euis Rohaeti', gelarBelakang: '' }],
    ['Prof. Dr. Ir. Bambang, M.T.', { gelarDepan: 'Prof. Dr. Ir.', nama: 'Bambang', gelarBelakang: 'M.T.' }],
    ['Budi Hartono', { gelarDepan: '', nama: 'Budi Hartono', gelarBelakang: '' }],
    ['Hendra Purnama', { gelarDepan: '', nama: 'Hendra Purnama', gelarBelakang: '' }],
    ['Rudi Hartono, SE', { gelarDepan: '', nama: 'Rudi Hartono', gelarBelakang: 'SE' }],
    ['Nurul Huda, A.Md.Kep.', { gelarDepan: '', nama: 'Nurul Huda', gelarBelakang: 'A.Md.Kep.' }],
    ['Yanti, S.Kom, M.Kom', { gelarDepan: '', nama: 'Yanti', gelarBelakang: 'S.Kom, M.Kom' }],
    // What follows the comma is no gelar: a surname written first stays one name.
    ['Siregar, Budi', { gelarDepan: '', nama: 'Siregar, Budi', gelarBelakang: '' }],
    ['Lubis, Ahmad Fauzi, S.H.', { gelarDepan: '', nama: 'Lubis, Ahmad Fauzi, S.H.', gelarBelakang: '' }],
  ])('%j', (v, parts) => {
    expect(splitNameAndGelar(v)).toEqual(parts);
  });
});

describe('cell text', () => {
  it('cleans spaces', () => {
    expect(cleanText('  Kecamatan\u00a0 Curug \n')).toBe('Kecamatan Curug');
    expect(cleanText(undefined)).toBe('');
  });

  it.each([
    ['a leading tab and tabs pasted from Excel inside', '\tBudi\tHartono', 'Budi Hartono'],
    ['zero-width spaces and a byte-order mark', '\ufeffBu\u200bdi\u200d Hartono', 'Budi Hartono'],
    ['bidi overrides that would show the name reversed', '\u202eBudi Hartono\u202c', 'Budi Hartono'],
    ['control characters and a soft hyphen', 'Budi\u0007 Har\u00adtono\u0000', 'Budi Hartono'],
    ['line breaks inside a cell', 'Seksi\r\nPemerintahan', 'Seksi Pemerintahan'],
  ])('removes %s', (_what, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it.each([['=1+1', true], ['+62 812', true], ['-', true], ['@SUM(A1)', true], ['\tx', true], ['Asep', false], ['1=1', false]])(
    '%j looks like a formula: %s',
    (t, yes) => {
      expect(looksLikeFormula(t)).toBe(yes);
    },
  );
});
