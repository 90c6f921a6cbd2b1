// Writes src-renderer/print/glyphCoverage.ts: the code points the bundled fonts can print, as
// ranges, so the print dialog can warn about characters that would print as empty boxes without
// loading a font. Run after changing assets/fonts; a unit test fails while the file is stale.
import { writeFileSync } from 'node:fs';
import { coverageSource } from './glyph-coverage-lib.mjs';

writeFileSync(new URL('../src-renderer/print/glyphCoverage.ts', import.meta.url), coverageSource());
console.log('src-renderer/print/glyphCoverage.ts written');
