// Renders every printed form from the sample data (the print tests write the PDFs) and turns each
// page into a PNG with pdftoppm, so the layouts can be looked at: docs/forms/<name>-<page>.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve('docs/forms');
const pdfDir = path.join(out, 'pdf');
rmSync(out, { recursive: true, force: true });
mkdirSync(pdfDir, { recursive: true });
execFileSync('npx', ['vitest', 'run', 'src-renderer/print/documents.test.ts'], { stdio: 'inherit', env: { ...process.env, PRINT_REVIEW_DIR: pdfDir } });
try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('pdftoppm not found: apt-get install -y poppler-utils');
  process.exit(1);
}
for (const f of readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'))) {
  execFileSync('pdftoppm', ['-png', '-r', '70', path.join(pdfDir, f), path.join(out, f.replace(/\.pdf$/, ''))]);
}
console.log(`PNG pages in ${path.relative(process.cwd(), out)}:`);
for (const f of readdirSync(out).filter((f) => f.endsWith('.png')).sort()) console.log(`  ${f}`);
