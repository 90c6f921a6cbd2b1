import { describe, expect, it } from 'vitest';
import { openConflicts, type SyncDoc } from './merge';
import { REVIEW_MARK, withReviewMark } from './reviewMark';

const base = { id: 'a', rev: 'r1', createdAt: '', updatedAt: '', updatedBy: '', deleted: false };

describe('the review mark says whether a record has something to review', () => {
  it.each([
    ['no sync metadata', { ...base }],
    ['edited here after it was made (other revs, one head each)', { ...base, nama: 'Budi', sv: { b: 'r1', f: { nama: { r: 'r2' } } } }],
    ['a mark left from before, settled since', { ...base, svf: 1, sv: { b: 'r4', f: {} } }],
  ])('%s: unmarked', (_name, doc) => {
    expect((withReviewMark('employees', doc) as Record<string, unknown>)[REVIEW_MARK]).toBeUndefined();
  });

  it('two heads for one field: marked, as openConflicts says', () => {
    const doc = { ...base, nama: 'Budi', sv: { b: 'r1', f: { nama: { r: '001-00000-ia', alt: [{ r: '001-00000-ib', v: 'Budi S.' }] } } } } as unknown as SyncDoc;
    expect(openConflicts('employees', doc).length).toBeGreaterThan(0);
    expect((withReviewMark('employees', doc) as Record<string, unknown>)[REVIEW_MARK]).toBe(1);
  });

  it('a record already right is returned as it is (no copy per write)', () => {
    const doc = { ...base, sv: { b: 'r1', f: {} } };
    expect(withReviewMark('employees', doc)).toBe(doc);
  });
});
