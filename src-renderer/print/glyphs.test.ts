import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { prepareDocument } from './documents';
import { ARABIC_FONT, codePointLabel, printedText, scriptRuns, unprintableChars } from './glyphs';
import { installTestFonts } from './pdf.testkit';

beforeAll(() => installTestFonts());

describe('which characters print', () => {
  it.each([
    ['Latin with the accents of Indonesian names', 'Ni Luh Putu Ayu Ṣāliḥ Müller, S.Pd.', []],
    ['Arabic script (fallback font)', 'محمد عبد الله', []],
    ['an emoji and a Chinese character', 'Budi 😀 王', ['😀', '王']],
    ['Devanagari', 'राम', ['र', 'ा', 'म']],
    ['line breaks and zero-width spaces print as nothing', 'a\nb\u200bc', []],
    ['a right-to-left override is named, not silently obeyed', 'Budi \u202eotnaS', ['\u202e']],
  ])('%s', (_name, text, bad) => expect(unprintableChars(text)).toEqual(bad));

  it.each([
    ['plain text is untouched', 'Budi Santoso, S.Kom.', 'Budi Santoso, S.Kom.'],
    ['accents and Arabic are untouched', 'Ṣāliḥ محمد', 'Ṣāliḥ محمد'],
    ['a flag is one mark, the comma stays beside it', 'Budi 🇮🇩, S.Kom.', 'Budi □, S.Kom.'],
    ['an emoji with its variation selector and a family (ZWJ) are one mark each', 'A ❤️ B 👨‍👩‍👧 C', 'A □ B □ C'],
    ['each Chinese character is one mark', '王小明', '□□□'],
    ['a direction override is left off: the paper shows the stored order', 'Budi \u202eotnaS\u202c', 'Budi otnaS'],
  ])('on paper: %s', (_name, text, printed) => expect(printedText(text)).toBe(printed));

  it('a flag in a name prints as one mark with the comma right after it', async () => {
    const skp = sampleSkp(1);
    const d = await prepareDocument({ kind: 'SKP', skp: { ...skp, pegawai: { ...skp.pegawai, nama: 'Budi 🇮🇩, S.Kom.' } }, pack: PERMENPANRB_6_2022 }, SAMPLE_OPTIONS);
    const out = await renderComplete([d], SAMPLE_OPTIONS, 'flag');
    expect(out.skipped).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'kl-flag-'));
    writeFileSync(join(dir, 'f.pdf'), out.bytes!);
    const text = execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Budi □, S.Kom.');
  });

  it('names a character by its code point', () => expect(codePointLabel('😀')).toBe('U+1F600'));

  it('glyphCoverage.ts is what the bundled fonts hold (run scripts/glyph-coverage.mjs after changing a font)', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const fresh = execFileSync(process.execPath, ['-e', "import('./scripts/glyph-coverage-lib.mjs').then((m) => process.stdout.write(m.coverageSource()))"], { cwd: root, encoding: 'utf8' });
    expect(readFileSync(new URL('./glyphCoverage.ts', import.meta.url), 'utf8')).toBe(fresh);
  });
});

describe('Arabic runs', () => {
  it.each([
    ['plain Latin stays a string', 'Budi Santoso', 'Budi Santoso'],
    ['an Arabic name is one run in the fallback font, spaces unbreakable', 'محمد عبد', [{ text: 'محمد\u00a0عبد', font: ARABIC_FONT }]],
    [
      'spaces around an Arabic run stay outside it',
      'Guru محمد (NIP)',
      [{ text: 'Guru ' }, { text: 'محمد', font: ARABIC_FONT }, { text: ' ' }, { text: '(NIP)' }],
    ],
  ])('%s', (_name, text, runs) => expect(scriptRuns(text)).toEqual(runs));

  it('a form for an employee named in Arabic script prints the name, in words read right to left', async () => {
    const skp = sampleSkp(1);
    const pegawai = { ...skp.pegawai, nama: 'محمد عبد الله' };
    const d = await prepareDocument({ kind: 'SKP', skp: { ...skp, pegawai }, pack: PERMENPANRB_6_2022 }, SAMPLE_OPTIONS);
    const out = await renderComplete([d], SAMPLE_OPTIONS, 'ar');
    expect(out.skipped).toEqual([]);
    // pdftotext -raw keeps the order words stand on the paper, left to right: read right to left,
    // the name starts with محمد, so on paper الله stands leftmost.
    const dir = mkdtempSync(join(tmpdir(), 'kl-ar-'));
    writeFileSync(join(dir, 'ar.pdf'), out.bytes!);
    const line = execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', join(dir, 'ar.pdf'), '-'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.includes('NAMA'))!;
    expect(line.replace(/[\u200e\u200f\u202a-\u202e]/g, '')).toMatch(/NAMA الله عبد محمد/);
  });
});
