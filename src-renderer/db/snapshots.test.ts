import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { person } from '../sample/records';
import { snapshotDbName, SNAPSHOT_BUDGET_BYTES, SNAPSHOT_CHUNK_ROWS, SNAPSHOTS_KEPT, snapshotNow, snapshotsToDrop } from './snapshots';
import { DataStore } from './store';

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

describe('a snapshot is copied in pieces (issue #33)', () => {
  it('12,001 employees go in pieces of 5,000 and come back whole with "Kembalikan"', async () => {
    const s = await DataStore.open(`pieces-${Math.random().toString(36).slice(2)}`);
    try {
      await s.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Siti' }, new Date());
      const rows = Array.from({ length: 12_001 }, (_, i) => ({ ...person(`19900101201501${String(i).padStart(4, '0')}`, `Pegawai ${i}`), id: `e-${String(i).padStart(5, '0')}`, rev: 'r', createdAt: '', updatedAt: '', updatedBy: '', deleted: false }));
      await s.db.employees.bulkPut(rows as never);
      const snap = await snapshotNow(s.db, 'restore');
      expect(snap.counts.employees).toBe(12_001);
      const pieces = new Dexie(snapshotDbName(s.db.name));
      await pieces.open();
      const employeePieces = (await pieces.table('chunks').where('snapId').equals(snap.id).toArray()).filter((c) => c.table === 'employees');
      pieces.close();
      expect(employeePieces.map((c) => c.rows.length)).toEqual([SNAPSHOT_CHUNK_ROWS, SNAPSHOT_CHUNK_ROWS, 2_001]);

      await s.db.employees.clear();
      await s.backups.restoreSnapshot(snap.id);
      expect(await s.db.employees.count()).toBe(12_001);
      expect((await s.db.employees.get('e-12000'))?.nama).toBe('Pegawai 12000');
    } finally {
      s.close();
    }
  }, 120_000);
});
