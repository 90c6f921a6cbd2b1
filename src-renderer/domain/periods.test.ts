import { describe, expect, it } from 'vitest';
import { annualEvaluationDeadline, currentPeriod, generatePeriods, isAfter, periodKey, periodOn, periodText, periodTitle, skpDeadline, toIsoRange } from './periods';

describe('period generation', () => {
  it('quarterly: four quarters, the fourth is AKHIR', () => {
    const ps = generatePeriods(2026, 'TRIWULANAN');
    expect(ps.map(periodTitle)).toEqual(['TRIWULAN I', 'TRIWULAN II', 'TRIWULAN III', 'TRIWULAN IV-AKHIR']);
    expect(ps.map((p) => `${p.start.month}/${p.start.day}-${p.end.month}/${p.end.day}`)).toEqual([
      '1/1-3/31', '4/1-6/30', '7/1-9/30', '10/1-12/31',
    ]);
    expect(ps.filter((p) => p.akhir)).toHaveLength(1);
  });

  it('semester: I and II-AKHIR', () => {
    const ps = generatePeriods(2026, 'SEMESTER');
    expect(ps.map(periodTitle)).toEqual(['SEMESTER I', 'SEMESTER II-AKHIR']);
    expect(ps[0]?.end).toEqual({ year: 2026, month: 6, day: 30 });
    expect(ps[1]?.start).toEqual({ year: 2026, month: 7, day: 1 });
  });

  it('monthly: twelve months, Desember is AKHIR, February follows leap years', () => {
    const ps = generatePeriods(2024, 'BULANAN');
    expect(ps).toHaveLength(12);
    expect(ps[0]?.label).toBe('JANUARI');
    expect(periodTitle(ps[11]!)).toBe('DESEMBER-AKHIR');
    expect(ps[1]?.end.day).toBe(29);
    expect(generatePeriods(2026, 'BULANAN')[1]?.end.day).toBe(28);
  });

  it('periods cover the year without gaps or overlaps', () => {
    for (const cadence of ['BULANAN', 'TRIWULANAN', 'SEMESTER'] as const) {
      const ps = generatePeriods(2026, cadence);
      expect(ps[0]?.start).toEqual({ year: 2026, month: 1, day: 1 });
      expect(ps.at(-1)?.end).toEqual({ year: 2026, month: 12, day: 31 });
      for (let i = 1; i < ps.length; i++) {
        const prevEnd = ps[i - 1]!.end;
        const next = ps[i]!.start;
        expect(next.day).toBe(1);
        expect(next.month).toBe(prevEnd.month + 1);
      }
    }
  });
});

describe('period text and deadlines', () => {
  it('prints the assessment period as on the forms', () => {
    expect(periodText({ year: 2026, month: 1, day: 1 }, { year: 2026, month: 12, day: 31 })).toBe('1 Januari s.d. 31 Desember 2026');
    expect(periodText({ year: 2025, month: 6, day: 1 }, { year: 2025, month: 12, day: 31 })).toBe('1 Juni s.d. 31 Desember 2025');
  });

  it('SKP by 31 January; annual evaluation by 31 January of the next year', () => {
    expect(skpDeadline(2026)).toEqual({ year: 2026, month: 1, day: 31 });
    expect(annualEvaluationDeadline(2026)).toEqual({ year: 2027, month: 1, day: 31 });
  });

  it('finds the period of a date', () => {
    const ps = generatePeriods(2026, 'TRIWULANAN');
    expect(periodOn(ps, { year: 2026, month: 11, day: 24 })?.label).toBe('TRIWULAN IV');
    expect(periodOn(ps, { year: 2026, month: 3, day: 31 })?.label).toBe('TRIWULAN I');
    expect(periodOn(ps, { year: 2027, month: 1, day: 1 })).toBeUndefined();
    expect(isAfter({ year: 2026, month: 2, day: 1 }, { year: 2026, month: 1, day: 31 })).toBe(true);
  });
});

describe('period keys and the current period', () => {
  const ps = generatePeriods(2026, 'TRIWULANAN');
  it('keys are stable and distinct per cadence', () => {
    expect(ps.map(periodKey)).toEqual(['2026-TRIWULANAN-1', '2026-TRIWULANAN-2', '2026-TRIWULANAN-3', '2026-TRIWULANAN-4']);
    expect(periodKey(generatePeriods(2026, 'SEMESTER')[0]!)).toBe('2026-SEMESTER-1');
  });
  it.each([
    [{ year: 2026, month: 2, day: 14 }, 'TRIWULAN I'],
    [{ year: 2026, month: 11, day: 24 }, 'TRIWULAN IV'],
    [{ year: 2025, month: 12, day: 31 }, 'TRIWULAN I'],
    [{ year: 2027, month: 1, day: 10 }, 'TRIWULAN IV'],
  ])('%o → %s', (today, label) => {
    expect(currentPeriod(ps, today)?.label).toBe(label);
  });
  it('ISO range of a period', () => {
    expect(toIsoRange(ps[1]!)).toEqual({ mulai: '2026-04-01', selesai: '2026-06-30' });
  });
});
