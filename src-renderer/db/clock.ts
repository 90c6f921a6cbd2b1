import { compareRev, formatHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../domain/hlc';

/**
 * Hands out increasing revs for this installation. One per page (and one per worker), each
 * resumed inside every write transaction from the newest rev stored (see store.ts): IndexedDB runs
 * transactions on the same tables one after another, so the window and a worker never hand out
 * the same rev, and a rev received from elsewhere moves every later local rev past it.
 */
export class RevClock {
  private last: Hlc | null;

  constructor(
    private node: string,
    lastRev: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.last = lastRev ? parseHlc(lastRev) : null;
  }

  /** Moves the clock to at least `rev` (a rev issued by another page, or received from another installation). */
  observe(rev: string | null | undefined): void {
    const h = rev ? parseHlc(rev) : null;
    if (h) this.last = receiveHlc(this.last, h, this.node);
  }

  /** After re-keying a cloned installation: later revs carry the new node. */
  setNode(node: string): void {
    this.node = node;
  }

  /** The wall part of the newest rev known here, or the wall clock when that is later. */
  localMs(): number {
    return Math.max(this.now(), this.last?.wallMs ?? 0);
  }

  lastRev(): string | null {
    return this.last ? formatHlc(this.last) : null;
  }

  next(): string {
    this.last = tickHlc(this.last, this.now(), this.node);
    return formatHlc(this.last);
  }
}

export function laterRev(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return compareRev(a, b) >= 0 ? a : b;
}
