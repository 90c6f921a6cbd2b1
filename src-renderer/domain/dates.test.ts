import { describe, expect, it } from 'vitest';
import { BULAN, formatIsoTanggal, formatTanggal, formatTempatTanggal, isValidDate, parseIsoDate, toIsoDate } from './dates';

describe('Indonesian dates', () => {
  it('prints the place and date line like the forms', () => {
    expect(formatTempatTanggal(' Curug ', { year: 2026, month: 11, day: 23 })).toBe('Curug, 23 November 2026');
    expect(formatTanggal({ year: 2026, month: 1, day: 5 })).toBe('5 Januari 2026');
  });

  it('uses the standard month spellings', () => {
    expect(BULAN[1]).toBe('Februari');
    expect(BULAN[10]).toBe('November');
    expect(BULAN).toHaveLength(12);
  });

  it.each([
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2023, month: 2, day: 29 }, false],
    [{ year: 2026, month: 4, day: 31 }, false],
    [{ year: 2026, month: 13, day: 1 }, false],
    [{ year: 2026, month: 12, day: 31 }, true],
    [{ year: 2026, month: 1, day: 0 }, false],
  ])('validates %o → %s', (d, ok) => {
    expect(isValidDate(d)).toBe(ok);
  });

  it('round-trips ISO dates and refuses impossible ones', () => {
    expect(toIsoDate({ year: 1986, month: 9, day: 26 })).toBe('1986-09-26');
    expect(parseIsoDate('1986-09-26')).toEqual({ year: 1986, month: 9, day: 26 });
    expect(parseIsoDate('1986-02-30')).toBeNull();
    expect(parseIsoDate('26-09-1986')).toBeNull();
  });
});

describe('formatIsoTanggal', () => {
  it('formats ISO dates in Indonesian and leaves other text alone', () => {
    expect(formatIsoTanggal('2026-02-10')).toBe('10 Februari 2026');
    expect(formatIsoTanggal('kemarin')).toBe('kemarin');
  });
});
