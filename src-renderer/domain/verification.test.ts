import { describe, expect, it } from 'vitest';
import { compactPeriod, contentHash, diffContent, expandPeriod, formatCode, parseCode, verificationNip } from './verification';

describe('periods in codes', () => {
  it.each([
    ['2026-TRIWULANAN-1', '2026TW1'],
    ['2026-TRIWULANAN-4', '2026TW4'],
    ['2026-SEMESTER-2', '2026S2'],
    ['2026-BULANAN-11', '2026B11'],
    ['2026', '2026'],
  ])('%s ⇄ %s', (full, compact) => {
    expect(compactPeriod(full)).toBe(compact);
    expect(expandPeriod(compact)).toBe(full);
  });

  it('rejects what is not a period', () => {
    expect(expandPeriod('2026X1')).toBeNull();
    expect(expandPeriod('TW1')).toBeNull();
  });
});

describe('parseCode', () => {
  const code = 'KL-EVA-199003152015031002-2026TW1-7K3F9Q2M';

  it('reads a code as printed, and round-trips formatCode', () => {
    const c = parseCode(code);
    expect(c).toEqual({ kind: 'EVA', nip: '199003152015031002', period: '2026TW1', hash: '7K3F9Q2M' });
    expect(formatCode(c!)).toBe(code);
  });

  it.each([
    ['lower case and spaces around', `  ${code.toLowerCase()} `],
    ['a scanner typing underscores', code.replace(/-/g, '_')],
    ['spaces instead of dashes', code.replace(/-/g, ' ')],
    ['a trailing newline from the scanner', `${code}\n`],
  ])('forgives %s', (_, raw) => {
    expect(parseCode(raw)?.hash).toBe('7K3F9Q2M');
  });

  it('maps look-alike letters in the hash', () => {
    expect(parseCode('KL-SKP-199003152015031002-2026-OILK3F9Q')?.hash).toBe('011K3F9Q');
  });

  it.each([
    ['another prefix', 'XX-EVA-199003152015031002-2026TW1-7K3F9Q2M'],
    ['unknown kind', 'KL-ABC-199003152015031002-2026TW1-7K3F9Q2M'],
    ['a 17-digit NIP', 'KL-EVA-19900315201503100-2026TW1-7K3F9Q2M'],
    ['a bad period', 'KL-EVA-199003152015031002-2026Q1-7K3F9Q2M'],
    ['a short hash', 'KL-EVA-199003152015031002-2026TW1-7K3F9Q2'],
    ['a U in the hash', 'KL-EVA-199003152015031002-2026TW1-7K3F9Q2U'],
    ['empty', ''],
  ])('refuses %s', (_, raw) => {
    expect(parseCode(raw)).toBeNull();
  });

  it('a person without NIP is 0', () => {
    expect(verificationNip('')).toBe('0');
    expect(verificationNip('19900315 201503 1 002')).toBe('199003152015031002');
    expect(parseCode('KL-RKP-0-2026S1-7K3F9Q2M')?.nip).toBe('0');
  });
});

describe('contentHash and diffContent', () => {
  it('is 8 base32 characters, stable, and sensitive to order and to every character', async () => {
    const a = await contentHash([['nama', 'Budi'], ['predikat', 'Baik']]);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await contentHash([['nama', 'Budi'], ['predikat', 'Baik']])).toBe(a);
    expect(await contentHash([['predikat', 'Baik'], ['nama', 'Budi']])).not.toBe(a);
    expect(await contentHash([['nama', 'Budi '], ['predikat', 'Baik']])).not.toBe(a);
  });

  it('lists changed, removed and added keys in printed order', () => {
    const printed = [['nama', 'Budi'], ['rhk.A1.realisasi', '100'], ['rhk.A2.teks', 'Laporan']] as const;
    const current = [['nama', 'Budi'], ['rhk.A1.realisasi', '90'], ['rhk.A3.teks', 'Baru']] as const;
    expect(diffContent(printed, current)).toEqual([
      { kind: 'changed', key: 'rhk.A1.realisasi', from: '100', to: '90' },
      { kind: 'removed', key: 'rhk.A2.teks', from: 'Laporan' },
      { kind: 'added', key: 'rhk.A3.teks', to: 'Baru' },
    ]);
    expect(diffContent(printed, printed)).toEqual([]);
  });
});
