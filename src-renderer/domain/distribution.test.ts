import { describe, expect, it } from 'vitest';
import { checkDistribution, maxCount, minCount } from './distribution';
import { PERMENPANRB_6_2022 as pack, type CapaianOrganisasi, type Predikat, type RulePack } from './rulepack';

const SB: Predikat = 'SANGAT_BAIK';
const B: Predikat = 'BAIK';
const BP: Predikat = 'BUTUH_PERBAIKAN';
const K: Predikat = 'KURANG_MISCONDUCT';
const SK: Predikat = 'SANGAT_KURANG';
const rep = (p: Predikat, k: number) => Array<Predikat>(k).fill(p);
const codes = (capaian: CapaianOrganisasi, list: Predikat[], p: RulePack = pack) =>
  checkDistribution(p, capaian, list).map((w) => w.code);

describe('rounding of percentage limits (§7.3)', () => {
  it.each([
    // share, n, min (ceil), max (floor)
    [0.6, 7, 5, 4],
    [0.1, 7, 1, 0],
    [0.7, 10, 7, 7],
    [0.7, 3, 3, 2],
    [0.7, 1, 1, 0],
    [0.6, 1, 1, 0],
    [0.1, 1, 1, 0],
    [0, 5, 0, 0],
  ])('share %f of n=%i: min %i, max %i', (share, n, min, max) => {
    expect(minCount(pack, share, n)).toBe(min);
    expect(maxCount(pack, share, n)).toBe(max);
  });

  it('is configurable per pack', () => {
    const lenient: RulePack = { ...pack, rounding: { min: 'floor', max: 'ceil' } };
    expect(minCount(lenient, 0.6, 7)).toBe(4);
    expect(maxCount(lenient, 0.1, 7)).toBe(1);
  });
});

describe('ISTIMEWA: most (at most 70%) Sangat Baik', () => {
  it('7 of 10 Sangat Baik fits', () => {
    expect(codes('ISTIMEWA', [...rep(SB, 7), ...rep(B, 3)])).toEqual([]);
  });
  it('8 of 10 is too many', () => {
    expect(checkDistribution(pack, 'ISTIMEWA', [...rep(SB, 8), ...rep(B, 2)])).toEqual([
      { code: 'dominantTooMany', predikat: SB, max: 7, actual: 8, n: 10 },
    ]);
  });
  it('Sangat Baik must be the largest group', () => {
    expect(codes('ISTIMEWA', [...rep(SB, 3), ...rep(B, 5), ...rep(BP, 2)])).toEqual(['dominantNotLargest']);
  });
});

describe('BAIK: most (at most 70%) Baik, and some Butuh Perbaikan or Kurang', () => {
  it('a unit where everyone is Sangat Baik gets both warnings', () => {
    expect(codes('BAIK', rep(SB, 5))).toEqual(['dominantNotLargest', 'missingRequired']);
  });
  it('7 Baik, 2 Sangat Baik, 1 Butuh Perbaikan fits', () => {
    expect(codes('BAIK', [...rep(B, 7), ...rep(SB, 2), BP])).toEqual([]);
  });
  it('a tie for the largest group meets it (§7.3): 5 Sangat Baik, 5 Baik, 1 Butuh Perbaikan', () => {
    expect(codes('BAIK', [...rep(SB, 5), ...rep(B, 5), BP])).toEqual([]);
  });
  it('one more Sangat Baik than Baik does not: 3 against 2', () => {
    expect(codes('BAIK', [...rep(SB, 3), ...rep(B, 2), BP])).toEqual(['dominantNotLargest']);
  });
  it('all Baik: too many and nobody needing improvement', () => {
    expect(codes('BAIK', rep(B, 10))).toEqual(['dominantTooMany', 'missingRequired']);
  });
  it('Kurang counts as the required low predikat too', () => {
    expect(codes('BAIK', [...rep(B, 6), ...rep(SB, 3), K])).toEqual([]);
  });
});

