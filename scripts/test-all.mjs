// `npm test`: type-check, lint, unit tests, then the build and the end-to-end tests. Every phase runs
// even when an earlier one failed (a slow, loaded machine should still say what passed), and the
// last line is always `total: N passed, N failed, N skipped`. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { summarize } from './test-summary-lib.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (name, script) => {
  const started = Date.now();
  const ok = spawnSync(npm, ['run', script], { stdio: 'inherit' }).status === 0;
  return { name, ok, seconds: Math.round((Date.now() - started) / 1000) };
};
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

rmSync('.test-summary', { recursive: true, force: true });
const steps = [run('typecheck', 'typecheck'), run('lint', 'lint'), run('unit tests', 'test:unit'), run('end-to-end tests', 'test:e2e')];
const { lines, ok } = summarize({ unit: read('.test-summary/unit.json'), e2e: read('.test-summary/e2e.json'), steps });
// Where the time went, so a slow run on a loaded machine says which phase to look at.
const time = steps.map((s) => `${s.name} ${s.seconds} s`).join(' · ');
console.log(`\ntime: ${time} · all ${steps.reduce((n, s) => n + s.seconds, 0)} s\n${lines.join('\n')}`);
process.exit(ok ? 0 : 1);
