import { BULAN, daysInMonth, formatTanggal, toIsoDate, type CalendarDate } from './dates';
import type { SyncMeta } from './records';

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

/** "1 Okt–31 Des 2026": a period's dates short enough for a picker at 1024 px. */
export function periodTextShort(start: CalendarDate, end: CalendarDate): string {
  const mon = (d: CalendarDate) => (BULAN[d.month - 1] as string).slice(0, 3);
  const from = start.year === end.year ? `${start.day} ${mon(start)}` : `${start.day} ${mon(start)} ${start.year}`;
  return `${from}–${end.day} ${mon(end)} ${end.year}`;
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

/** Stable identifier of a generated period, stored on evaluations: "2026-TRIWULANAN-1". */
export function periodKey(p: Pick<PeriodDef, 'year' | 'cadence' | 'seq'>): string {
  return `${p.year}-${p.cadence}-${p.seq}`;
}

/**
 * The period an office is working on today: the one containing today inside the year, the
 * first before the year starts, the AKHIR one after it ended.
 */
export function currentPeriod(periods: readonly PeriodDef[], today: CalendarDate): PeriodDef | undefined {
  const first = periods[0];
  if (!first) return undefined;
  if (isAfter(first.start, today)) return first;
  return periodOn(periods, today) ?? periods.at(-1);
}

/** The office's choice for one performance year; without one the year is evaluated per quarter. */
export interface PerformanceYear extends SyncMeta {
  year: number;
  cadence: Cadence;
}

export const DEFAULT_CADENCE: Cadence = 'TRIWULANAN';

export function toIsoRange(p: Pick<PeriodDef, 'start' | 'end'>): { mulai: string; selesai: string } {
  return { mulai: toIsoDate(p.start), selesai: toIsoDate(p.end) };
}
