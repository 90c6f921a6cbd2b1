import { describe, expect, it } from 'vitest';
import { appraiserSpread, type AppraisedRecord } from './appraiserSpread';
import type { Predikat } from './rulepack';

const rec = (penilai: string, predikat: Predikat[]): AppraisedRecord[] =>
  predikat.map((p, i) => ({ employeeId: `${penilai}-${i}`, penilaiKey: penilai, penilaiNama: `Kasi ${penilai}`, predikat: p }));
const B: Predikat = 'BAIK';
const SB: Predikat = 'SANGAT_BAIK';
const BP: Predikat = 'BUTUH_PERBAIKAN';
const marks = (records: AppraisedRecord[]) => Object.fromEntries(appraiserSpread(records).map((r) => [r.key, r.mark ?? r.reason ?? '-']));

describe('appraiser spread', () => {
  it('marks a kasi who gives all his staff Sangat Baik where the office gives Baik', () => {
    const office = [...rec('A', [SB, SB, SB]), ...rec('B', [B, B, BP]), ...rec('C', [B, B, B])];
    expect(marks(office)).toEqual({ A: 'LONGGAR', B: '-', C: '-' });
  });

  it('marks severity the same way', () => {
    const office = [...rec('A', [BP, BP, BP, BP]), ...rec('B', [B, B, SB, B]), ...rec('C', [B, B, B, B])];
    expect(marks(office).A).toBe('KETAT');
  });

  it('does not mark a gap smaller than half a predikat step, however many ratees', () => {
    // 80 ratees a little above an office of Baik: the z-score alone would mark him.
    const lenient = rec('A', [...Array<Predikat>(24).fill(SB), ...Array<Predikat>(56).fill(B)]);
    const office = [...lenient, ...rec('B', Array<Predikat>(80).fill(B))];
    expect(appraiserSpread(office).find((r) => r.key === 'A')?.z).toBeGreaterThan(2);
    expect(marks(office).A).toBe('-');
  });

  it('does not mark on two ratees, nor without anyone to compare with', () => {
    expect(marks([...rec('A', [SB, SB]), ...rec('B', [B, B, B, BP])]).A).toBe('tooFew');
    expect(marks(rec('A', [SB, SB, SB, SB]))).toEqual({ A: 'noComparison' });
  });

  it('does not mark a plain difference that is within the spread of the office', () => {
    const office = [...rec('A', [SB, B, B]), ...rec('B', [SB, B, BP, B]), ...rec('C', [B, BP, SB, B])];
    expect(Object.values(marks(office))).toEqual(['-', '-', '-']);
  });

  it('counts each appraiser\'s predikat and keeps who they are', () => {
    const [row] = appraiserSpread(rec('A', [SB, B, B]));
    expect(row).toMatchObject({ nama: 'Kasi A', n: 3, counts: { SANGAT_BAIK: 1, BAIK: 2 }, employeeIds: ['A-0', 'A-1', 'A-2'] });
  });
});
