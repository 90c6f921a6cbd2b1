import { describe, expect, it } from 'vitest';
import { angkaKredit, capYearlyAngkaKredit, round2 } from './angkaKredit';
import { PERMENPANRB_6_2022 as pack } from './rulepack';

describe('angka kredit (§9.1)', () => {
  it('Ahli Pertama, a full year at Sangat Baik: 150% × 12.5 = 18.75', () => {
    expect(angkaKredit(pack, { predikat: 'SANGAT_BAIK', jenjang: 'AHLI_PERTAMA', months: 12 })).toBe(18.75);
  });

  it('Ahli Pertama, 2 months at Baik: 2/12 × 100% × 12.5 = 2.08', () => {
    expect(angkaKredit(pack, { predikat: 'BAIK', jenjang: 'AHLI_PERTAMA', months: 2 })).toBe(2.08);
  });

  it.each([
    ['SANGAT_BAIK', 37.5],
    ['BAIK', 25],
    ['BUTUH_PERBAIKAN', 18.75],
    ['KURANG_MISCONDUCT', 12.5],
    ['SANGAT_KURANG', 6.25],
  ] as const)('Ahli Muda, a full year at %s → %f', (predikat, ak) => {
    expect(angkaKredit(pack, { predikat, jenjang: 'AHLI_MUDA', months: 12 })).toBe(ak);
  });

  it('refuses impossible month counts', () => {
    expect(() => angkaKredit(pack, { predikat: 'BAIK', jenjang: 'AHLI_MUDA', months: 13 })).toThrow(RangeError);
    expect(() => angkaKredit(pack, { predikat: 'BAIK', jenjang: 'AHLI_MUDA', months: -1 })).toThrow(RangeError);
  });

  it('caps a year at 150% of the coefficient: Ahli Muda 25 → 37.5', () => {
    expect(capYearlyAngkaKredit(pack, 'AHLI_MUDA', 40)).toBe(37.5);
    expect(capYearlyAngkaKredit(pack, 'AHLI_MUDA', 30.004)).toBe(30);
  });

  it('rounds half up to 2 decimals', () => {
    expect(round2(2.0833333)).toBe(2.08);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(18.745)).toBe(18.75);
  });
});
