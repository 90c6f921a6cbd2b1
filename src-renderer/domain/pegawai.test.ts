import { describe, expect, it } from 'vitest';
import {
  atasanChain, emptyEmployeeFields, findAtasanCycle, foldText, gelarInNama, matchesQuery, parseSearchQuery, printedName,
  searchText, validateEmployee, type EmployeeFields,
} from './pegawai';

const today = { year: 2026, month: 11, day: 24 };
const base: EmployeeFields = {
  ...emptyEmployeeFields(),
  nip: '198001012005011001',
  nama: 'Asep Saepudin',
  jenisKelamin: 'L',
  tanggalLahir: '1980-01-01',
  golongan: 'III/d',
};
const codes = (e: EmployeeFields, selfId?: string) =>
  validateEmployee(e, { today, ...(selfId ? { selfId } : {}) }).map((i) => `${i.field}:${i.code}:${i.severity}`);

describe('printed name with gelar', () => {
  it.each([
    [{ gelarDepan: 'Drs. H.', nama: 'Asep Saepudin', gelarBelakang: 'M.Si.' }, 'Drs. H. Asep Saepudin, M.Si.'],
    [{ gelarDepan: '', nama: 'Siti  Aminah', gelarBelakang: 'S.E.' }, 'Siti Aminah, S.E.'],
    [{ gelarDepan: 'dr.', nama: 'Rina', gelarBelakang: '' }, 'dr. Rina'],
    [{ gelarDepan: '', nama: 'Budi', gelarBelakang: ', S.Kom.' }, 'Budi, S.Kom.'],
  ])('%o → %s', (e, expected) => {
    expect(printedName(e)).toBe(expected);
  });
});

describe('employee validation', () => {
  it('a complete record has no issues', () => {
    expect(codes(base)).toEqual([]);
  });

  it('nama is required', () => {
    expect(codes({ ...base, nama: '  ' })).toContain('nama:required:error');
  });

  it('NIP errors and warnings are carried with their severity', () => {
    expect(codes({ ...base, nip: '12345' })).toContain('nip:nip.length:error');
    expect(codes({ ...base, jenisKelamin: 'P' })).toEqual(['nip:nip.sexMismatch:warning']);
    expect(codes({ ...base, tanggalLahir: '1980-01-02' })).toEqual(['nip:nip.birthMismatch:warning']);
  });

  it('golongan must come from the list for the status', () => {
    expect(codes({ ...base, status: 'PPPK', nip: '199105252023211031', tanggalLahir: '', golongan: 'III/d' })).toContain(
      'golongan:golonganNotForStatus:error',
    );
    expect(codes({ ...base, status: 'PPPK', nip: '199105252023211031', tanggalLahir: '', golongan: 'IX' })).toEqual([]);
  });

  it('jenjang is required for functional positions and must fit the kind', () => {
    expect(codes({ ...base, jenisJabatan: 'FUNGSIONAL_KEAHLIAN' })).toContain('jenjang:jenjangRequired:error');
    expect(codes({ ...base, jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'AHLI_MUDA' })).toEqual([]);
    expect(codes({ ...base, jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'MAHIR' })).toContain(
      'jenjang:jenjangNotForJenis:error',
    );
    expect(codes({ ...base, jenisJabatan: 'PELAKSANA', jenjang: 'AHLI_MUDA' })).toContain('jenjang:jenjangNotForJenis:error');
  });

  it('an employee cannot be their own atasan', () => {
    expect(codes({ ...base, atasanId: 'me' }, 'me')).toContain('atasanId:selfAtasan:error');
  });

  it('deactivation needs a reason and a date', () => {
    expect(codes({ ...base, aktif: false })).toEqual([
      'nonaktifAlasan:nonaktifReasonRequired:error',
      'nonaktifTanggal:nonaktifDateRequired:error',
    ]);
    expect(codes({ ...base, aktif: false, nonaktifAlasan: 'PENSIUN', nonaktifTanggal: '2026-02-30' })).toEqual([
      'nonaktifTanggal:dateInvalid:error',
    ]);
    expect(codes({ ...base, aktif: false, nonaktifAlasan: 'PENSIUN', nonaktifTanggal: '2026-10-01' })).toEqual([]);
  });
});

describe('atasan chain', () => {
  const atasan: Record<string, string | null> = { staff: 'kasi', kasi: 'camat', camat: null, loopA: 'loopB', loopB: 'loopA' };
  const atasanOf = (id: string) => atasan[id] ?? null;

  it('refuses a relation that closes a cycle and names the chain', () => {
    // camat → staff would make camat → staff → kasi → camat
    expect(findAtasanCycle('camat', 'staff', atasanOf)).toEqual(['camat', 'staff', 'kasi', 'camat']);
    expect(findAtasanCycle('kasi', 'kasi', atasanOf)).toEqual(['kasi', 'kasi']);
  });

  it('accepts a relation without a cycle', () => {
    expect(findAtasanCycle('staff', 'camat', atasanOf)).toBeNull();
    expect(findAtasanCycle('new', 'staff', atasanOf)).toBeNull();
    expect(findAtasanCycle('staff', null, atasanOf)).toBeNull();
  });

  it('does not hang on an existing loop above', () => {
    expect(findAtasanCycle('x', 'loopA', atasanOf)).toBeNull();
    expect(atasanChain('x', (id) => (id === 'x' ? 'loopA' : atasanOf(id)))).toEqual(['loopA', 'loopB']);
  });

  it('derives the atasan pejabat penilai as the second link', () => {
    expect(atasanChain('staff', atasanOf)).toEqual(['kasi', 'camat']);
  });
});

describe('search', () => {
  const e = { nama: 'Asep  Saepudin', gelarDepan: 'Drs. H.', gelarBelakang: 'M.Si.' };
  const text = searchText(e);
  const nip = '198001012005011001';
  const hit = (q: string) => matchesQuery(parseSearchQuery(q), nip, text);

  it.each(['asep', 'ASEP saep', '  asep   saepudin ', 'saepudin', 'Drs. Asep', 'drs h asep saepudin m si'])(
    'name query %j matches ignoring case, spaces and gelar',
    (q) => {
      expect(hit(q)).toBe(true);
    },
  );

  it.each(['19800101 200501', '1980.0101', '200501 1 001', '198001012005011001', ''])('NIP query %j matches', (q) => {
    expect(hit(q)).toBe(true);
  });

  it.each(['budi', 'sep', '19900101', 'asep budi'])('%j does not match', (q) => {
    expect(hit(q)).toBe(false);
  });

  it('folds accents and punctuation', () => {
    expect(foldText("  Ni'mah  Zahrá ")).toBe('ni mah zahra');
  });
});

describe('a gelar typed inside the name (#30 item 3)', () => {
  it.each([
    ['Drs. Asep Saepudin, M.Si.', 'Drs. … M.Si.'],
    ['Asep Saepudin, S.E.', 'S.E.'],
    ['Dr. Ir. H. Budi', 'Dr. Ir. H.'],
    ['Hj. Siti Aminah', 'Hj.'],
    ['Budi Santoso, S.Kom., M.T.', 'S.Kom., M.T.'],
    ['Asep Saepudin', ''],
    ['Hadi Irawan', ''],
    ['Drs Asep', ''],
    ["Nur'aini Ir", ''],
  ])('%s → %s', (nama, gelar) => expect(gelarInNama(nama)).toBe(gelar));
});
