import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const load = createRequire(path.join(process.cwd(), 'package.json'));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire positions (@electron/fuses FuseV1Options) and their ASCII states. */
const FUSE = { runAsNode: 0, cookieEncryption: 1, nodeOptions: 2, inspect: 3, asarIntegrity: 4, onlyAsar: 5, fileProtocol: 7 };
const ON = 49;
const OFF = 48;

/**
 * A stand-in Electron distribution (the real one cannot be downloaded here): a binary holding a fuse
 * wire with every fuse on, as a stock Electron ships, and the files electron-builder copies.
 */
function fakeElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n${SENTINEL}`), Buffer.from([1, 8]), Buffer.alloc(8, ON)]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  for (const f of ['LICENSE', 'LICENSES.chromium.html', 'locales/id.pak', 'locales/en-US.pak', 'locales/fr.pak']) writeFileSync(path.join(dir, f), '');
}

test('the packaged app holds only what runs (no node_modules, no sources) and its binary has the fuses flipped', async () => {
  test.setTimeout(300_000);
  const root = process.cwd();
  const work = mkdtempSync(path.join(tmpdir(), 'kinerja-pack-'));
  try {
    const dist = path.join(work, 'electron');
    fakeElectron(dist);
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: root, stdio: 'pipe' });
    const out = path.join(work, 'release');
    execFileSync(process.execPath, ['node_modules/electron-builder/cli.js', '--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${out}`, '--publish', 'never'], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' },
    });
    const unpacked = path.join(out, 'linux-unpacked');
    const asarPath = path.join(unpacked, 'resources', 'app.asar');
    const { listPackage } = load('@electron/asar') as { listPackage(p: string, o: { isPack: boolean }): string[] };
    const files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const needed of ['/package.json', '/build/main/main.js', '/build/main/preload.js', '/dist/index.html']) expect(files, needed).toContain(needed);
    expect(files.filter((f) => f.startsWith('/node_modules'))).toEqual([]);
    expect(files.filter((f) => /^\/(src-main|src-renderer|e2e|scripts|docs)\//.test(f) || /\.(ts|tsx|map)$/.test(f))).toEqual([]);
    const mb = statSync(asarPath).size / 1024 ** 2;
    console.log(`app.asar: ${mb.toFixed(1)} MB, ${files.length} entries`);
    expect(mb).toBeLessThan(20);
    // Only the two languages the UI speaks are shipped.
    expect(execFileSync('ls', [path.join(unpacked, 'locales')]).toString().trim().split('\n').sort()).toEqual(['en-US.pak', 'id.pak']);

    const binary = readFileSync(path.join(unpacked, 'kinerja-luring'));
    const wire = binary.subarray(binary.indexOf(SENTINEL) + SENTINEL.length + 2);
    expect({ runAsNode: wire[FUSE.runAsNode], nodeOptions: wire[FUSE.nodeOptions], inspect: wire[FUSE.inspect], fileProtocol: wire[FUSE.fileProtocol] }).toEqual({ runAsNode: OFF, nodeOptions: OFF, inspect: OFF, fileProtocol: OFF });
    expect({ asarIntegrity: wire[FUSE.asarIntegrity], onlyAsar: wire[FUSE.onlyAsar], cookieEncryption: wire[FUSE.cookieEncryption] }).toEqual({ asarIntegrity: ON, onlyAsar: ON, cookieEncryption: ON });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
