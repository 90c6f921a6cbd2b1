/**
 * `npm run bench` › Dasbor (issue #17): an office of n employees with SKPs and four quarters of
 * evaluations. Times the dashboard's own read against raw Dexie reads of the same documents, and
 * the pure work of indexing the year and building one period's view; bench.mjs then opens the app
 * on Beranda for the time from data read to dashboard drawn, and for a period switch.
 */
import Dexie from 'dexie';
import { DB_NAME } from '../db/schema';
import { DataStore } from '../db/store';
import { dashboardFor, indexYear } from '../domain/dashboard';
import { formatHlc } from '../domain/hlc';
import { PERMENPANRB_6_2022, type Predikat } from '../domain/rulepack';
import type { SyncDoc } from '../domain/sync/merge';
import { readDashboardYear } from '../features/beranda/dasbor/useDashboard';
import { generateOrganisation } from '../sample/generate';
import { skpOf } from './syncBench';

const YEAR = 2026;
const QUARTERS = [1, 2, 3, 4];
const periodId = (q: number) => `${YEAR}-TRIWULANAN-${q}`;
const SPREAD: Predikat[] = ['BAIK', 'BAIK', 'BAIK', 'BAIK', 'BAIK', 'SANGAT_BAIK', 'BUTUH_PERBAIKAN', 'BAIK', 'KURANG_MISCONDUCT', 'BAIK'];
const STATUS = ['DISETUJUI', 'DISETUJUI', 'DISETUJUI', 'DIAJUKAN', 'DRAF'] as const;

export function evaluationOf(skp: SyncDoc, emp: SyncDoc, atasan: SyncDoc | undefined, i: number, q: number, rev: string): SyncDoc {
  const hasil = Object.fromEntries((skp.rhk as { id: string }[]).map((r) => [r.id, { realisasi: `Realisasi triwulan ${q} sesuai target`, buktiDukung: 'Laporan', umpanBalik: [] }]));
  const predikat = SPREAD[(i * 7 + q) % SPREAD.length]!;
  return {
    id: `eva-${i}-${q}`, createdAt: skp.createdAt, updatedAt: skp.createdAt, updatedBy: skp.updatedBy, rev, deleted: false, officeId: skp.officeId,
    employeeId: emp.id, skpId: skp.id, unitId: emp.unitId, year: YEAR, periodId: periodId(q), periodLabel: `TRIWULAN ${q}`, akhir: q === 4,
    mulai: `${YEAR}-01-01`, selesai: `${YEAR}-03-31`, pegawai: skp.pegawai,
    penilai: atasan ? { employeeId: atasan.id, nama: atasan.nama, nip: atasan.nip, status: 'PNS', pangkat: '', jabatan: atasan.jabatan, unit: '' } : null,
    atasanPenilai: null, hasil, perilaku: {}, masukan: [],
    ratingHasil: 'SESUAI_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI', predikat, status: q < 4 ? 'FINAL' : 'DRAF', finalPada: q < 4 ? `${YEAR}-04-05` : '',
    rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' }, rulePack: skp.rulePack,
  };
}

/** Seeds the app's own database; returns how many documents the dashboard reads. */
export async function seedDashboard(n: number): Promise<number> {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  const store = await DataStore.open(DB_NAME);
  try {
    const { settings } = await store.settings.setupOffice(
      { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Bench' },
      new Date(`${YEAR}-12-01T08:00:00Z`),
    );
    const officeId = settings.officeId;
    const org = generateOrganisation({ employees: n, seed: 17, officeId });
    let c = 0;
    const rev = () => formatHlc({ wallMs: Date.now() - 86_400_000 + Math.floor(c / 1000), counter: c++ % 1000, node: 'ibenchpc0000001' });
    const employees = org.employees.map((e) => ({ ...(e as unknown as SyncDoc), officeId, rev: rev() }));
    const byId = new Map(employees.map((e) => [e.id, e]));
    const skps = employees.map((e, i) => ({ ...skpOf(e, officeId, rev(), i), status: STATUS[i % STATUS.length] }));
    const evaluations = skps.flatMap((k, i) => QUARTERS.map((q) => evaluationOf(k, employees[i]!, byId.get(String(org.employees[i]!.atasanId)), i, q, rev())));
    const top = org.units.find((u) => !u.parentId)!;
    const unitResults = QUARTERS.map((q) => ({ id: `ur-${q}`, createdAt: '', updatedAt: '', updatedBy: officeId, rev: rev(), deleted: false, officeId, unitId: top.id, year: YEAR, periodId: periodId(q), capaian: 'BAIK', justifikasi: '' }));
    await store.db.transaction('rw', [store.db.units, store.db.employees, store.db.skps, store.db.evaluations, store.db.unitResults], async () => {
      await store.db.units.bulkPut(org.units);
      await store.db.employees.bulkPut(employees as never);
      await store.db.skps.bulkPut(skps as never);
      await store.db.evaluations.bulkPut(evaluations as never);
      await store.db.unitResults.bulkPut(unitResults as never);
    });
    return org.units.length + employees.length + skps.length + evaluations.length + unitResults.length;
  } finally {
    store.close();
  }
}

/** The dashboard's read and its pure work, against raw Dexie reads of the same documents. */
export async function dashboardReadBench(): Promise<{ docs: number; appMs: number; rawMs: number; indexMs: number; periodMs: number }> {
  const store = await DataStore.open(DB_NAME);
  try {
    // Raw: the same five tables, the same index ranges, no filtering or mapping.
    let t = performance.now();
    const raw = await Promise.all([
      store.db.units.toArray(),
      store.db.employees.toArray(),
      store.db.skps.where('year').equals(YEAR).toArray(),
      store.db.evaluations.where('periodId').startsWith(`${YEAR}-`).toArray(),
      store.db.unitResults.where('year').equals(YEAR).toArray(),
    ]);
    const rawMs = performance.now() - t;
    t = performance.now();
    const data = await readDashboardYear(store, YEAR);
    const appMs = performance.now() - t;
    t = performance.now();
    const index = indexYear({ pack: PERMENPANRB_6_2022, scope: 'KANTOR', ...data, periods: QUARTERS.map((q) => ({ id: periodId(q), title: `TRIWULAN ${q}` })) });
    const first = dashboardFor(index, periodId(1));
    const indexMs = performance.now() - t;
    t = performance.now();
    const second = dashboardFor(index, periodId(2));
    const periodMs = performance.now() - t;
    if (first.office.check.all === 0 || second.office.check.all === 0) throw new Error('dashboard bench: no evaluations seen');
    return { docs: raw.reduce((a, r) => a + r.length, 0), appMs, rawMs, indexMs, periodMs };
  } finally {
    store.close();
  }
}
