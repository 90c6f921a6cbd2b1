import type { SyncMeta } from './records';

export type PaperSize = 'A4' | 'F4';
export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'F4'];

/** The office profile: printed on every form and marks who wrote each record. */
export interface Office extends SyncMeta {
  namaInstansi: string;
  namaKantor: string;
  alamat: string;
  tempat: string;
  kertas: PaperSize;
}

export type OfficeProfileInput = Pick<Office, 'namaInstansi' | 'namaKantor' | 'alamat' | 'tempat' | 'kertas'> & {
  namaAdmin: string;
};

export type OfficeField = keyof OfficeProfileInput;
export type OfficeErrorCode = 'required' | 'tooLong' | 'paper';
export type OfficeErrors = Partial<Record<OfficeField, OfficeErrorCode>>;

const MAX_LEN: Record<OfficeField, number> = {
  namaInstansi: 150,
  namaKantor: 150,
  alamat: 300,
  tempat: 60,
  kertas: 2,
  namaAdmin: 100,
};

const REQUIRED: OfficeField[] = ['namaInstansi', 'namaKantor', 'tempat', 'namaAdmin'];

/** Field errors for the first-run form and Pengaturan; empty object = valid. */
export function validateOfficeProfile(input: OfficeProfileInput): OfficeErrors {
  const errors: OfficeErrors = {};
  for (const field of Object.keys(MAX_LEN) as OfficeField[]) {
    const value = String(input[field] ?? '').trim();
    if (REQUIRED.includes(field) && value === '') errors[field] = 'required';
    else if (value.length > MAX_LEN[field]) errors[field] = 'tooLong';
  }
  if (!PAPER_SIZES.includes(input.kertas)) errors.kertas = 'paper';
  return errors;
}

export function normalizeOfficeProfile(input: OfficeProfileInput): OfficeProfileInput {
  return {
    namaInstansi: input.namaInstansi.trim().replace(/\s+/g, ' '),
    namaKantor: input.namaKantor.trim().replace(/\s+/g, ' '),
    alamat: input.alamat.trim(),
    tempat: input.tempat.trim().replace(/\s+/g, ' '),
    kertas: input.kertas,
    namaAdmin: input.namaAdmin.trim().replace(/\s+/g, ' '),
  };
}
