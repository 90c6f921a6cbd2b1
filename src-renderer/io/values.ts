/**
 * Reading cell values the way offices write them (issue #6 §3, docs/aturan-kinerja.md §10.4, §11.1, §13.2).
 * Pure functions: a value in, a parsed value or an error code out. Nothing is guessed.
 */
import { BULAN, isValidDate, toIsoDate, type CalendarDate } from '../domain/dates';
import { GOLONGAN_PNS, GOLONGAN_PPPK } from '../domain/golongan';
import { normalizeNip } from '../domain/nip';
import { stripInvisible } from '../domain/text';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = <T>(code: string, params?: Record<string, string | number>): ParseResult<T> => ({ ok: false, code, ...(params ? { params } : {}) });

/** Trim, drop invisible characters, fold non-breaking spaces and tabs and collapse runs of white space. */
export function cleanText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return stripInvisible(String(v)).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A NIP cell. Text is normalised; a *number* has already lost digits 16–18 to Excel's 15-digit
 * precision (or shows as 1,98E+17), so it is refused with instructions instead of guessed.
 */
export function parseNipCell(v: unknown): ParseResult<string> {
  if (typeof v === 'number') return fail('nipNumeric');
  const text = cleanText(v);
  if (!text) return fail('nipEmpty');
  if (/^\d([.,]\d+)?e\+?\d+$/i.test(text.replace(/\s/g, ''))) return fail('nipNumeric');
  const n = normalizeNip(text);
  if (!/^\d+$/.test(n)) return fail('nipNotDigits');
  if (n.length !== 18) return fail('nipLength', { count: n.length });
  return ok(n);
}

/**
 * Golongan as written: "III/d", "III.d", "III-d", "IIId", "Penata Tk. I / III/d",
 * "Penata Tingkat I (III/d)", "IX" (PPPK), or just the pangkat name ("Penata Tingkat I").
 * A bare "III" is PPPK golongan III; whether it fits the employee's status is checked by
 * validateEmployee, not here.
 */
export function parseGolongan(v: unknown): ParseResult<string> {
  const text = cleanText(v);
  if (!text) return ok('');
  const code = /\b(IV|III|II|I)\s*[/.-]?\s*([a-e])\b/i.exec(text);
  if (code) {
    const candidate = `${(code[1] as string).toUpperCase()}/${(code[2] as string).toLowerCase()}`;
    if (GOLONGAN_PNS.some((g) => g.code === candidate)) return ok(candidate);
  }
  const upper = text.toUpperCase();
  if (GOLONGAN_PPPK.includes(upper)) return ok(upper);
  const folded = text.toLowerCase().replace(/\btk\.?\s*/g, 'tingkat ').replace(/\s+/g, ' ').trim();
  const byName = [...GOLONGAN_PNS].reverse().find((g) => folded === g.pangkat.toLowerCase());
  if (byName) return ok(byName.code);
  return fail('golonganUnknown', { text });
}

const MONTHS: Record<string, number> = Object.fromEntries(BULAN.map((m, i) => [m.toLowerCase(), i + 1]));
// Legacy spellings still found in old data (§13.2), and the usual abbreviations.
Object.assign(MONTHS, { pebruari: 2, nopember: 11, agustus: 8, jan: 1, feb: 2, peb: 2, mar: 3, apr: 4, jun: 6, jul: 7, agu: 8, agt: 8, ags: 8, sep: 9, sept: 9, okt: 10, nov: 11, nop: 11, des: 12 });

/**
 * Excel's 1900 date system: serial 1 = 1 January 1900, and serial 60 is the 29 February 1900 that
 * never existed (kept by Excel for Lotus compatibility), so serials from 61 count from 1899-12-30.
 */
export function fromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465 || Math.floor(serial) === 60) return null;
  const days = Math.floor(serial) < 60 ? Math.floor(serial) + 1 : Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A date cell as ISO text: Excel serials and Date objects, dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd, "12 Januari 2024". */
export function parseTanggal(v: unknown): ParseResult<string> {
  if (v === null || v === undefined || v === '') return ok('');
  let d: CalendarDate | null = null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('dateInvalid', { text: String(v) });
    d = { year: v.getFullYear(), month: v.getMonth() + 1, day: v.getDate() };
  } else if (typeof v === 'number') {
    d = fromExcelSerial(v);
  } else {
    const text = cleanText(v).toLowerCase();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text))) d = { day: +m[1]!, month: +m[2]!, year: +m[3]! };
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) d = { year: +m[1]!, month: +m[2]!, day: +m[3]! };
    else if ((m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text)) && MONTHS[m[2]!]) d = { day: +m[1]!, month: MONTHS[m[2]!]!, year: +m[3]! };
    else if (/^\d+(\.\d+)?$/.test(text)) d = fromExcelSerial(Number(text));
  }
  if (!d || !isValidDate(d)) return fail('dateInvalid', { text: cleanText(v) });
  return ok(toIsoDate(d));
}

// Gelar that stand before the name ("Drs.", "H.", "Hj.", "dr.", "Ir.", "Prof.", "Dr.").
const FRONT_GELAR = /^((?:prof|dr|drs|dra|ir|h|hj|kh|r|rr|raden|dra)\.\s*)+/i;

/** Gelar written without dots, as some registers do (SE, SH, MM, S Kom…). */
const BARE_GELAR = new Set(['se', 'sh', 'st', 'sp', 'ss', 'mm', 'mt', 'mh', 'mp', 'msi', 'mpd', 'spd', 'skom', 'mkom', 'sip', 'sos', 'ssos', 'map', 'amd', 'ak', 'ca', 'ked', 'mkes', 'skm', 'sag', 'shi', 'stp', 'ssi', 'phd', 'mba', 'msc', 'bsc', 'llm']);

/**
 * One gelar belakang: "M.Si.", "S.Kom", "A.Md.Kep.", "Ph.D", "SE", "M.M." — short dotted
 * abbreviations or a known bare one. "Budi" (a surname written first) is not.
 */
function isGelarBelakang(part: string): boolean {
  const p = part.trim();
  if (!p) return false;
  if (BARE_GELAR.has(p.replace(/[\s.]/g, '').toLowerCase())) return true;
  if (!p.includes('.')) return false;
  return p
    .split(/[.\s]+/)
    .filter(Boolean)
    .every((token) => /^[A-Za-z]{1,5}$/.test(token) && /^[A-Z]/.test(token));
}

/**
 * "Drs. H. Asep Saepudin, M.Si." → gelar depan "Drs. H.", nama "Asep Saepudin", gelar belakang "M.Si.".
 * The text after the first comma becomes gelar belakang only when every comma-separated part of it
 * is a recognised gelar; "Siregar, Budi" stays one name.
 */
export function splitNameAndGelar(v: unknown): { gelarDepan: string; nama: string; gelarBelakang: string } {
  const text = cleanText(v);
  const found = text.indexOf(',');
  const comma = found >= 0 && text.slice(found + 1).split(',').every(isGelarBelakang) ? found : -1;
  const main = comma >= 0 ? text.slice(0, comma) : text;
  const gelarBelakang = comma >= 0 ? cleanText(text.slice(comma + 1)) : '';
  const front = FRONT_GELAR.exec(main);
  const gelarDepan = front ? cleanText(front[0]) : '';
  const nama = cleanText(front ? main.slice(front[0].length) : main);
  return { gelarDepan, nama, gelarBelakang };
}

/**
 * Text that Excel would evaluate if it were typed into a cell (=, +, -, @, tab, carriage return at
 * the start). Exports must write such values as typed text cells so Excel shows them verbatim.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
