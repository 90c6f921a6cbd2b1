/**
 * `npm run bench` › Cadangan (issue #16): backing up and restoring an office of n employees with
 * their SKPs and a year of evaluations, against a raw export (read every table, JSON of the same
 * documents) and a raw bulkPut of the same documents, in the same run. Both run in the backup worker,
 * as in the app; the longest task the window had meanwhile is reported against the 200 ms budget.
 */
import Dexie from 'dexie';
import { unzipSync } from 'fflate';
import { BackupSession } from '../jobs/backupClient';
import { formatHlc } from '../domain/hlc';
import type { SyncDoc } from '../domain/sync/merge';
import { DB_NAME, KinerjaDb, SCHEMA_VERSIONS } from '../db/schema';
import { DataStore } from '../db/store';
import { generateOrganisation } from '../sample/generate';
import { skpOf } from './syncBench';
import { longestTask } from './longestTask';

function heapMb(): number {
  const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return m ? Math.round(m.usedJSHeapSize / 1024 ** 2) : 0;
}

function evaluationOf(skp: SyncDoc, i: number, q: number, rev: string): SyncDoc {
  const hasil = Object.fromEntries(
    (skp.rhk as { id: string }[]).map((r) => [r.id, { realisasi: `Realisasi triwulan ${q} sesuai target`, buktiDukung: 'Laporan', umpanBalik: [{ id: `ub-${i}-${q}`, tanggal: '2026-03-15', teks: 'Pertahankan.' }] }]),
  );
  return {
    id: `eva-${i}-${q}`, createdAt: skp.createdAt, updatedAt: skp.createdAt, updatedBy: skp.updatedBy, rev, deleted: false, officeId: skp.officeId,
    employeeId: skp.employeeId, skpId: skp.id, unitId: null, year: 2026, periodId: `2026-TRIWULANAN-${q}`, periodLabel: `TRIWULAN ${q}`, akhir: q === 4,
    mulai: '2026-01-01', selesai: '2026-03-31', pegawai: skp.pegawai, penilai: null, atasanPenilai: null, hasil, perilaku: {}, masukan: [],
    ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK', status: 'FINAL', finalPada: '2026-04-05',
    rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' }, rulePack: skp.rulePack,
  };
}

export async function backupBench(n: number) {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  const store = await DataStore.open(DB_NAME);
  let fresh: DataStore | null = null;
  try {
    const { settings } = await store.settings.setupOffice(
      { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Bench' },
      new Date(),
    );
    const org = generateOrganisation({ employees: n, seed: 11, officeId: settings.officeId });
    let c = 0;
    const rev = () => formatHlc({ wallMs: Date.now() - 86_400_000 + Math.floor(c / 1000), counter: c++ % 1000, node: 'ibenchpc0000001' });
    const employees = org.employees.map((e) => ({ ...(e as unknown as SyncDoc), officeId: settings.officeId, rev: rev() }));
    const skps = employees.map((e, i) => skpOf(e, settings.officeId, rev(), i));
    const evaluations = skps.flatMap((k, i) => [1, 2, 3, 4].map((q) => evaluationOf(k, i, q, rev())));
    await store.db.transaction('rw', store.db.employees, store.db.skps, store.db.evaluations, async () => {
      await store.db.employees.bulkPut(employees as never);
      await store.db.skps.bulkPut(skps as never);
      await store.db.evaluations.bulkPut(evaluations as never);
    });
    const docs = employees.length + skps.length + evaluations.length;

    // Baseline export: every table read, the same documents as JSON.
    let t = performance.now();
    let rawBytes = 0;
    await store.db.transaction('r', store.db.tables, async () => {
      for (const table of store.db.tables) rawBytes += JSON.stringify(await table.toArray()).length;
    });
    const rawExportMs = performance.now() - t;

    // The watcher sees a task it must see (120 ms of work on the window), so a 0 below means none.
    const calibration = await longestTask(async () => {
      await new Promise((r) => setTimeout(r, 0));
      for (const until = performance.now() + 120; performance.now() < until; );
    });
    if (calibration.longestMs < 100) throw new Error(`the long-task observer saw ${calibration.longestMs} ms of a 120 ms task`);

    // Made as the app makes it: in the backup worker, the window watched for long tasks (issue #27).
    const made = await longestTask(async () => {
      const maker = new BackupSession(DB_NAME, () => {});
      try {
        return await maker.create();
      } finally {
        maker.close();
      }
    });
    const { bytes, manifest } = made.result;
    const backupMs = made.ms;
    const backupLongestTaskMs = Math.round(made.longestMs);
    const heapAfterBackup = heapMb();

    // Baseline restore: a raw bulkPut of the same documents into a scratch database.
    const scratch = new KinerjaDb(`bench-backup-raw-${Math.random().toString(36).slice(2)}`, SCHEMA_VERSIONS);
    await scratch.open();
    t = performance.now();
    await scratch.transaction('rw', scratch.employees, scratch.skps, scratch.evaluations, async () => {
      await scratch.employees.bulkPut(employees as never);
      await scratch.skps.bulkPut(skps as never);
      await scratch.evaluations.bulkPut(evaluations as never);
    });
    const rawRestoreMs = performance.now() - t;
    scratch.close();
    await Dexie.delete(scratch.name);

    fresh = await DataStore.open(`bench-restore-${Math.random().toString(36).slice(2)}`);
    const restored0 = await longestTask(async () => {
      const restorer = new BackupSession(fresh!.db.name, () => {});
      try {
        await restorer.inspect(bytes.slice());
        await restorer.restore('');
      } finally {
        restorer.close();
      }
    });
    const restoreMs = restored0.ms;
    const restoreLongestTaskMs = Math.round(restored0.longestMs);
    // The compression ratio of the biggest table: how far real data stays from the bomb limit.
    let maxRatio = 0;
    unzipSync(bytes, { filter: (f) => ((maxRatio = f.originalSize > 1024 ** 2 ? Math.max(maxRatio, f.originalSize / f.size) : maxRatio), false) });
    const heapAfterRestore = heapMb();
    const restored = await fresh.db.evaluations.count();
    return {
      docs, bytes: bytes.length, rawBytes, backupMs, rawExportMs, restoreMs, rawRestoreMs, heapAfterBackup, heapAfterRestore, restored,
      expected: manifest.tables.evaluations?.count ?? -1, backupLongestTaskMs, restoreLongestTaskMs, maxRatio,
    };
  } finally {
    store.close();
    fresh?.close();
  }
}
