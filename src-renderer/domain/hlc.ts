/**
 * Hybrid logical clock used as every document's `rev`.
 *
 * Offices exchange spreadsheets instead of syncing live, so two offices may edit the same record
 * offline. A rev orders those edits without a server: wall-clock milliseconds, a counter for edits
 * in the same millisecond (or while the clock went backwards), and the office id as tie-break.
 * Its string form sorts lexicographically in the same order as the clock.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 5;

export function formatHlc(h: Hlc): string {
  return `${String(h.wallMs).padStart(WALL_WIDTH, '0')}-${String(h.counter).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

export function parseHlc(rev: string): Hlc | null {
  const m = /^(\d{15})-(\d{5})-(.+)$/.exec(rev);
  if (!m) return null;
  return { wallMs: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

/** Next clock value for a local event, never behind `last` even if the wall clock went back. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  return { wallMs: last.wallMs, counter: last.counter + 1, node };
}

/** Merge a clock seen in imported data so later local edits sort after it. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const base = !last || remote.wallMs > last.wallMs || (remote.wallMs === last.wallMs && remote.counter > last.counter) ? remote : last;
  if (nowMs > base.wallMs) return { wallMs: nowMs, counter: 0, node };
  return { wallMs: base.wallMs, counter: base.counter + 1, node };
}

export function compareRev(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
