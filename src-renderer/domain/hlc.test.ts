import { describe, expect, it } from 'vitest';
import { COUNTER_MAX, compareRev, formatHlc, type Hlc, parseHlc, receiveHlc, revNode, revPlausibility, revWallMs, tickHlc } from './hlc';

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

  it('receiving a remote clock from the future keeps the next local edit after it', () => {
    const remote = { wallMs: 2000, counter: 3, node: 'b' };
    const seen = receiveHlc({ wallMs: 1000, counter: 0, node: 'a' }, remote, 'a');
    const next = tickHlc(seen, 1500, 'a');
    expect(next).toEqual({ wallMs: 2000, counter: 4, node: 'a' });
    expect(compareRev(formatHlc(next), formatHlc(remote))).toBe(1);
  });

  it('receiving an older clock changes nothing', () => {
    const last = { wallMs: 5000, counter: 2, node: 'a' };
    expect(receiveHlc(last, { wallMs: 4000, counter: 9, node: 'b' }, 'a')).toEqual(last);
  });

  it('a full counter moves the wall part on instead of growing a digit (which would sort wrong)', () => {
    // Before: "…-99999-x" followed by "…-100000-x" sorted before it.
    let last: Hlc | null = { wallMs: 7000, counter: COUNTER_MAX - 2, node: 'x' };
    const revs: string[] = [];
    for (let i = 0; i < 6; i++) {
      last = tickHlc(last, 7000, 'x');
      revs.push(formatHlc(last));
    }
    expect(revs.slice(1, 4)).toEqual(['000000000007000-99999-x', '000000000007001-00000-x', '000000000007001-00001-x']);
    expect([...revs].sort(compareRev)).toEqual(revs);
    expect(revs.every((r) => parseHlc(r) !== null)).toBe(true);
  });

  it('reads the installation and the wall time straight from a rev', () => {
    expect(revNode('001764000000123-00007-i3f9a')).toBe('i3f9a');
    expect(revWallMs('001764000000123-00007-i3f9a')).toBe(1_764_000_000_123);
  });

  const now = Date.UTC(2026, 11, 1);
  const rev = (ms: number) => formatHlc({ wallMs: ms, counter: 0, node: 'pc' });
  it.each([
    ['an hour ahead', rev(now + 3_600_000), 'ok'],
    ['a week behind', rev(now - 7 * 86_400_000), 'ok'],
    ['three days ahead: applied with a warning', rev(now + 3 * 86_400_000), 'ahead'],
    ['a year ahead: still a warning', rev(now + 365 * 86_400_000), 'ahead'],
    ['three years ahead: held back', rev(now + 3 * 365 * 86_400_000), 'tooFarAhead'],
    ['from 2019: held back', rev(Date.UTC(2019, 5, 1)), 'tooOld'],
    ['not a rev', 'kemarin', 'malformed'],
  ])('a received rev %s', (_name, r, expected) => {
    expect(revPlausibility(r, now)).toBe(expected);
  });

  it('ties on wall and counter break by office id', () => {
    expect(compareRev(formatHlc({ wallMs: 1, counter: 0, node: 'a' }), formatHlc({ wallMs: 1, counter: 0, node: 'b' }))).toBe(-1);
  });
});
