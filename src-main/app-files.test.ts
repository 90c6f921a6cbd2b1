import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveAppFile } from './app-files';

const dist = path.resolve('/opt/kinerja/dist');

describe('app:// file resolution', () => {
  it.each([
    ['app://kinerja/', 'index.html'],
    ['app://kinerja/index.html', 'index.html'],
    ['app://kinerja/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://kinerja/assets/a%20b.js', 'assets/a b.js'],
  ])('%s → dist/%s', (url, rel) => {
    expect(resolveAppFile(dist, url)).toBe(path.join(dist, rel));
  });

  it.each([
    'app://kinerja/../../etc/passwd',
    'app://kinerja/%2e%2e/%2e%2e/etc/passwd',
    'app://kinerja/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://kinerja/%E0%A4%A',
    'app://kinerja/a%00b',
  ])('never serves %s from outside dist', (url) => {
    const file = resolveAppFile(dist, url);
    expect(file === null || file.startsWith(dist + path.sep)).toBe(true);
  });

  it('types the files it serves', () => {
    expect(mimeType('index.html')).toMatch(/text\/html/);
    expect(mimeType('x.js')).toMatch(/javascript/);
    expect(mimeType('font.ttf')).toBe('font/ttf');
    expect(mimeType('x.bin')).toBe('application/octet-stream');
  });
});
