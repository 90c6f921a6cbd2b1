import { describe, expect, it } from 'vitest';
import { checkGroup, distributionGroups, notEvaluatedIn, groupOfUnit, expectedBands, guidelineFeasible, headCounts, isSmallGroup, type DistributionScope, type ScopedMember } from './distributionScope';
import { PERMENPANRB_6_2022 as pack, type CapaianOrganisasi, type Predikat } from './rulepack';
import type { Unit } from './unit';
import { KECAMATAN_TREE } from './unit.testkit';

const units: Unit[] = KECAMATAN_TREE;
const m = (employeeId: string, unitId: string | null, predikat: Predikat | '' = 'BAIK'): ScopedMember => ({ employeeId, unitId, predikat });
const members = [m('camat', 'kec'), m('sekcam', 'sek'), m('u1', 'umum'), m('u2', 'umum', ''), m('p1', 'pem'), m('p2', 'pem'), m('p3', 'pem', 'SANGAT_BAIK'), m('lepas', null)];

describe('the three scopes of the guideline', () => {
  const sizes = (scope: DistributionScope) => distributionGroups(scope, units, members).map((g) => `${g.key}:${g.members.length}`);

  it.each<[DistributionScope, string[]]>([
    // The office is one group, including the member whose unit is unknown.
    ['KANTOR', ['KANTOR:8']],
    // Each unit holds everyone below it: the kecamatan rolls up all seven placed members.
    ['UNIT_DAN_SUB', ['kec:7', 'sek:3', 'umum:2', 'pem:3']],
    ['UNIT', ['kec:1', 'sek:1', 'umum:2', 'pem:3']],
  ])('%s', (scope, expected) => {
    expect(sizes(scope)).toEqual(expected);
  });

  it('finds the group a unit’s ratings are judged in', () => {
    expect(groupOfUnit('KANTOR', units, members, 'pem')?.key).toBe('KANTOR');
    expect(groupOfUnit('UNIT_DAN_SUB', units, members, 'sek')?.members.map((x) => x.employeeId)).toEqual(['sekcam', 'u1', 'u2']);
    expect(groupOfUnit('UNIT', units, members, 'sek')?.members.map((x) => x.employeeId)).toEqual(['sekcam']);
  });

  it('judges the office group by the top unit', () => {
    expect(distributionGroups('KANTOR', units, members)[0]?.unit?.id).toBe('kec');
  });

  it('rolls predikat counts up the tree', () => {
    const kec = distributionGroups('UNIT_DAN_SUB', units, members)[0]!;
    const check = checkGroup(pack, 'BAIK', kec.members);
    // u2 has no predikat yet: 7 members, 6 judged.
    expect(check.all).toBe(7);
    expect(check.n).toBe(6);
    expect(check.counts).toMatchObject({ BAIK: 5, SANGAT_BAIK: 1 });
  });
});

const rated = (n: number, p: Predikat = 'BAIK') => Array.from({ length: n }, (_, i) => m(`e${i}`, 'pem', p));

