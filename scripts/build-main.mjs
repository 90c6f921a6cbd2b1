// Builds the Electron main process: tsc for main (CommonJS), then bundles the preload into one
// file, because a sandboxed preload may only require('electron'), not sibling modules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build } from 'vite';

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.main.json'], { stdio: 'inherit' });

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'build/main',
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    lib: { entry: 'src-main/preload.ts', formats: ['cjs'], fileName: () => 'preload.js' },
    rollupOptions: { external: ['electron'] },
  },
});

const preload = readFileSync('build/main/preload.js', 'utf8');
const relative = preload.match(/require\(["']\.{1,2}\/[^"']*["']\)/g);
if (relative) {
  console.error(`Preload bundle still requires local files: ${relative.join(', ')}`);
  process.exit(1);
}
console.log('build/main ready (main + bundled preload)');
