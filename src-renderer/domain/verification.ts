/**
 * Verification codes printed on every form (QR + text): "KL-EVA-199001012015011001-2026TW1-7K3F9Q2M".
 * The code names the document kind, the NIP and the period, and ends with a hash of the canonical
 * content that was printed, so months later the office can tell whether the record still says what
 * the signed paper says. A USB scanner "types" the QR text, so the code is plain ASCII without
 * characters that keyboard layouts swap.
 */
import { normalizeNip } from './nip';

export const DOC_KINDS = ['SKP', 'EVA', 'DEK', 'RKP'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** What a printed document said, as ordered key → value pairs (keys are stable identifiers). */
export type CanonicalContent = readonly (readonly [string, string])[];

export interface VerificationCode {
  kind: DocKind;
  /** 18-digit NIP / NI PPPK, or "0" when the person has none (an external appraiser). */
  nip: string;
  /** Compact period: "2026" (SKP), "2026TW1", "2026S2", "2026B11". */
  period: string;
  hash: string;
}

const PREFIX = 'KL';
// Crockford base32: no I, L, O, U, so a misread 0/O or 1/I still parses.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const HASH_CHARS = 8;

/** "2026-TRIWULANAN-1" → "2026TW1"; a bare year stays as it is. */
export function compactPeriod(periodId: string): string {
  const m = /^(\d{4})-(TRIWULANAN|SEMESTER|BULANAN)-(\d{1,2})$/.exec(periodId);
  if (!m) return /^\d{4}$/.test(periodId) ? periodId : periodId.replace(/[^0-9A-Z]/gi, '').toUpperCase();
  const tag = m[2] === 'TRIWULANAN' ? 'TW' : m[2] === 'SEMESTER' ? 'S' : 'B';
  return `${m[1]}${tag}${Number(m[3])}`;
}

/** "2026TW1" → "2026-TRIWULANAN-1" (inverse of compactPeriod; a year stays a year). */
export function expandPeriod(compact: string): string | null {
  if (/^\d{4}$/.test(compact)) return compact;
  const m = /^(\d{4})(TW|S|B)(\d{1,2})$/.exec(compact);
  if (!m) return null;
  const cadence = m[2] === 'TW' ? 'TRIWULANAN' : m[2] === 'S' ? 'SEMESTER' : 'BULANAN';
  return `${m[1]}-${cadence}-${Number(m[3])}`;
}

export function formatCode(c: VerificationCode): string {
  return [PREFIX, c.kind, c.nip || '0', c.period, c.hash].join('-');
}

/**
 * Reads a code as typed, pasted or scanned: case, surrounding spaces and the separators a scanner
 * with another keyboard layout may produce are forgiven; O/I/L read as 0/1/1 in the hash.
 */
export function parseCode(raw: string): VerificationCode | null {
  const parts = raw
    .trim()
    .toUpperCase()
    .split(/[-_/\s]+/)
    .filter(Boolean);
  if (parts.length !== 5 || parts[0] !== PREFIX) return null;
  const [, kind, nip, period, hashRaw] = parts as [string, string, string, string, string];
  if (!(DOC_KINDS as readonly string[]).includes(kind)) return null;
  if (!/^(0|\d{18})$/.test(nip)) return null;
  if (expandPeriod(period) === null) return null;
  const hash = hashRaw.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (hash.length !== HASH_CHARS || [...hash].some((ch) => !BASE32.includes(ch))) return null;
  return { kind: kind as DocKind, nip, period, hash };
}

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

/** The serialisation that is hashed: order and every character count, nothing else does. */
export function canonicalString(content: CanonicalContent): string {
  return JSON.stringify(content);
}

/** First 40 bits of SHA-256 over the canonical content, in base32 (8 characters). */
export async function contentHash(content: CanonicalContent): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalString(content)));
  return base32(new Uint8Array(digest), HASH_CHARS);
}

export function verificationNip(nip: string): string {
  const n = normalizeNip(nip);
  return /^\d{18}$/.test(n) ? n : '0';
}

export type ContentChange =
  | { kind: 'changed'; key: string; from: string; to: string }
  | { kind: 'added'; key: string; to: string }
  | { kind: 'removed'; key: string; from: string };

/** What differs between the printed content and today's, in the printed order. */
export function diffContent(printed: CanonicalContent, current: CanonicalContent): ContentChange[] {
  const now = new Map(current.map(([k, v]) => [k, v]));
  const before = new Map(printed.map(([k, v]) => [k, v]));
  const out: ContentChange[] = [];
  for (const [key, from] of printed) {
    const to = now.get(key);
    if (to === undefined) out.push({ kind: 'removed', key, from });
    else if (to !== from) out.push({ kind: 'changed', key, from, to });
  }
  for (const [key, to] of current) if (!before.has(key)) out.push({ kind: 'added', key, to });
  return out;
}

/** What the print log keeps of a printed document, so "Verifikasi dokumen" can say what changed. */
export interface PrintRecord {
  code: string;
  kind: DocKind;
  /** The record the document was printed from: SKP, evaluation, or unit (rekap). */
  docId: string;
  periodId: string;
  nip: string;
  ownerNama: string;
  title: string;
  draft: boolean;
  content: CanonicalContent;
}
