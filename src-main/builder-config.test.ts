import { readFileSync } from 'node:fs';
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

  it('package.json points Electron at the compiled main file', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('build/main/main.js');
  });
});
