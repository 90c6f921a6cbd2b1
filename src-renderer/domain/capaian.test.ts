import { describe, expect, it } from 'vitest';
import { effectiveCapaian } from './capaian';
import type { CapaianOrganisasi } from './rulepack';
import { KECAMATAN_TREE, testUnit } from './unit.testkit';

const own = (entries: [string, CapaianOrganisasi][]) => new Map<string, CapaianOrganisasi | ''>(entries);

describe('the capaian that applies to a unit (§7.6)', () => {
  it.each<[string, [string, CapaianOrganisasi][], string | null, EffectiveCapaianRow]>([
    ['the office value reaches a seksi', [['kec', 'BAIK']], 'pem', ['BAIK', 'kec']],
    ['and a subbagian two levels down', [['kec', 'BAIK']], 'umum', ['BAIK', 'kec']],
    ['a unit’s own value overrides the office', [['kec', 'BAIK'], ['pem', 'ISTIMEWA']], 'pem', ['ISTIMEWA', 'pem']],
    ['a subbagian follows its sekretariat before the office', [['kec', 'BAIK'], ['sek', 'BUTUH_PERBAIKAN']], 'umum', ['BUTUH_PERBAIKAN', 'sek']],
    ['staff without a unit follow the office', [['kec', 'KURANG']], null, ['KURANG', 'kec']],
    ['nothing set anywhere', [], 'umum', ['', null]],
    ['only a sibling set: nothing applies', [['pem', 'BAIK']], 'umum', ['', null]],
  ])('%s', (_name, set, unitId, [capaian, from]) => {
    expect(effectiveCapaian(KECAMATAN_TREE, own(set), unitId)).toEqual({ capaian, fromUnitId: from });
  });

  it('two offices together (a BKD): a unit never takes the other office’s value', () => {
    const units = [...KECAMATAN_TREE, testUnit('bgo', 'Kecamatan Bungo', null), testUnit('bgo-pem', 'Seksi Pemerintahan Bungo', 'bgo')];
    expect(effectiveCapaian(units, own([['kec', 'BAIK']]), 'bgo-pem')).toEqual({ capaian: '', fromUnitId: null });
  });

  it('a parent chain that loops ends without hanging', () => {
    const units = [testUnit('kec', 'Kecamatan', null), testUnit('a', 'A', 'b'), testUnit('b', 'B', 'a')];
    expect(effectiveCapaian(units, own([['kec', 'BAIK']]), 'a')).toEqual({ capaian: 'BAIK', fromUnitId: 'kec' });
  });
});

type EffectiveCapaianRow = [CapaianOrganisasi | '', string | null];
