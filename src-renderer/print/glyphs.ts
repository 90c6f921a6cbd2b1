/**
 * Which font prints which character. Liberation Sans covers Latin, Greek and Cyrillic; an office
 * may have staff names in Arabic script, which Noto Sans Arabic prints. pdfmake has no per-glyph
 * fallback, so text with Arabic letters is cut into runs, each with its font. Anything neither font
 * has prints as □ (printedText), and the print dialog names those characters first (unprintable).
 */
import type { Content } from 'pdfmake/interfaces';
import { ARABIC_RANGES, MAIN_RANGES } from './glyphCoverage';

export const ARABIC_FONT = 'NotoSansArabic';

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Line breaks, tabs and invisible formatting characters print as nothing, not as boxes. */
function invisible(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff || cp === 0x00ad;
}

/**
 * Direction overrides and isolates (U+202A–202E, U+2066–2069). The screen obeys them and shows
 * the text reordered; pdfmake ignores them and prints the stored order. They are named in the print
 * dialog and left off the paper, so what is signed is the text as stored.
 */
function bidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

export function printable(cp: number): boolean {
  return !bidiControl(cp) && (invisible(cp) || inRanges(cp, MAIN_RANGES) || inRanges(cp, ARABIC_RANGES));
}

/** What prints where no bundled font has a glyph: one white square per character as the reader sees it. */
export const PLACEHOLDER = '\u25a1';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Latin up to Latin Extended-B: always printable, the fast path for almost every string. */
const PLAIN = /^[\n\t\u0020-\u007e\u00a0-\u024f]*$/;

/**
 * The text as it goes to the paper: direction controls dropped, and each grapheme that holds a
 * character no bundled font has printed as one □. pdfkit would draw a box per code point and
 * advance by a width its layout did not measure: a flag (two code points) pushed the next comma.
 */
export function printedText(text: string): string {
  if (PLAIN.test(text)) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const cps = [...segment].map((ch) => ch.codePointAt(0)!);
    const kept = cps.filter((cp) => !bidiControl(cp));
    if (kept.length === 0) continue;
    out += kept.every(printable) ? String.fromCodePoint(...kept) : PLACEHOLDER;
  }
  return out;
}

const needsArabic = (cp: number) => !inRanges(cp, MAIN_RANGES) && inRanges(cp, ARABIC_RANGES);

/** The distinct characters of `text` that no bundled font prints, in order of appearance. */
export function unprintableChars(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) if (!printable(ch.codePointAt(0)!) && !out.includes(ch)) out.push(ch);
  return out;
}

/** "U+1F600" for the warning, so a character the UI font also lacks is still identifiable. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A string as inline runs when it holds Arabic letters; the fallback font shapes the letters and
 * lays each run out right to left.
 */
export function scriptRuns(raw: string): string | { text: string; font?: string }[] {
  const text = printedText(raw);
  if (![...text].some((ch) => needsArabic(ch.codePointAt(0)!))) return text;
  const runs: { text: string; arabic: boolean }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs.at(-1);
    // Spaces and marks stay with the run they are in, so an Arabic name stays one run.
    const arabic = ch === ' ' || inRanges(cp, [[0x0300, 0x036f]]) ? (last?.arabic ?? false) : needsArabic(cp);
    if (last && last.arabic === arabic) last.text += ch;
    else runs.push({ text: ch, arabic });
  }
  // An Arabic run goes to the font as one piece with no-break spaces: the font lays a whole run out
  // right to left, while pdfmake would place its words left to right (and drop a space between).
  // Spaces at either end stay outside, or right-to-left layout would move them to the wrong side.
  return runs.flatMap((r) => {
    if (!r.arabic) return [{ text: r.text }];
    const [, lead, core, trail] = /^( *)(.*?)( *)$/s.exec(r.text)!;
    return [...(lead ? [{ text: lead }] : []), { text: core!.replace(/ /g, '\u00a0'), font: ARABIC_FONT }, ...(trail ? [{ text: trail }] : [])];
  });
}

const TEXT_BEARING = new Set(['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body']);

/** The content with every string holding Arabic letters turned into font runs. */
export function withFallbackFonts(content: Content): Content {
  const wrap = (s: string) => {
    const runs = scriptRuns(s);
    return typeof runs === 'string' ? runs : { text: runs };
  };
  const walk = (c: unknown, asTextValue: boolean): unknown => {
    if (typeof c === 'string') return asTextValue ? scriptRuns(c) : wrap(c);
    if (Array.isArray(c)) return c.map((x) => walk(x, false));
    if (!c || typeof c !== 'object') return c;
    const out: Record<string, unknown> = {};
    // Only text-bearing fields; a QR code's text, images and layouts stay as they are.
    for (const [k, v] of Object.entries(c)) out[k] = TEXT_BEARING.has(k) ? walk(v, k === 'text') : v;
    return out;
  };
  return walk(content, false) as Content;
}
