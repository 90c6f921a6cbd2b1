import { formatHlc, parseHlc, tickHlc, type Hlc } from '../domain/hlc';

/** Hands out increasing revs for this installation. */
export class RevClock {
  private last: Hlc | null;

  constructor(
    private readonly node: string,
    lastRev: string | null,
    private readonly now: () => number = Date.now,
  ) {
    this.last = lastRev ? parseHlc(lastRev) : null;
  }

  next(): string {
    this.last = tickHlc(this.last, this.now(), this.node);
    return formatHlc(this.last);
  }
}
