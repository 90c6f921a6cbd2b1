import { describe, expect, it } from 'vitest';
import { normalizeOfficeProfile, validateOfficeProfile, type OfficeProfileInput } from './office';

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
