/**
 * Who may carry whose writes, whom an introduction may introduce, and when two packages from one
 * installation show that its profile was copied (issue #25; README › Sinkronisasi).
 *
 * A package is signed by its sender; authority comes from that signed sender, never from the
 * installation ids written inside the records (a rev naming an installation is a claim, not a
 * proof). access.ts says who may WRITE a path; this file says who may CARRY a write to whom.
 */
import { revNode, revWallMs } from '../hlc';
import type { Installation } from './access';
import { hasSeen, headsOf, type SyncDoc, shapeOf, type ValuedHead } from './merge';
import { sameValue } from './paths';

/** The parts of an installation the rules read. */
export type Party = Pick<Installation, 'id' | 'officeId' | 'role'> & { retiredAt?: string | null; nama?: string };

/**
 * The relay rule, as a table:
 *
 * | sender   | may carry new writes stamped by                                   |
 * |----------|-------------------------------------------------------------------|
 * | PENILAI  | itself only                                                       |
 * | KANTOR   | itself, its own office's installations (laptops, a back-up PC), a BKD |
 * | BKD      | itself, installations of offices other than the receiver's          |
 *
 * Never, whoever sends: writes stamped by the receiver itself (it holds its own writes), and
 * writes by an installation the receiver does not know. Anything else a package holds must be a
 * write the receiver already has, unchanged (see relayViolations).
 */
export function mayCarry(sender: Party, writer: Party | undefined, receiver: Party): boolean {
  if (!writer) return false;
  if (writer.id === receiver.id) return false;
  if (writer.id === sender.id) return true;
  switch (sender.role) {
    case 'PENILAI':
      return false;
    case 'KANTOR':
      return writer.officeId === sender.officeId || writer.role === 'BKD';
    case 'BKD':
      return writer.officeId !== receiver.officeId;
  }
}

/** A write under a retired id made after its retirement (a restored or re-enrolled PC's old identity). */
export function writtenWhileRetired(writer: Party | undefined, rev: string): boolean {
  const at = writer?.retiredAt;
  if (!at) return false;
  return new Date(revWallMs(rev)).toISOString() > at;
}

export interface RelayViolation {
  path: string;
  writer: string;
  why: 'notCarried' | 'retired';
}

/**
 * The writes in `incoming` that its sender may not carry and that the receiver does not already
 * hold: a head the local copy has (same rev, same value) or has seen past is harmless, anything
 * else is a forged or smuggled write. Empty when the record may be taken.
 */
export function relayViolations(
  table: string,
  local: SyncDoc | undefined,
  incoming: SyncDoc,
  carry: (writer: string) => boolean,
  party: (id: string) => Party | undefined,
): RelayViolation[] {
  const out: RelayViolation[] = [];
  const shape = shapeOf(table);
  const localHeads = local ? headsOf(local, shape) : new Map<string, ValuedHead[]>();
  const heads = headsOf(incoming, shape);
  // The record's creation is a write too (its base rev), even for a record with no paths.
  if (heads.size === 0) heads.set('', [{ r: incoming.sv?.b ?? incoming.rev, value: undefined }]);
  for (const [path, hs] of heads) {
    for (const h of hs) {
      const writer = revNode(h.r);
      if (writtenWhileRetired(party(writer), h.r)) {
        out.push({ path, writer, why: 'retired' });
        continue;
      }
      if (carry(writer)) continue;
      const mine = localHeads.get(path) ?? [];
      const held = mine.some((m) => m.r === h.r && !!m.d === !!h.d && (!!m.d || sameValue(m.value, h.value)));
      // A write the local copy has already seen past is dropped by the merge: no harm — unless it
      // also claims to have seen a local head (only a forged stamp can be both before and after).
      const superseded = mine.some((m) => hasSeen(m, h)) && !mine.some((m) => hasSeen(h, m));
      if (!held && !superseded) out.push({ path, writer, why: 'notCarried' });
    }
  }
  return out;
}

/** Who an introduction may introduce to whom: never a KANTOR or PENILAI of the receiver's own office. */
export function introductionAllowed(receiver: Party, introduced: Party): 'ok' | 'ownOffice' | 'notBkd' {
  if (introduced.officeId === receiver.officeId) return 'ownOffice';
  // An office learns of its BKD; a BKD learns of the offices it collects. Nothing else.
  if (receiver.role === 'BKD') return introduced.role === 'KANTOR' || introduced.role === 'BKD' ? 'ok' : 'notBkd';
  return introduced.role === 'BKD' ? 'ok' : 'notBkd';
}

/**
 * One link of an installation's package chain: every package it builds extends the chain by one
 * (seq, hash of the link before, the package and the audit head at that moment).
 */
export interface ChainLinkRef {
  seq: number;
  hash: string;
  /** ISO time the package was made. */
  at: string;
}

/**
 * Two lists of links from one installation fork when they hold different links at one position:
 * two PCs continue one identity (a copied profile). Returns the first clashing position and the
 * last position both agree on (the copy was made after it), or null.
 */
export function findFork(known: readonly ChainLinkRef[], incoming: readonly ChainLinkRef[]): { seq: number; since: ChainLinkRef | null } | null {
  const theirs = new Map(incoming.map((l) => [l.seq, l]));
  let since: ChainLinkRef | null = null;
  for (const l of [...known].sort((a, b) => a.seq - b.seq)) {
    const other = theirs.get(l.seq);
    if (!other) continue;
    if (other.hash !== l.hash) return { seq: l.seq, since };
    since = l;
  }
  return null;
}

/** The short code people compare on two screens: 16 hex digits of the key's fingerprint in groups of four. */
export function keyCode(fingerprintHex: string): string {
  return (fingerprintHex.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join('-');
}
