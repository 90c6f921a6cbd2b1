import { describe, expect, it } from 'vitest';
import { analyzeNip, formatNip, hasNipError, normalizeNip, type NipContext, nipInText } from './nip';

const today = { year: 2026, month: 11, day: 24 };
const ctx: NipContext = { today };
const codes = (raw: string, c: NipContext = ctx) => analyzeNip(raw, c).issues.map((i) => `${i.severity}:${i.code}`);

describe('NIP normalisation and display', () => {
  it.each([
    ['198609262015051001', '198609262015051001'],
    ['19860926 201505 1 001', '198609262015051001'],
    ['19660801.198803.1.001', '196608011988031001'],
    ['19660801-198803-1-001', '196608011988031001'],
    ["'198609262015051001", '198609262015051001'],
    ['  19860926\u00a0201505 1 001  ', '198609262015051001'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeNip(raw)).toBe(expected);
  });

  it('groups 8-6-1-3 for printing and leaves non-NIP text alone', () => {
    expect(formatNip('198001012005011001')).toBe('19800101 200501 1 001');
    expect(formatNip('12345')).toBe('12345');
  });
});

describe('NIP hard errors', () => {
  it.each([
    ['', 'error:empty'],
    ['   ', 'error:empty'],
    ['1.98609E+17', 'error:notDigits'],
    ['19860926201505100', 'error:length'],
    ['1986092620150510011', 'error:length'],
    ['198602302015051001', 'error:birthDateInvalid'],
    ['198613012015051001', 'error:birthDateInvalid'],
    ['198609262015053001', 'error:sexDigit'],
    ['198609262015050001', 'error:sexDigit'],
  ])('%j is refused with %s', (raw, code) => {
    const a = analyzeNip(raw, ctx);
    expect(codes(raw)).toContain(code);
    expect(hasNipError(a)).toBe(true);
    expect(a.facts).toBeNull();
  });

  it('reports the digit count it found', () => {
    expect(analyzeNip('12345', ctx).issues[0]?.params).toEqual({ count: 5 });
  });
});

describe('NIP warnings (saved after confirmation)', () => {
  it.each([
    ['193905012015051001', 'warning:birthYearRange'], // born before 1940
    ['201501012015051001', 'warning:birthYearRange'], // younger than 17 today
    ['198609262000051001', 'warning:tmtTooEarly'], // appointed at 13
    ['199001012027011001', 'warning:tmtInFuture'], // TMT next year
    ['199001012026121001', 'warning:tmtInFuture'], // TMT next month of this year
    ['198609262015001001', 'warning:codeZero'],
    ['198609262015051000', 'warning:sequenceZero'],
  ])('%s warns %s but is not an error', (raw, code) => {
    expect(codes(raw)).toContain(code);
    expect(hasNipError(analyzeNip(raw, ctx))).toBe(false);
  });

  it('a TMT earlier this year is fine', () => {
    expect(codes('199001012026111001')).toEqual([]);
  });

  it('flags a PPPK code on a PNS record and a month on a PPPK record', () => {
    expect(codes('199105252023211031', { today, expectedKind: 'PNS' })).toEqual(['warning:pnsWithPppkCode']);
    expect(codes('198609262015051001', { today, expectedKind: 'PPPK' })).toEqual(['warning:pppkWithMonth']);
    expect(codes('199105252023211031', { today, expectedKind: 'PPPK' })).toEqual([]);
  });

  it('cross-checks sex and birth date typed on the form', () => {
    expect(codes('198609262015051001', { today, sex: 'P' })).toEqual(['warning:sexMismatch']);
    expect(codes('198609262015051001', { today, sex: 'L', birthDate: { year: 1986, month: 9, day: 27 } })).toEqual([
      'warning:birthMismatch',
    ]);
  });
});

describe('facts decoded from a valid number', () => {
  it('PNS: birth date, TMT CPNS year and month, sex, sequence', () => {
    expect(analyzeNip('19860926 201505 2 003', ctx).facts).toEqual({
      birthDate: { year: 1986, month: 9, day: 26 },
      tmtYear: 2015,
      tmtMonth: 5,
      pppkCode: null,
      kind: 'PNS',
      sex: 'P',
      sequence: 3,
    });
  });

  it.each([
    ['199105252023211031', 21],
    ['199105252025241031', 24],
    ['199105252023131031', 13],
    ['199105252023991031', 99],
  ])('NI PPPK %s carries code %i instead of a month', (raw, code) => {
    const facts = analyzeNip(raw, ctx).facts;
    expect(facts?.kind).toBe('PPPK');
    expect(facts?.pppkCode).toBe(code);
    expect(facts?.tmtMonth).toBeNull();
  });

  it.each(['198609262015011001', '198609262015121001'])('month boundaries %s stay PNS', (raw) => {
    expect(analyzeNip(raw, ctx).facts?.kind).toBe('PNS');
  });
});

describe('a NIP inside other text (a certificate subject)', () => {
  it.each([
    ['NIP198211032006042011', '198211032006042011'],
    ['Rina Marlina 198211032006042011 Curug', '198211032006042011'],
    ['1982110320060420119', null],
    ['tanpa NIP', null],
  ])('%s → %s', (text, nip) => {
    expect(nipInText(text)).toBe(nip);
  });
});
