import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_PREFERENCES, invalidMargins, normalizeOfficeProfile, printPreferencesOf, validateOfficeProfile, type OfficeProfileInput } from './office';

const valid: OfficeProfileInput = {
  namaInstansi: 'Pemerintah Kabupaten Tangerang',
  namaKantor: 'Kecamatan Curug',
  alamat: 'Jl. Raya Curug No. 1',
  tempat: 'Curug',
  kertas: 'F4',
  namaAdmin: 'Siti Aminah',
};

describe('office profile validation', () => {
  it('accepts a complete profile; alamat is optional', () => {
    expect(validateOfficeProfile(valid)).toEqual({});
    expect(validateOfficeProfile({ ...valid, alamat: '' })).toEqual({});
  });

  it('names every empty required field', () => {
    expect(validateOfficeProfile({ ...valid, namaInstansi: ' ', namaKantor: '', tempat: '', namaAdmin: '' })).toEqual({
      namaInstansi: 'required',
      namaKantor: 'required',
      tempat: 'required',
      namaAdmin: 'required',
    });
  });

  it('refuses over-long text and unknown paper', () => {
    expect(validateOfficeProfile({ ...valid, tempat: 'x'.repeat(61) })).toEqual({ tempat: 'tooLong' });
    expect(validateOfficeProfile({ ...valid, kertas: 'Legal' as never })).toEqual({ kertas: 'paper' });
  });

  it('normalises spaces', () => {
    expect(normalizeOfficeProfile({ ...valid, namaKantor: '  Kecamatan   Curug ' }).namaKantor).toBe('Kecamatan Curug');
  });
});

describe('print preferences', () => {
  it.each([
    ['nothing saved: the defaults, bottom 25 mm for the footer QR', undefined, 25],
    ['a bottom margin saved when 18 mm was allowed is raised to what the QR needs', { bottom: 18 }, 25],
    ['a larger bottom margin stays', { bottom: 32 }, 32],
  ])('%s', (_name, margins, bottom) => {
    const cetak = margins ? { ...DEFAULT_PRINT_PREFERENCES, margins: { ...DEFAULT_PRINT_PREFERENCES.margins, ...margins } } : undefined;
    expect(printPreferencesOf({ cetak }).margins.bottom).toBe(bottom);
  });

  it.each([
    [{ top: 15, right: 15, bottom: 24, left: 20 }, ['bottom']],
    [{ top: 4, right: 15, bottom: 25, left: 20 }, ['top']],
    [{ top: 15, right: 15, bottom: 25, left: 20 }, []],
  ])('margins %o: out of range %o', (m, bad) => expect(invalidMargins(m)).toEqual(bad));

  it('older records without the #14 choices get the reference defaults', () => {
    const old = { margins: { top: 15, right: 15, bottom: 25, left: 20 }, garisBawahNama: true, penandatanganEvaluasi: 'DUA' as const };
    expect(printPreferencesOf({ cetak: old as never })).toMatchObject({ kolomIntervensi: 'PIMPINAN', pangkatPenandatangan: false });
  });
});
