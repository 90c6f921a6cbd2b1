/**
 * Hybrid logical clock used as every document's `rev` (and as every field write's rev, see
 * sync/merge.ts).
 *
 * Installations exchange files instead of syncing live, so two of them may edit the same record
 * offline. A rev orders those edits without a server: wall-clock milliseconds, a counter for edits
 * in the same millisecond (or while the clock went backwards), and the installation id (the node)
 * as tie-break. Its string form sorts lexicographically in the same order as the clock, which is
 * why both numbers have a fixed width and the counter never outgrows its five digits: when it would,
 * the wall part moves on by one millisecond instead.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 5;
export const COUNTER_MAX = 10 ** COUNTER_WIDTH - 1;
/** Where the node starts in a formatted rev: "<15 digits>-<5 digits>-<node>". */
const NODE_OFFSET = WALL_WIDTH + 1 + COUNTER_WIDTH + 1;

export function formatHlc(h: Hlc): string {
  return `${String(h.wallMs).padStart(WALL_WIDTH, '0')}-${String(h.counter).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

export function parseHlc(rev: string): Hlc | null {
  const m = /^(\d{15})-(\d{5})-([A-Za-z0-9_.:-]{1,64})$/.exec(rev);
  if (!m) return null;
  return { wallMs: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

/** The installation that wrote a rev (cheap: revs have a fixed-width prefix). */
export function revNode(rev: string): string {
  return rev.slice(NODE_OFFSET);
}

/** The wall-clock part of a rev in milliseconds. */
export function revWallMs(rev: string): number {
  return Number(rev.slice(0, WALL_WIDTH));
}

/** The event after `h` on the same node: counter + 1, or the next millisecond when the counter is full. */
function after(h: Hlc, node: string): Hlc {
  return h.counter >= COUNTER_MAX ? { wallMs: h.wallMs + 1, counter: 0, node } : { wallMs: h.wallMs, counter: h.counter + 1, node };
}

/** Next clock value for a local event, never behind `last` even if the wall clock went back. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  return after(last, node);
}

function later(a: Hlc, b: Hlc): Hlc {
  return a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter > b.counter) ? a : b;
}

/**
 * Merge a rev seen in received data, so that every later local edit sorts after it: an edit made
 * after seeing a value beats that value whatever the wall clocks say. Returns the new "last".
 */
export function receiveHlc(last: Hlc | null, remote: Hlc, node: string): Hlc {
  const base = last ? later(last, remote) : remote;
  return { ...base, node: base === last ? last.node : node };
}

export function compareRev(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 2020-01-01T00:00:00Z: no rev of this app can be older (it did not exist). */
export const OLDEST_PLAUSIBLE_MS = Date.UTC(2020, 0, 1);
const DAY_MS = 86_400_000;
/** Further ahead than this a rev is accepted only with a warning naming its sender. */
export const WARN_AHEAD_MS = DAY_MS;
/** Further ahead than this ("years ahead") a rev is held back, not applied. */
export const HOLD_AHEAD_MS = 2 * 365 * DAY_MS;

export type RevPlausibility = 'ok' | 'ahead' | 'tooOld' | 'tooFarAhead' | 'malformed';

/**
 * How far a received rev may be trusted, measured against the local clock (the later of the wall
 * clock and the newest rev this installation has issued or received). An office PC set months
 * ahead would otherwise win every field against everybody for as long as its clock stays wrong.
 */
export function revPlausibility(rev: string, localMs: number): RevPlausibility {
  const h = parseHlc(rev);
  if (!h) return 'malformed';
  if (h.wallMs < OLDEST_PLAUSIBLE_MS) return 'tooOld';
  if (h.wallMs - localMs > HOLD_AHEAD_MS) return 'tooFarAhead';
  if (h.wallMs - localMs > WARN_AHEAD_MS) return 'ahead';
  return 'ok';
}