describe('small groups get whole-person limits, or an explanation when the guideline cannot be met', () => {
  it.each<[CapaianOrganisasi, number, string]>([
    // n, what the guideline says in people ('-' = cannot be met with n people)
    ['BAIK', 1, '-'],
    ['BAIK', 2, 'atMost BAIK 1; largest BAIK; atLeast BUTUH_PERBAIKAN+KURANG_MISCONDUCT 1'],
    ['BAIK', 3, 'atMost BAIK 2; largest BAIK; atLeast BUTUH_PERBAIKAN+KURANG_MISCONDUCT 1'],
    ['BAIK', 5, 'atMost BAIK 3; largest BAIK; atLeast BUTUH_PERBAIKAN+KURANG_MISCONDUCT 1'],
    ['BAIK', 7, 'atMost BAIK 4; largest BAIK; atLeast BUTUH_PERBAIKAN+KURANG_MISCONDUCT 1'],
    ['ISTIMEWA', 1, '-'],
    ['ISTIMEWA', 2, 'atMost SANGAT_BAIK 1; largest SANGAT_BAIK'],
    ['KURANG', 1, '-'],
    ['KURANG', 2, '-'],
    ['KURANG', 3, 'atLeast KURANG_MISCONDUCT 2; atLeast BUTUH_PERBAIKAN 1; none SANGAT_BAIK'],
    ['KURANG', 5, 'atLeast KURANG_MISCONDUCT 3; atLeast BUTUH_PERBAIKAN 1; none SANGAT_BAIK'],
    ['KURANG', 7, 'atLeast KURANG_MISCONDUCT 5; atLeast BUTUH_PERBAIKAN 1; none SANGAT_BAIK'],
    ['SANGAT_KURANG', 1, '-'],
    ['BUTUH_PERBAIKAN', 1, 'atLeast BUTUH_PERBAIKAN 1; none SANGAT_BAIK'],
  ])('%s, n = %i: %s', (capaian, n, expected) => {
    const said = (rules: ReturnType<typeof headCounts>) =>
      rules.map((r) => (r.kind === 'largest' ? `largest ${r.predikat}` : `${r.kind} ${r.predikat.join('+')}${'count' in r ? ` ${r.count}` : ''}`)).join('; ');
    expect(guidelineFeasible(pack, capaian, n)).toBe(expected !== '-');
    const check = checkGroup(pack, capaian, rated(n));
    if (expected === '-') {
      expect(check.state).toBe('infeasible');
    } else {
      expect(check.state).toBe('checked');
      if (check.state === 'checked') expect(said(check.rules)).toBe(expected);
    }
  });

  it('an impossible group gets no warnings, a feasible small one still does', () => {
    expect(checkGroup(pack, 'BAIK', rated(1))).toMatchObject({ state: 'infeasible' });
    const three = checkGroup(pack, 'BAIK', rated(3));
    expect(three.state === 'checked' && three.small && three.warnings.map((w) => w.code)).toEqual(['dominantTooMany', 'missingRequired']);
  });

  it.each([
    [9, true],
    [10, false],
  ])('below ten people 10 %% is less than one person: n = %i small = %s', (n, small) => {
    expect(isSmallGroup(pack, n)).toBe(small);
  });

  it('says why a group is empty or unjudged', () => {
    expect(checkGroup(pack, 'BAIK', []).state).toBe('empty');
    expect(checkGroup(pack, 'BAIK', [m('x', 'pem', '')]).state).toBe('empty');
    expect(checkGroup(pack, '', rated(4)).state).toBe('noCapaian');
  });
});

describe('the band drawn behind each predikat bar', () => {
  it('comes from single-predikat rules only', () => {
    // KURANG, 7 people: at least 5 Kurang, at least 1 Butuh Perbaikan, no Sangat Baik.
    expect(expectedBands(headCounts(pack, 'KURANG', 7), 7)).toEqual({ KURANG_MISCONDUCT: [5, 7], BUTUH_PERBAIKAN: [1, 7], SANGAT_BAIK: [0, 0] });
    // BAIK, 10 people: at most 7 Baik; "Butuh Perbaikan or Kurang" together has no single bar.
    expect(expectedBands(headCounts(pack, 'BAIK', 10), 10)).toEqual({ BAIK: [0, 7] });
  });
});

describe('who a group leaves out (#30 item 5)', () => {
  const units = KECAMATAN_TREE;
  const staff = [
    { id: 'camat', unitId: 'kec', aktif: true },
    { id: 'kasi', unitId: 'pem', aktif: true },
    { id: 'sek', unitId: 'sek', aktif: true },
    { id: 'umum1', unitId: 'umum', aktif: true },
    { id: 'umum2', unitId: 'umum', aktif: false },
    { id: 'nounit', unitId: null, aktif: true },
  ];
  const evaluated = new Set(['camat', 'sek']);
  const unit = (id: string) => units.find((u) => u.id === id)!;
  it.each<[string, DistributionScope, { key: string; unit: Unit | null }, string[]]>([
    ['the whole office: every active person without an evaluation', 'KANTOR', { key: 'KANTOR', unit: unit('kec') }, ['kasi', 'umum1', 'nounit']],
    ['a unit with its sub-units', 'UNIT_DAN_SUB', { key: 'sek', unit: unit('sek') }, ['umum1']],
    ['a unit alone', 'UNIT', { key: 'sek', unit: unit('sek') }, []],
    ['an inactive person is never listed', 'UNIT', { key: 'umum', unit: unit('umum') }, ['umum1']],
  ])('%s', (_name, scope, group, ids) => {
    expect(notEvaluatedIn(scope, units, group, staff, evaluated).map((e) => e.id)).toEqual(ids);
  });
});
