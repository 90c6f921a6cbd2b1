import type { DistributionScope } from './distributionScope';
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
  /** Added in #7 (absent on older records): kop logo and print preferences. */
  logo?: string | null;
  /** Added in #14: the emblem (Garuda) the office prints on the DEKP. */
  lambang?: string | null;
  cetak?: PrintPreferences;
  /** Added in #17: where the distribution guideline is applied (absent = the whole office). */
  cakupanDistribusi?: DistributionScope;
}

export interface MarginsMm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Who signs an evaluation form (§5.1 item 11): both, or only the appraiser. */
export type EvaluationSigners = 'DUA' | 'PENILAI';

/** Whose RHK the column-2 heading names; the reference prints either (same on every variant). */
export type KolomIntervensi = 'PIMPINAN' | 'ATASAN';
export const KOLOM_INTERVENSI: readonly KolomIntervensi[] = ['PIMPINAN', 'ATASAN'];

export interface PrintPreferences {
  margins: MarginsMm;
  garisBawahNama: boolean;
  penandatanganEvaluasi: EvaluationSigners;
  kolomIntervensi: KolomIntervensi;
  pangkatPenandatangan: boolean;
}

export const DEFAULT_PRINT_PREFERENCES: PrintPreferences = {
  margins: { top: 15, right: 15, bottom: 25, left: 20 },
  garisBawahNama: true,
  penandatanganEvaluasi: 'DUA',
  kolomIntervensi: 'PIMPINAN',
  pangkatPenandatangan: false,
};

/**
 * Margins a printer can honour. The bottom one holds the footer: a 4-module quiet zone, a QR code
 * of 2-pt modules (up to 58 pt) and the printer's unprintable strip, so it cannot go below 25 mm.
 */
export const MARGIN_LIMITS_MM = { min: 5, max: 50, minBottom: 25 } as const;

export type MarginSide = keyof MarginsMm;

/** The sides whose margin is out of range (bottom needs room for the footer). */
export function invalidMargins(m: MarginsMm): MarginSide[] {
  return (['top', 'right', 'bottom', 'left'] as const).filter((side) => {
    const v = m[side];
    const min = side === 'bottom' ? MARGIN_LIMITS_MM.minBottom : MARGIN_LIMITS_MM.min;
    return !Number.isFinite(v) || v < min || v > MARGIN_LIMITS_MM.max;
  });
}

/**
 * The office's preferences over the defaults. A bottom margin saved before the QR code grew (18 mm
 * was allowed) is raised to what the footer needs rather than letting the code fall off the page.
 */
export function printPreferencesOf(office: Pick<Office, 'cetak'>): PrintPreferences {
  const margins = { ...DEFAULT_PRINT_PREFERENCES.margins, ...office.cetak?.margins };
  margins.bottom = Math.max(margins.bottom, MARGIN_LIMITS_MM.minBottom);
  return { ...DEFAULT_PRINT_PREFERENCES, ...office.cetak, margins };
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
