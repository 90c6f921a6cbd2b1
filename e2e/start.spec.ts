import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { electronBinary } from '../scripts/electron-binary.cjs';

/** A port nobody listens on now (not the suite's own). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** `node scripts/start-electron.mjs` with this environment; its output gathered as it comes. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/start-electron.mjs'], { env: { ...process.env, KINERJA_NO_BROWSER: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = { out: '' };
  child.stdout.on('data', (d: Buffer) => (log.out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log.out += d.toString()));
  return { child, log };
}

test('npm start on a machine without the Electron binary ends in the app answering on 127.0.0.1 at PORT', async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  // An empty Electron folder: what a fresh clone that could not download Electron has.
  const noElectron = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
  const { child, log } = start({ PORT: String(port), ELECTRON_OVERRIDE_DIST_PATH: noElectron });
  try {
    const out = () => log.out;
    await expect.poll(out, { timeout: 60_000 }).toContain(`KINERJA_URL http://127.0.0.1:${port}/`);
    expect(out()).toContain('Electron tidak tersedia di komputer ini');
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect(page.getByTestId('setup')).toBeVisible({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(noElectron, { recursive: true, force: true });
  }
});

test('a failed Electron download is said once, inside the box, not as a stray line above it (#30 item 8)', async () => {
  test.skip(electronBinary() !== null, 'this machine has the Electron binary: npm start opens the desktop app');
  test.setTimeout(120_000);
  const [port, nobody] = [await freePort(), await freePort()];
  const cache = mkdtempSync(path.join(tmpdir(), 'electron-cache-'));
  // The download goes to a port nobody listens on (as offline as this machine), with an empty cache.
  const { child, log } = start({ PORT: String(port), ELECTRON_MIRROR: `http://127.0.0.1:${nobody}/`, electron_config_cache: cache });
  try {
    await expect.poll(() => log.out, { timeout: 90_000 }).toContain('KINERJA_URL');
    const [before, inBox] = log.out.split(/^=+$/m);
    expect(before).not.toMatch(/gagal|failed|error/i);
    expect(inBox).toMatch(/Electron tidak tersedia di komputer ini \(unduhan gagal: .+\)\./);
    expect(log.out.match(/gagal/g)).toHaveLength(1);
  } finally {
    child.kill('SIGTERM');
    rmSync(cache, { recursive: true, force: true });
  }
});
