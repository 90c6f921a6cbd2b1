import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { appPort } from './scripts/port.cjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// Read as data, not imported from src-main/csp.ts: Vite's config loader warns on a TypeScript import.
// The page policy is written as policyText writes it; src-main/window-options.test.ts holds them equal.
const csp = JSON.parse(readFileSync(new URL('./src-main/csp.json', import.meta.url), 'utf8')) as { directives: Record<string, string>; page: Record<string, string> };
const PAGE_CONTENT_SECURITY_POLICY = Object.entries({ ...csp.directives, ...csp.page })
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/**
 * The Content-Security-Policy goes into the built page only: the dev server injects an inline
 * React-refresh script that the policy would block. Electron also sends it as a header.
 */
function cspInBuild(): Plugin {
  return {
    name: 'kinerja-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${PAGE_CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig(({ mode }) => {
  // The bench build adds a page with data seeding hooks; it is never part of `dist/`.
  const input: Record<string, string> = { index: fromRoot('./src-renderer/index.html') };
  if (mode === 'bench') input.bench = fromRoot('./src-renderer/bench/bench.html');
  return {
    root: 'src-renderer',
    base: './',
    publicDir: '../assets/public',
    plugins: [react(), cspInBuild()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    build: {
      outDir: mode === 'bench' ? '../dist-bench' : '../dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      // Rolldown's timing note after every build says nothing an office needs (#30 item 8).
      rollupOptions: { input, checks: { pluginTimings: false } },
    },
    preview: { host: '127.0.0.1', port: appPort(), strictPort: true },
    test: {
      root: '.',
      include: ['src-renderer/**/*.test.{ts,tsx}', 'src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['src-renderer/test-setup.ts'],
      // Sized for a loaded 2-core box: rendering, IndexedDB and schema checks slow down several-fold there.
      testTimeout: 30_000,
      // Every core: Vitest's default leaves one idle, which on a 2-core box ran the files one at a time
      // (unit tests 133 s → 87 s here, #30 item 8).
      maxWorkers: availableParallelism(),
      reporters: ['default', 'json'],
      outputFile: { json: '.test-summary/unit.json' },
    },
  };
});
