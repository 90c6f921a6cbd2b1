import { describe, expect, it } from 'vitest';
import { compareRev, formatHlc, parseHlc, receiveHlc, tickHlc } from './hlc';

describe('hybrid logical clock', () => {
  it('formats to a fixed-width string and parses back', () => {
    const h = { wallMs: 1_764_000_000_123, counter: 7, node: 'office-a' };
    const s = formatHlc(h);
    expect(s).toBe('001764000000123-00007-office-a');
    expect(parseHlc(s)).toEqual(h);
  });

  it('rejects strings that are not revs', () => {
    expect(parseHlc('12-3-x')).toBeNull();
    expect(parseHlc('')).toBeNull();
  });

  it.each([
    ['first event', null, 1000, { wallMs: 1000, counter: 0 }],
    ['clock moved forward', { wallMs: 900, counter: 4, node: 'a' }, 1000, { wallMs: 1000, counter: 0 }],
    ['same millisecond', { wallMs: 1000, counter: 0, node: 'a' }, 1000, { wallMs: 1000, counter: 1 }],
    ['clock went backwards', { wallMs: 1000, counter: 2, node: 'a' }, 500, { wallMs: 1000, counter: 3 }],
  ])('tick: %s', (_name, last, now, expected) => {
    expect(tickHlc(last, now, 'a')).toEqual({ ...expected, node: 'a' });
  });

  it('revs sort in event order even when the wall clock stalls', () => {
    let last = null as ReturnType<typeof tickHlc> | null;
    const revs: string[] = [];
    for (const now of [5, 5, 5, 4, 6, 6]) {
      last = tickHlc(last, now, 'x');
      revs.push(formatHlc(last));
    }
    expect([...revs].sort(compareRev)).toEqual(revs);
    expect(new Set(revs).size).toBe(revs.length);
  });

  it('receiving a remote clock from the future keeps later local edits after it', () => {
    const remote = { wallMs: 2000, counter: 3, node: 'b' };
    const merged = receiveHlc({ wallMs: 1000, counter: 0, node: 'a' }, remote, 1500, 'a');
    expect(merged).toEqual({ wallMs: 2000, counter: 4, node: 'a' });
    expect(compareRev(formatHlc(merged), formatHlc(remote))).toBe(1);
  });

  it('ties on wall and counter break by office id', () => {
    expect(compareRev(formatHlc({ wallMs: 1, counter: 0, node: 'a' }), formatHlc({ wallMs: 1, counter: 0, node: 'b' }))).toBe(-1);
  });
});
