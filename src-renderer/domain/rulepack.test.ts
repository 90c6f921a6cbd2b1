import { describe, expect, it } from 'vitest';
import { parsePredikat, parseRating, PERMENPANRB_6_2022, PERMENPANRB_6_2022 as pack, predikatOf, PREDIKATS, RATINGS, validateRulePack, type Predikat, type Rating, type RulePack } from './rulepack';

describe('predikat matrix (PermenPANRB 6/2022 §6.2)', () => {
  it.each<[Rating, Rating, Predikat]>([
    ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK'],
    ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
    ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG_MISCONDUCT'],
    ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BAIK'],
    ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK'],
    ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG_MISCONDUCT'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG'],
  ])('hasil %s × perilaku %s → %s', (hasil, perilaku, expected) => {
    expect(predikatOf(pack, hasil, perilaku)).toBe(expected);
  });

  it('Sangat Baik only when both ratings are above expectation', () => {
    const cells = RATINGS.flatMap((h) => RATINGS.map((p) => [h, p, predikatOf(pack, h, p)] as const));
    expect(cells.filter(([, , x]) => x === 'SANGAT_BAIK')).toEqual([['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK']]);
    expect(new Set(cells.map(([, , x]) => x))).toEqual(new Set(PREDIKATS));
  });
});

describe('labels and aliases (§6.3)', () => {
  it.each<[string, Rating]>([
    ['Di Atas Ekspektasi', 'DI_ATAS_EKSPEKTASI'],
    ['DIATAS EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
    ['  diatas  ekspektasi ', 'DI_ATAS_EKSPEKTASI'],
    ['Sesuai Ekspektasi', 'SESUAI_EKSPEKTASI'],
    ['Dibawah ekspektasi', 'DI_BAWAH_EKSPEKTASI'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
  ])('rating %j → %s', (text, code) => {
    expect(parseRating(pack, text)).toBe(code);
  });

  it.each<[string, Predikat]>([
    ['Sangat Baik', 'SANGAT_BAIK'],
    ['BAIK', 'BAIK'],
    ['Cukup', 'BUTUH_PERBAIKAN'],
    ['Butuh Perbaikan', 'BUTUH_PERBAIKAN'],
    ['Kurang', 'KURANG_MISCONDUCT'],
    ['Kurang / Misconduct', 'KURANG_MISCONDUCT'],
    ['Misconduct', 'KURANG_MISCONDUCT'],
    ['sangat kurang', 'SANGAT_KURANG'],
  ])('predikat %j → %s', (text, code) => {
    expect(parsePredikat(pack, text)).toBe(code);
  });

  it('unknown text is not guessed', () => {
    expect(parseRating(pack, 'lumayan')).toBeNull();
    expect(parsePredikat(pack, 'Istimewa')).toBeNull();
  });
});

describe('BerAKHLAK (§8)', () => {
  it('has the seven core values in print order, three guides each', () => {
    expect(pack.berakhlak.map((v) => v.nama)).toEqual([
      'Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif',
    ]);
    expect(pack.berakhlak.flatMap((v) => v.panduan)).toHaveLength(21);
    expect(pack.berakhlak[0]?.panduan[1]).toBe('Ramah, cekatan, solutif, dan dapat diandalkan');
  });
});

describe('adjusting a pack', () => {
  it('the default pack is valid', () => {
    expect(validateRulePack(PERMENPANRB_6_2022)).toEqual([]);
  });
  it('refuses empty labels, shares outside 0–100% and negative numbers, naming the table cell', () => {
    const p = structuredClone(PERMENPANRB_6_2022) as RulePack;
    p.predikatLabels.BAIK = '  ';
    p.distribution.BAIK = [{ kind: 'dominant', predikat: 'BAIK', maxShare: 1.2 }];
    p.angkaKredit.coefficient.AHLI_MUDA = -1;
    p.jamPelajaran.pnsMinimum = Number.NaN;
    expect(validateRulePack(p)).toEqual([
      { code: 'labelRequired', path: 'predikatLabels.BAIK' },
      { code: 'shareOutOfRange', path: 'distribution.BAIK.0' },
      { code: 'numberInvalid', path: 'angkaKredit.coefficient.AHLI_MUDA' },
      { code: 'numberInvalid', path: 'jamPelajaran.pnsMinimum' },
    ]);
  });
});
