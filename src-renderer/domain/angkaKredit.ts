import type { JenjangJf } from './pegawai';
import type { Predikat, RulePack } from './rulepack';

/** Half-up to 2 decimals, robust to binary float (2.08333… → 2.08, 18.745 → 18.75). */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/**
 * Angka kredit from a predikat (§9.1, Peraturan BKN 3/2023):
 * AK = (months ÷ 12) × conversion % × yearly coefficient of the JF level.
 */
export function angkaKredit(pack: RulePack, input: { predikat: Predikat; jenjang: JenjangJf; months: number }): number {
  if (!Number.isFinite(input.months) || input.months < 0 || input.months > 12) {
    throw new RangeError('months must be between 0 and 12');
  }
  return round2((input.months / 12) * pack.angkaKredit.conversion[input.predikat] * pack.angkaKredit.coefficient[input.jenjang]);
}

/** Yearly achievement capped at 150% of the yearly coefficient (Peraturan BKN 11/2022). */
export function capYearlyAngkaKredit(pack: RulePack, jenjang: JenjangJf, total: number): number {
  return Math.min(round2(total), round2(pack.angkaKredit.coefficient[jenjang] * pack.angkaKredit.yearlyCap));
}
