import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { summarize } from './test-summary-lib.mjs';

const unit = { numPassedTests: 700, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
const e2e = { stats: { expected: 14, flaky: 0, unexpected: 0, skipped: 1 } };
const ok = [{ name: 'typecheck', ok: true }];

describe('the total line of npm test', () => {
  it('adds unit and e2e', () => {
    expect(summarize({ unit, e2e, steps: ok })).toEqual({ ok: true, lines: ['typecheck: ok', 'unit: 700 passed, 0 failed, 0 skipped', 'e2e: 14 passed, 0 failed, 1 skipped', 'total: 714 passed, 0 failed, 1 skipped'] });
  });

  it('is printed when the unit tests crashed and e2e never reported: each missing report counts as a failure', () => {
    const r = summarize({ unit: null, e2e: null, steps: [{ name: 'unit tests', ok: false }] });
    expect(r.ok).toBe(false);
    expect(r.lines.at(-1)).toBe('total: 0 passed, 2 failed, 0 skipped');
  });

  it('a failed lint fails the run even when every test passed', () => {
    expect(summarize({ unit, e2e, steps: [{ name: 'lint', ok: false }] }).ok).toBe(false);
  });
});
