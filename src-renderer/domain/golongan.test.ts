import { describe, expect, it } from 'vitest';
import {
  GOLONGAN_PNS, GOLONGAN_PPPK, formatPangkatGolongan, golonganCodesFor, golonganRank, isPppk, pangkatOf,
} from './golongan';

describe('golongan ruang PNS (PP 99/2000)', () => {
  it.each([
    ['I/a', 'Juru Muda'], ['I/b', 'Juru Muda Tingkat I'], ['I/c', 'Juru'], ['I/d', 'Juru Tingkat I'],
    ['II/a', 'Pengatur Muda'], ['II/b', 'Pengatur Muda Tingkat I'], ['II/c', 'Pengatur'], ['II/d', 'Pengatur Tingkat I'],
    ['III/a', 'Penata Muda'], ['III/b', 'Penata Muda Tingkat I'], ['III/c', 'Penata'], ['III/d', 'Penata Tingkat I'],
    ['IV/a', 'Pembina'], ['IV/b', 'Pembina Tingkat I'], ['IV/c', 'Pembina Utama Muda'], ['IV/d', 'Pembina Utama Madya'],
    ['IV/e', 'Pembina Utama'],
  ])('%s is %s', (code, pangkat) => {
    expect(pangkatOf(code)).toBe(pangkat);
  });

  it('has exactly the 17 ranks, in order', () => {
    expect(GOLONGAN_PNS).toHaveLength(17);
    expect(golonganRank('III/a')).toBeLessThan(golonganRank('III/b'));
    expect(golonganRank('II/d')).toBeLessThan(golonganRank('III/a'));
  });

  it('prints "pangkat / golongan" and a short form', () => {
    expect(formatPangkatGolongan('III/b')).toBe('Penata Muda Tingkat I / III/b');
    expect(formatPangkatGolongan('IV/b', { short: true })).toBe('Pembina Tk. I / IV/b');
    expect(formatPangkatGolongan('')).toBe('-');
  });
});

describe('golongan PPPK', () => {
  it('runs from I to XVII and has no pangkat', () => {
    expect(GOLONGAN_PPPK).toHaveLength(17);
    expect(GOLONGAN_PPPK[0]).toBe('I');
    expect(GOLONGAN_PPPK[8]).toBe('IX');
    expect(GOLONGAN_PPPK[16]).toBe('XVII');
    expect(pangkatOf('IX')).toBeNull();
    expect(formatPangkatGolongan('IX')).toBe('IX');
  });

  it('offers each status its own list', () => {
    expect(isPppk('PPPK_PW')).toBe(true);
    expect(isPppk('CPNS')).toBe(false);
    expect(golonganCodesFor('PPPK')).toContain('XVII');
    expect(golonganCodesFor('PPPK')).not.toContain('III/a');
    expect(golonganCodesFor('CPNS')).toContain('III/a');
    expect(golonganCodesFor('PNS')).not.toContain('IX');
  });
});