describe('BUTUH_PERBAIKAN: at least 60% Butuh Perbaikan, Sangat Baik at most 10%', () => {
  it('6 of 10 Butuh Perbaikan and 1 Sangat Baik fits', () => {
    expect(codes('BUTUH_PERBAIKAN', [...rep(BP, 6), SB, ...rep(B, 3)])).toEqual([]);
  });
  it('5 of 10 Butuh Perbaikan and 2 Sangat Baik get both warnings', () => {
    expect(checkDistribution(pack, 'BUTUH_PERBAIKAN', [...rep(BP, 5), ...rep(SB, 2), ...rep(B, 3)])).toEqual([
      { code: 'belowMin', predikat: [BP], min: 6, actual: 5, n: 10 },
      { code: 'aboveMax', predikat: [SB], max: 1, actual: 2, n: 10 },
    ]);
  });
});

describe('KURANG: at least 60% Kurang, at least 10% Butuh Perbaikan, Sangat Baik at most 10%', () => {
  it('n = 7: 5 Kurang, 1 Butuh Perbaikan, 1 Baik fits', () => {
    expect(codes('KURANG', [...rep(K, 5), BP, B])).toEqual([]);
  });
  it('n = 7: 4 Kurang is below ceil(4.2) = 5; one Sangat Baik is above floor(0.7) = 0', () => {
    expect(checkDistribution(pack, 'KURANG', [...rep(K, 4), BP, SB, B])).toEqual([
      { code: 'belowMin', predikat: [K], min: 5, actual: 4, n: 7 },
      { code: 'aboveMax', predikat: [SB], max: 0, actual: 1, n: 7 },
    ]);
  });
  it('n = 7 without Butuh Perbaikan misses the 10% minimum', () => {
    expect(codes('KURANG', [...rep(K, 6), B])).toEqual(['belowMin']);
  });
});

describe('SANGAT_KURANG: at least 60% Sangat Kurang, 10% Kurang and/or Butuh Perbaikan, no Sangat Baik', () => {
  it('n = 10 fits with 6 Sangat Kurang, 1 Kurang, 3 Baik', () => {
    expect(codes('SANGAT_KURANG', [...rep(SK, 6), K, ...rep(B, 3)])).toEqual([]);
  });
  it('Butuh Perbaikan also satisfies the combined 10%', () => {
    expect(codes('SANGAT_KURANG', [...rep(SK, 6), BP, ...rep(B, 3)])).toEqual([]);
  });
  it('any Sangat Baik is too many', () => {
    expect(codes('SANGAT_KURANG', [...rep(SK, 6), K, SB, ...rep(B, 2)])).toEqual(['aboveMax']);
  });
});

describe('small units', () => {
  it('n = 0 gives no warnings', () => {
    expect(codes('BAIK', [])).toEqual([]);
  });
  it('n = 1 under BAIK: a single Baik is above floor(0.7) = 0 and nobody needs improvement', () => {
    expect(codes('BAIK', [B])).toEqual(['dominantTooMany', 'missingRequired']);
  });
  it('n = 1 under ISTIMEWA with Sangat Baik: at most floor(0.7) = 0', () => {
    expect(checkDistribution(pack, 'ISTIMEWA', [SB])).toEqual([{ code: 'dominantTooMany', predikat: SB, max: 0, actual: 1, n: 1 }]);
  });
  it('n = 3 under BAIK: 2 Baik + 1 Butuh Perbaikan fits (max floor(2.1) = 2)', () => {
    expect(codes('BAIK', [B, B, BP])).toEqual([]);
  });
  it('n = 3 under BUTUH_PERBAIKAN: needs ceil(1.8) = 2 Butuh Perbaikan', () => {
    expect(codes('BUTUH_PERBAIKAN', [BP, B, B])).toEqual(['belowMin']);
    expect(codes('BUTUH_PERBAIKAN', [BP, BP, B])).toEqual([]);
  });
  it('n = 3 under SANGAT_KURANG: needs 2 Sangat Kurang and 1 Kurang or Butuh Perbaikan', () => {
    expect(codes('SANGAT_KURANG', [SK, SK, K])).toEqual([]);
    expect(codes('SANGAT_KURANG', [SK, SK, SK])).toEqual(['belowMin']);
  });
});
