import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and JSON-schema check; both run without network (TOOLCHAIN.md §2).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';

const root = path.resolve(__dirname, '..');

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema check offline', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds per-user Windows installers and Linux packages, never publishes or auto-updates', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    const targets = (t: unknown) => (t as { target: string }[]).map((x) => (typeof x === 'string' ? x : x.target));
    expect(targets(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: false, installerLanguages: ['id_ID'] });
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    // electron-builder normalises `files` into filter objects; check the globs it will pack.
    const files = JSON.stringify(config.files);
    for (const glob of ['build/main/**/*.js', 'dist/**/*', 'package.json']) expect(files).toContain(glob);
  });

  it('packs every kind of file main loads from its own folder (the CSP is JSON since #30 item 8)', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    const files = JSON.stringify(config.files);
    const sources = readdirSync(path.join(root, 'src-main')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
    const kinds = new Set<string>();
    for (const f of sources) {
      for (const m of readFileSync(path.join(root, 'src-main', f), 'utf8').matchAll(/from '\.\/([^']+)'/g)) kinds.add(path.extname(m[1]!) || '.js');
    }
    expect([...kinds].sort()).toEqual(['.js', '.json']);
    for (const ext of kinds) expect(files).toContain(`build/main/**/*${ext}`);
  });

  it('the shipped binary has its fuses flipped: no run-as-node, NODE_OPTIONS or --inspect; code only from an integrity-checked asar', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('a config with an unknown key is refused by the same check', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration({ ...config, bogusKey: 1 } as never, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'bogusKey'/,
    );
  });

  it('every dependency with an install script is reviewed in allowScripts, so npm install prints no advisory (#30 item 8)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
    // electron-winstaller only picks a 7-Zip for Squirrel.Windows installers, which this app does not build (nsis, portable).
    expect(pkg.allowScripts?.['electron-winstaller']).toBe(false);
  });

  it('package.json points Electron at the compiled main file', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('build/main/main.js');
  });
});
