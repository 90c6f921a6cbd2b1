import { describe, expect, it } from 'vitest';
import { cleanPasted, stripInvisible } from './text';

describe('pasted text', () => {
  it.each([
    ['a row copied from Excel into a name field', 'Budi\tHartono\r\n', false, 'Budi Hartono'],
    ['zero-width and bidi characters', '\u202eBu\u200bdi\u202c', false, 'Budi'],
    ['a leading tab', '\tRHK pertama', false, 'RHK pertama'],
    ['lines kept in a multi-line field, tabs made spaces', 'Baris satu\r\nBaris\tdua', true, 'Baris satu\nBaris dua'],
    ['a byte-order mark and a soft hyphen', '\ufeffLapo\u00adran', true, 'Laporan'],
  ])('%s', (_what, raw, multiline, clean) => {
    expect(cleanPasted(raw, multiline)).toBe(clean);
  });

  it('leaves ordinary Indonesian text alone', () => {
    expect(stripInvisible('Drs. H. Asep Saepudin, M.Si. — Seksi Pemerintahan')).toBe('Drs. H. Asep Saepudin, M.Si. — Seksi Pemerintahan');
  });
});
