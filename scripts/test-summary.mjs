// One closing line for the whole suite (unit + e2e), in the plain form CI reads:
//   total: N passed, N failed, N skipped
import { readFileSync } from 'node:fs';

const unit = JSON.parse(readFileSync('.test-summary/unit.json', 'utf8'));
const e2e = JSON.parse(readFileSync('.test-summary/e2e.json', 'utf8'));

const u = { passed: unit.numPassedTests, failed: unit.numFailedTests, skipped: unit.numPendingTests + unit.numTodoTests };
const s = e2e.stats;
const e = { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };

console.log(`\nunit: ${u.passed} passed, ${u.failed} failed, ${u.skipped} skipped`);
console.log(`e2e: ${e.passed} passed, ${e.failed} failed, ${e.skipped} skipped`);
console.log(`total: ${u.passed + e.passed} passed, ${u.failed + e.failed} failed, ${u.skipped + e.skipped} skipped`);
if (u.failed + e.failed > 0 || u.passed + e.passed === 0) process.exit(1);
