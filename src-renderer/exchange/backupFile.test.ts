import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeDoc } from './package';
import { lineSlices, linesOf } from './backupFile';

describe('a table is never one string (issue #33: five years outgrow the longest string V8 makes)', () => {
  it.each([
    ['empty', ''],
    ['one line', '{"a":1}'],
    ['a trailing break', 'a\nb\n'],
    ['empty lines', '\n\n'],
    ['multi-byte text', 'Camat Curug — “Kepala”\nñandú 😀\nakhir'],
  ])('lines of %s are the lines of the text', (_name, text) => {
    expect(linesOf(strToU8(text))).toEqual(text === '' ? [] : text.split('\n'));
  });

  it('lines across the decoding slices, with multi-byte characters at every place, come back whole', () => {
    const lines = Array.from({ length: 120_000 }, (_, i) => `{"id":"${i}","nama":"Pegawai ${i} — Ñ😀 ${'x'.repeat(i % 200)}"}`);
    const bytes = strToU8(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(16 * 1024 * 1024);
    expect(linesOf(bytes)).toEqual(lines);
  });

  it('rows encoded in slices are the JSON lines of the rows, binary included', () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => ({ id: `r${i}`, nama: `Pegawai ${i}`, ...(i === 7 ? { data: new Uint8Array([1, 2, 3]).buffer } : {}) }));
    // Two pages, as the backup writer adds them: the lines join as if written at once.
    const slices = [...lineSlices(rows.slice(0, 6_000), 0), ...lineSlices(rows.slice(6_000), 6_000)];
    const lines = linesOf(new Uint8Array(slices.flatMap((b) => [...b])));
    expect(lines).toHaveLength(rows.length);
    expect(decodeDoc(lines[12_344]!)).toEqual(rows[12_344]);
    expect(new Uint8Array(decodeDoc(lines[7]!).data as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
  });
});
