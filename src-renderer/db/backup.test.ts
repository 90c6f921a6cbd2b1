import { describe, expect, it } from 'vitest';
import { SNAPSHOT_BUDGET_BYTES, SNAPSHOTS_KEPT, snapshotsToDrop } from './backup';

const snap = (id: string, reason: 'upgrade' | 'sync' | 'import' | undefined, bytes = 1000) => ({ id, reason, bytes });

describe('which snapshots a new one pushes out', () => {
  it('a week of daily packages does not push out the snapshot taken before the app update', () => {
    const all = [snap('u1', 'upgrade'), ...Array.from({ length: 8 }, (_, i) => snap(`s${i}`, 'sync'))];
    const dropped = snapshotsToDrop(all);
    expect(dropped).not.toContain('u1');
    expect(dropped).toEqual(['s0', 's1', 's2']);
    expect(all.length - dropped.length).toBe(SNAPSHOTS_KEPT + 1);
  });

  it('keeps the newest update snapshots apart (a reason-less one is an update)', () => {
    expect(snapshotsToDrop([snap('u0', undefined), snap('u1', 'upgrade'), snap('u2', 'upgrade'), snap('s', 'import')])).toEqual(['u0']);
  });

  it('beyond the size budget the oldest rotating snapshots go first, the newest always stays', () => {
    const big = SNAPSHOT_BUDGET_BYTES / 2 + 1;
    expect(snapshotsToDrop([snap('a', 'sync', big), snap('b', 'sync', big), snap('c', 'sync', big)])).toEqual(['a', 'b']);
    expect(snapshotsToDrop([snap('huge', 'sync', SNAPSHOT_BUDGET_BYTES * 3)])).toEqual([]);
  });
});
