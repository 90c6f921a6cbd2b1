import { BULAN, daysInMonth, formatTanggal, type CalendarDate } from './dates';

/** How often an office evaluates in a year (§3.3, §14.2); the last period is the AKHIR one. */
export type Cadence = 'BULANAN' | 'TRIWULANAN' | 'SEMESTER';
export const CADENCES: readonly Cadence[] = ['TRIWULANAN', 'BULANAN', 'SEMESTER'];

export interface PeriodDef {
  year: number;
  cadence: Cadence;
  /** 1-based position in the year. */
  seq: number;
  /** "TRIWULAN I", "SEMESTER II", "JANUARI". */
  label: string;
  start: CalendarDate;
  end: CalendarDate;
  /** The final (annual) evaluation period. */
  akhir: boolean;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function generatePeriods(year: number, cadence: Cadence): PeriodDef[] {
  const months = cadence === 'BULANAN' ? 1 : cadence === 'TRIWULANAN' ? 3 : 6;
  const count = 12 / months;
  return Array.from({ length: count }, (_, i) => {
    const firstMonth = i * months + 1;
    const lastMonth = firstMonth + months - 1;
    const label =
      cadence === 'BULANAN'
        ? (BULAN[i] as string).toUpperCase()
        : `${cadence === 'TRIWULANAN' ? 'TRIWULAN' : 'SEMESTER'} ${ROMAN[i]}`;
    return {
      year,
      cadence,
      seq: i + 1,
      label,
      start: { year, month: firstMonth, day: 1 },
      end: { year, month: lastMonth, day: daysInMonth(year, lastMonth) },
      akhir: i === count - 1,
    };
  });
}

/** "TRIWULAN IV-AKHIR" as the forms print the final period. */
export function periodTitle(p: PeriodDef): string {
  return p.akhir ? `${p.label}-AKHIR` : p.label;
}

/** "1 Januari s.d. 31 Desember 2026" (year once when both dates share it). */
export function periodText(start: CalendarDate, end: CalendarDate): string {
  const from = start.year === end.year ? `${start.day} ${BULAN[start.month - 1]}` : formatTanggal(start);
  return `${from} s.d. ${formatTanggal(end)}`;
}

/** Reminders, never blocks (§14.4): SKP set by 31 January; annual evaluation by 31 January next year. */
export function skpDeadline(year: number): CalendarDate {
  return { year, month: 1, day: 31 };
}

export function annualEvaluationDeadline(year: number): CalendarDate {
  return { year: year + 1, month: 1, day: 31 };
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}

/** The period that contains a date, if any. */
export function periodOn(periods: readonly PeriodDef[], d: CalendarDate): PeriodDef | undefined {
  return periods.find((p) => !isAfter(p.start, d) && !isAfter(d, p.end));
}
