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
import { REVIEW_MARK } from './sync/reviewMark';
import { KNOWLEDGE_INDEX } from './sync/knowledgeIndex';

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
 * Walks a chain in order of position, one entry at a time (a cursor over millions of entries never
 * holds them all), from `from`: the genesis, or an entry verified before (its position and hash).
 * `step` returns the first break; `end` checks where the walk stopped against the head.
 */
export function chainWalker(from: ChainHead = GENESIS) {
  let prev = from;
  let last: { id: string } | null = null;
  return {
    step(e: object & { id: string } & Partial<ChainLink>): ChainBreak | null {
      if (typeof e.seq !== 'number' || typeof e.hash !== 'string') return { kind: 'unlinked', id: e.id };
      const seq = e.seq;
      if (seq !== prev.seq + 1) return { kind: 'missing', seq, id: e.id, expectedSeq: prev.seq + 1 };
      if (linkHash(e) !== e.hash) return { kind: 'edited', seq, id: e.id };
      if (e.prevHash !== prev.hash) return { kind: 'relinked', seq, id: e.id };
      prev = { seq, hash: e.hash };
      last = e;
      return null;
    },
    end(head: ChainHead): ChainBreak | null {
      if (prev.seq < head.seq) return { kind: 'truncated', seq: prev.seq, expectedSeq: head.seq };
      if (prev.seq === head.seq && prev.hash !== head.hash) return { kind: 'relinked', seq: prev.seq, id: last?.id ?? '' };
      return null;
    },
    get at(): ChainHead {
      return prev;
    },
  };
}

/**
 * Checks a chain (any order; it is sorted by position) against the head recorded beside it.
 * Reports the first break in chain order, which is what the admin needs to look at.
 */
export function verifyChain(entries: readonly (object & { id: string } & Partial<ChainLink>)[], head: ChainHead = GENESIS): ChainCheck {
  const unlinked = entries.find((e) => typeof e.seq !== 'number' || typeof e.hash !== 'string');
  if (unlinked) return { ok: false, count: entries.length, broken: { kind: 'unlinked', id: unlinked.id } };
  const sorted = [...entries].sort((a, b) => a.seq! - b.seq!);
  const walk = chainWalker();
  for (const e of sorted) {
    const broken = walk.step(e);
    if (broken) return { ok: false, count: sorted.length, broken };
  }
  const broken = walk.end(head);
  return broken ? { ok: false, count: sorted.length, broken } : { ok: true, count: sorted.length, head: walk.at };
}

/**
 * The SHA-256 of a record version as stored. Every audit entry keeps the hash of what it wrote,
 * so a record whose stored content matches no audited version was edited outside the app.
 */
export function recordHash(doc: object): string {
  // The review mark and the knowledge index are derived from the record on every write
  // (domain/sync/reviewMark.ts, knowledgeIndex.ts).
  const { [REVIEW_MARK]: _mark, [KNOWLEDGE_INDEX]: _kn, ...rest } = doc as Record<string, unknown>;
  return bytesToHex(sha256(utf8ToBytes(stableJson(rest)))).slice(0, 32);
}
