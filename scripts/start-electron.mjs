// `npm start` (after the build): the desktop app in Electron, or — when the Electron binary cannot
// be had on this machine (offline, GitHub blocked) — the same app served on 127.0.0.1 and opened in
// the default browser, so the first command of the README always ends in a working app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import electronBinaryModule from './electron-binary.cjs';
import portModule from './port.cjs';

const { electronBinary } = electronBinaryModule;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Electron's own lazy download (what `require('electron')` would do), bounded so a hung network
 * cannot stall the start. Returns why it failed, for the box (#30 item 8: one message, not a stray
 * "fetch failed" above it), or null.
 */
function tryElectronDownload() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return null;
  }
  console.log('Kinerja Luring: mengunduh Electron (sekali saja)… / downloading Electron once…');
  const run = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (run.status === 0) return null;
  return (`${run.stderr ?? ''}${run.error?.message ?? ''}`.split('\n').find((l) => l.trim()) ?? 'unknown error').trim().replace(/^\w*Error:\s*/, '').slice(0, 120);
}

function box(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '='.repeat(width + 4);
  return [bar, ...lines.map((l) => `  ${l}`), bar].join('\n');
}

/** The default browser, where there is one; never fatal. */
function openBrowser(url) {
  if (process.env.KINERJA_NO_BROWSER || process.env.CI) return false;
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function startInBrowser(downloadFailure) {
  if (!existsSync(path.join(root, 'dist', 'index.html'))) {
    console.error('Kinerja Luring: dist/ is missing; run `npm run build` first (npm start does).');
    process.exit(1);
  }
  const port = portModule.appPort();
  const url = `http://127.0.0.1:${port}/`;
  const { preview } = await import('vite');
  let server;
  try {
    server = await preview({ root: path.join(root, 'src-renderer'), configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' });
  } catch (err) {
    console.error(`Kinerja Luring: port ${port} is in use (${err?.message ?? err}). Start again with another port, e.g. PORT=4400 npm start.`);
    process.exit(1);
  }
  const opened = openBrowser(url);
  console.log(
    box([
      downloadFailure
        ? `Kinerja Luring: Electron tidak tersedia di komputer ini (unduhan gagal: ${downloadFailure}).`
        : 'Kinerja Luring: Electron tidak tersedia di komputer ini (belum terunduh / luring).',
      'Aplikasi yang sama berjalan di peramban:',
      `    ${url}`,
      opened ? 'Peramban bawaan sudah dibuka. Data tersimpan di profil peramban ini.' : 'Buka alamat itu di Chrome, Edge atau Firefox. Data tersimpan di profil peramban itu.',
      '',
      'Electron is not available here (not downloaded / offline); the same app runs at',
      `    ${url}`,
      'To get the desktop app: go online once and run `npx install-electron --no`, or set',
      'ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build. Ctrl+C stops the server.',
    ]),
  );
  // The address on its own line, for scripts and tests that wait for it.
  console.log(`KINERJA_URL ${url}`);
  const stop = () => server.httpServer.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

let binary = electronBinary();
let downloadFailure = null;
if (!binary) {
  downloadFailure = tryElectronDownload();
  binary = electronBinary();
}
if (binary) {
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await startInBrowser(downloadFailure);
}
