import type { Predikat } from '../domain/rulepack';
import type { SkpProgressKey } from '../domain/dashboard';

/**
 * Colours of the dashboard, on screen and on paper. Chosen to stay apart when photocopied in grey
 * (light to dark in predikat order) and for red-green colour blindness (blue/orange axis).
 */
export const PREDIKAT_COLORS: Record<Predikat, string> = {
  SANGAT_BAIK: '#1f4e79',
  BAIK: '#4f8fc0',
  BUTUH_PERBAIKAN: '#f2b134',
  KURANG_MISCONDUCT: '#d9622b',
  SANGAT_KURANG: '#7a1f1f',
};

export const SKP_PROGRESS_COLORS: Record<SkpProgressKey, string> = {
  BELUM: '#c9ced6',
  DRAF: '#f2b134',
  DIAJUKAN: '#4f8fc0',
  DISETUJUI: '#1f4e79',
};

export const EVALUATION_PROGRESS_COLORS = { belum: '#c9ced6', draf: '#f2b134', final: '#1f4e79' } as const;

/** The guideline's band behind a bar. */
export const BAND_COLOR = '#7fbf7f';
