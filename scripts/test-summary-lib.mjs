// The closing lines of `npm test`, from whatever the phases left behind: a phase that crashed or was
// never reached counts as failed instead of silently missing, so the total line is always printed.

/** @param {{ unit: any | null, e2e: any | null, steps: { name: string, ok: boolean }[] }} input */
export function summarize({ unit, e2e, steps }) {
  const u = unit ? { passed: unit.numPassedTests, failed: unit.numFailedTests, skipped: unit.numPendingTests + unit.numTodoTests } : null;
  const s = e2e?.stats;
  const e = s ? { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped } : null;
  const failedSteps = steps.filter((x) => !x.ok).map((x) => x.name);
  const lines = [];
  for (const x of steps) lines.push(`${x.name}: ${x.ok ? 'ok' : 'FAILED'}`);
  lines.push(u ? `unit: ${u.passed} passed, ${u.failed} failed, ${u.skipped} skipped` : 'unit: no report (the unit tests did not finish)');
  lines.push(e ? `e2e: ${e.passed} passed, ${e.failed} failed, ${e.skipped} skipped` : 'e2e: no report (the end-to-end tests did not finish)');
  const passed = (u?.passed ?? 0) + (e?.passed ?? 0);
  const failed = (u?.failed ?? 0) + (e?.failed ?? 0) + (u ? 0 : 1) + (e ? 0 : 1);
  const skipped = (u?.skipped ?? 0) + (e?.skipped ?? 0);
  lines.push(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { lines, ok: failed === 0 && failedSteps.length === 0 && passed > 0 };
}
