import { countPredikat, type PredikatCounts } from './distribution';
import type { Predikat } from './rulepack';

/**
 * How each pejabat penilai's predikat are spread compared with the rest of the office
 * (docs/aturan-kinerja.md §7.5). The mark is a prompt for a conversation about personal bias
 * (leniency or severity), never a verdict, so it is deliberately cautious:
 * - predikat are scored on their order (Sangat Baik 5 … Sangat Kurang 1);
 * - an appraiser is compared with the whole office (everyone rated, his own ratees included):
 *   compared with "everyone else", one lenient kasi would make his fair colleagues look severe;
 * - he is marked only with at least `minRatees` ratees, at least `minComparison` other people rated
 *   in the office, a gap of at least `minGap` steps, and a gap at least `z` standard errors wide
 *   (the office's spread, never taken below `sdFloor`, so an office where nearly everyone is Baik
 *   does not make one Sangat Baik look extreme).
 */
export const APPRAISER_MARKING = { minRatees: 3, minComparison: 3, minGap: 0.5, z: 2, sdFloor: 0.5 } as const;
export type AppraiserMarking = { readonly [K in keyof typeof APPRAISER_MARKING]: number };

export const PREDIKAT_SCORE: Record<Predikat, number> = { SANGAT_BAIK: 5, BAIK: 4, BUTUH_PERBAIKAN: 3, KURANG_MISCONDUCT: 2, SANGAT_KURANG: 1 };

export interface AppraisedRecord {
  employeeId: string;
  /** The appraiser's identity: NIP when recorded, otherwise the name. */
  penilaiKey: string;
  penilaiNama: string;
  predikat: Predikat;
}

export type AppraiserMark = 'LONGGAR' | 'KETAT' | null;
export type AppraiserUnmarkedReason = 'tooFew' | 'noComparison' | null;

export interface AppraiserRow {
  key: string;
  nama: string;
  n: number;
  counts: PredikatCounts;
  mean: number;
  /** Mean of everyone rated in the office. */
  officeMean: number;
  /** Gap in standard errors (0 when not computed). */
  z: number;
  mark: AppraiserMark;
  reason: AppraiserUnmarkedReason;
  employeeIds: string[];
}

/** Names in Indonesian order, "Penilai 2" before "Penilai 10"; one collator, not one per comparison. */
const BY_NAME = new Intl.Collator('id', { numeric: true });

function meanSd(scores: readonly number[]): { mean: number; sd: number } {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.length > 1 ? scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

export function appraiserSpread(records: readonly AppraisedRecord[], rule: AppraiserMarking = APPRAISER_MARKING): AppraiserRow[] {
  const byKey = new Map<string, AppraisedRecord[]>();
  for (const r of records) {
    const list = byKey.get(r.penilaiKey);
    if (list) list.push(r);
    else byKey.set(r.penilaiKey, [r]);
  }
  const office = records.length > 0 ? meanSd(records.map((r) => PREDIKAT_SCORE[r.predikat])) : { mean: Number.NaN, sd: 0 };
  const rows = [...byKey.entries()].map(([key, own]): AppraiserRow => {
    const { mean } = meanSd(own.map((r) => PREDIKAT_SCORE[r.predikat]));
    const base = { key, nama: own[0]?.penilaiNama ?? key, n: own.length, counts: countPredikat(own.map((r) => r.predikat)), mean, officeMean: office.mean, employeeIds: own.map((r) => r.employeeId) };
    if (own.length < rule.minRatees) return { ...base, z: 0, mark: null, reason: 'tooFew' };
    if (records.length - own.length < rule.minComparison) return { ...base, z: 0, mark: null, reason: 'noComparison' };
    const gap = mean - office.mean;
    const z = gap / (Math.max(office.sd, rule.sdFloor) / Math.sqrt(own.length));
    const far = Math.abs(gap) >= rule.minGap && Math.abs(z) >= rule.z;
    return { ...base, z, mark: far ? (gap > 0 ? 'LONGGAR' : 'KETAT') : null, reason: null };
  });
  return rows.sort((a, b) => b.n - a.n || BY_NAME.compare(a.nama, b.nama));
}
