import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The Node version is stated once in package.json "engines" and repeated in .nvmrc and README; every
 * installed dependency must accept that floor, or `npm install` on it prints EBADENGINE warnings
 * (Electron 45 and its helpers were the ones that declared Node >= 22.12 while we said 20.19).
 */
const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: Record<string, string> | string[]; optional?: boolean; os?: string[] }>;
};
const floor = semver.minVersion(pkg.engines.node)!.version;

describe('the Node version the project states', () => {
  it('is one version in engines, .nvmrc and README', () => {
    const nvmrc = readFileSync(resolve(root, '.nvmrc'), 'utf8').trim();
    expect(semver.satisfies(floor, `^${nvmrc}`)).toBe(true);
    const [major, minor] = floor.split('.');
    expect(readFileSync(resolve(root, 'README.md'), 'utf8')).toContain(`Node.js ${major}.${minor} or newer`);
  });

  it('is accepted by every installed dependency that declares a Node range', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path.startsWith('node_modules/'))
      .flatMap(([path, p]) => {
        const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
        return range && !semver.satisfies(floor, range) ? [`${path.replace(/^.*node_modules\//, '')} wants ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
