/**
 * The audit log as a hash chain (issue #16): every entry carries its position, the hash of the
 * entry before it and its own hash, and the installation keeps the newest position and hash (the
 * head). Editing an entry changes its hash; deleting one leaves a gap; deleting the newest ones
 * leaves the chain shorter than its head. Anyone who knows this rule can rebuild a whole chain, so
 * this makes tampering evident, not impossible: a backup carries the head, and a chain rebuilt
 * after that backup no longer matches it.
 *
 * The hash is computed synchronously (@noble/hashes): entries are chained inside the Dexie
 * transaction that writes them, where awaiting WebCrypto would end the transaction.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** The fields the chain adds to an entry. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** Before the first entry. */
export const GENESIS: ChainHead = { seq: 0, hash: '' };

/** JSON with object keys sorted at every level: the same entry always hashes the same. */
export function stableJson(value: unknown): string {
  // Binary fields (attachments, scanned signatures) as the hash of their bytes.
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return JSON.stringify(`bin:${bytesToHex(sha256(bytes))}`);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
}

/** The hash of an entry: everything it says except its own hash. */
export function linkHash(entry: object): string {
  const { hash: _own, ...rest } = entry as Record<string, unknown>;
  return bytesToHex(sha256(utf8ToBytes(stableJson(rest))));
}

/** Appends entries after `head`, in the order given; returns them linked and the new head. */
export function chainEntries<T extends object>(head: ChainHead, entries: readonly T[]): { linked: (T & ChainLink)[]; head: ChainHead } {
  let prev = head;
  const linked = entries.map((e) => {
    const { seq: _s, prevHash: _p, hash: _h, ...plain } = e as T & Partial<ChainLink>;
    const base = { ...plain, seq: prev.seq + 1, prevHash: prev.hash } as unknown as T & ChainLink;
    const hash = linkHash(base);
    prev = { seq: base.seq, hash };
    return { ...base, hash };
  });
  return { linked, head: prev };
}

export type ChainBreak =
  /** The entry's content no longer matches its hash. */
  | { kind: 'edited'; seq: number; id: string }
  /** Entries before this one are missing (deleted). */
  | { kind: 'missing'; seq: number; id: string; expectedSeq: number }
  /** This entry does not follow the one before it (replaced or re-chained). */
  | { kind: 'relinked'; seq: number; id: string }
  /** The newest entries are gone: the chain ends before the head this installation recorded. */
  | { kind: 'truncated'; seq: number; expectedSeq: number }
  /** Entries written without a link (after the chain began). */
  | { kind: 'unlinked'; id: string }
  /** Another installation holds this chain's head at `seq` and it differs here (or the chain ends before it): rewritten. */
  | { kind: 'anchor'; seq: number; nama: string; at: string }
  /** A record whose stored content matches no version the audit log wrote: edited outside the app. */
  | { kind: 'record'; table: string; id: string; label: string };

export type ChainCheck = { ok: true; count: number; head: ChainHead } | { ok: false; count: number; broken: ChainBreak };

/**
 * Checks a chain (any order; it is sorted by position) against the head recorded beside it.
 * Reports the first break in chain order, which is what the admin needs to look at.
 */
export function verifyChain(entries: readonly (object & { id: string } & Partial<ChainLink>)[], head: ChainHead = GENESIS): ChainCheck {
  const unlinked = entries.find((e) => typeof e.seq !== 'number' || typeof e.hash !== 'string');
  if (unlinked) return { ok: false, count: entries.length, broken: { kind: 'unlinked', id: unlinked.id } };
  const sorted = [...entries].sort((a, b) => a.seq! - b.seq!);
  let prev = GENESIS;
  for (const e of sorted) {
    const seq = e.seq!;
    if (seq !== prev.seq + 1) return { ok: false, count: sorted.length, broken: { kind: 'missing', seq, id: e.id, expectedSeq: prev.seq + 1 } };
    if (linkHash(e) !== e.hash) return { ok: false, count: sorted.length, broken: { kind: 'edited', seq, id: e.id } };
    if (e.prevHash !== prev.hash) return { ok: false, count: sorted.length, broken: { kind: 'relinked', seq, id: e.id } };
    prev = { seq, hash: e.hash! };
  }
  if (prev.seq < head.seq) return { ok: false, count: sorted.length, broken: { kind: 'truncated', seq: prev.seq, expectedSeq: head.seq } };
  if (prev.seq === head.seq && prev.hash !== head.hash) {
    const last = sorted[sorted.length - 1];
    return { ok: false, count: sorted.length, broken: { kind: 'relinked', seq: prev.seq, id: last?.id ?? '' } };
  }
  return { ok: true, count: sorted.length, head: prev };
}

/**
 * The SHA-256 of a record version as stored. Every audit entry keeps the hash of what it wrote,
 * so a record whose stored content matches no audited version was edited outside the app.
 */
export function recordHash(doc: object): string {
  return bytesToHex(sha256(utf8ToBytes(stableJson(doc)))).slice(0, 32);
}
