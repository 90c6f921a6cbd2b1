/** Indonesian calendar text as printed on official forms (docs/aturan-kinerja.md §13.2). */
export const BULAN = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** A calendar date without time zone, as offices write it. */
export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export function isValidDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= daysInMonth(d.year, d.month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2026-11-23" */
export function toIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function parseIsoDate(s: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : null;
}

/** "23 November 2026": day without leading zero, Indonesian month, four-digit year. */
export function formatTanggal(d: CalendarDate): string {
  return `${d.day} ${BULAN[d.month - 1]} ${d.year}`;
}

/** "Curug, 23 November 2026" — no trailing period. */
export function formatTempatTanggal(tempat: string, d: CalendarDate): string {
  return `${tempat.trim()}, ${formatTanggal(d)}`;
}

export function fromJsDate(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** An ISO date as "12 Januari 2024"; text that is not an ISO date is returned as it is. */
export function formatIsoTanggal(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? formatTanggal(d) : iso;
}
