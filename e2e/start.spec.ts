import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

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

test('npm start on a machine without the Electron binary ends in the app answering on 127.0.0.1 at PORT', async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  // An empty Electron folder: what a fresh clone that could not download Electron has.
  const noElectron = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
  const child = spawn(process.execPath, ['scripts/start-electron.mjs'], {
    env: { ...process.env, PORT: String(port), ELECTRON_OVERRIDE_DIST_PATH: noElectron, KINERJA_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await expect.poll(() => out, { timeout: 60_000 }).toContain(`KINERJA_URL http://127.0.0.1:${port}/`);
    expect(out).toContain('Electron tidak tersedia di komputer ini');
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
