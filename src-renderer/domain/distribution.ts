import type { CapaianOrganisasi, DistributionRule, Predikat, RulePack } from './rulepack';

/**
 * The distribution guideline (§7.2) is something the appraiser must *consider*: this check only
 * produces warnings, never a refusal (§7.3). Percentages become head counts with the pack's
 * rounding: minimums rounded up, maximums down (n = 7 under KURANG: at least 5 Kurang, at least
 * 1 Butuh Perbaikan, no Sangat Baik).
 */
export type DistributionWarning =
  | { code: 'dominantTooMany'; predikat: Predikat; max: number; actual: number; n: number }
  | { code: 'dominantNotLargest'; predikat: Predikat; larger: Predikat; actual: number; largerCount: number; n: number }
  | { code: 'belowMin'; predikat: readonly Predikat[]; min: number; actual: number; n: number }
  | { code: 'aboveMax'; predikat: readonly Predikat[]; max: number; actual: number; n: number }
  | { code: 'missingRequired'; predikat: readonly Predikat[]; n: number };

export type PredikatCounts = Record<Predikat, number>;

export function countPredikat(list: readonly Predikat[]): PredikatCounts {
  const counts: PredikatCounts = { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG_MISCONDUCT: 0, SANGAT_KURANG: 0 };
  for (const p of list) counts[p]++;
  return counts;
}

function round(mode: 'ceil' | 'round' | 'floor', x: number): number {
  // Guard against 0.7 × 10 = 6.999… style float error before rounding.
  const y = Math.round(x * 1e9) / 1e9;
  return mode === 'ceil' ? Math.ceil(y) : mode === 'floor' ? Math.floor(y) : Math.round(y);
}

export function minCount(pack: RulePack, share: number, n: number): number {
  return round(pack.rounding.min, share * n);
}

export function maxCount(pack: RulePack, share: number, n: number): number {
  return round(pack.rounding.max, share * n);
}

function checkRule(pack: RulePack, rule: DistributionRule, counts: PredikatCounts, n: number): DistributionWarning[] {
  const sum = (ps: readonly Predikat[]) => ps.reduce((acc, p) => acc + counts[p], 0);
  switch (rule.kind) {
    case 'dominant': {
      const out: DistributionWarning[] = [];
      const actual = counts[rule.predikat];
      const max = maxCount(pack, rule.maxShare, n);
      if (actual > max) out.push({ code: 'dominantTooMany', predikat: rule.predikat, max, actual, n });
      const larger = (Object.keys(counts) as Predikat[])
        .filter((p) => p !== rule.predikat && counts[p] > actual)
        .sort((a, b) => counts[b] - counts[a])[0];
      if (larger) out.push({ code: 'dominantNotLargest', predikat: rule.predikat, larger, actual, largerCount: counts[larger], n });
      return out;
    }
    case 'minShare': {
      const min = minCount(pack, rule.share, n);
      const actual = sum(rule.predikat);
      return actual < min ? [{ code: 'belowMin', predikat: rule.predikat, min, actual, n }] : [];
    }
    case 'maxShare': {
      const max = maxCount(pack, rule.share, n);
      const actual = sum(rule.predikat);
      return actual > max ? [{ code: 'aboveMax', predikat: rule.predikat, max, actual, n }] : [];
    }
    case 'atLeastOne':
      return sum(rule.predikat) === 0 ? [{ code: 'missingRequired', predikat: rule.predikat, n }] : [];
  }
}

/** Warnings for one unit and period; an empty list means the ratings fit the guideline. */
export function checkDistribution(pack: RulePack, capaian: CapaianOrganisasi, predikat: readonly Predikat[]): DistributionWarning[] {
  const n = predikat.length;
  if (n === 0) return [];
  const counts = countPredikat(predikat);
  return pack.distribution[capaian].flatMap((rule) => checkRule(pack, rule, counts, n));
}
