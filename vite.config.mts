import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The Content-Security-Policy goes into the built page only: the dev server injects an inline
 * React-refresh script that a strict policy would block. Electron sends the same policy as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspInBuild(): Plugin {
  return {
    name: 'kinerja-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: 'src-renderer',
  base: './',
  publicDir: '../assets/public',
  plugins: [react(), cspInBuild()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  worker: { format: 'es' },
  build: {
    outDir: mode === 'bench' ? '../dist-bench' : '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input:
        mode === 'bench'
          ? { index: 'src-renderer/index.html', bench: 'src-renderer/bench/bench.html' }
          : { index: 'src-renderer/index.html' },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    root: '.',
    include: ['src-renderer/**/*.test.ts', 'src-renderer/**/*.test.tsx', 'src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src-renderer/test-setup.ts'],
  },
}));
