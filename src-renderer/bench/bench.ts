/**
 * Seeding and raw baselines for `npm run bench`, built only with `vite build --mode bench`.
 * Runs on the same origin as the app, so it writes the very database the app then opens.
 */
import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { fromJsDate } from '../domain/dates';
import { runExport } from '../jobs/exportClient';
import { employeeRows, exportPegawai } from '../exchange/exporters';
import { ImportSession } from '../jobs/importClient';
import { buildWorkbook, writeWorkbook } from '../io/sheet';
import { foldText } from '../domain/pegawai';
import { DB_NAME, KinerjaDb, SCHEMA_VERSIONS } from '../db/schema';
import { DataStore } from '../db/store';
import { checkDistribution } from '../domain/distribution';
import { CAPAIAN_ORGANISASI, PERMENPANRB_6_2022, predikatOf, RATINGS, type Predikat, type Rating } from '../domain/rulepack';
import { newRhk, type Rhk } from '../domain/skp';
import { generateOrganisation } from '../sample/generate';
import { backupBench } from './backupBench';
import { growthBench } from './growthBench';
import { dashboardReadBench, seedDashboard } from './dashboardBench';
import { lembarBench, skpTemplateBench } from './excelWorkBench';
import { syncMergeBench } from './syncBench';
import { kecamatanPackageBench, packageBench } from './packageBench';
import { networkBench } from './networkBench';
import { tteBench } from './tteBench';
import { longestTask } from './longestTask';
import type { PrintJob, PrintOptions } from '../print/model';
import { warmPrintWorkers } from '../jobs/printPool';
import { PrintRun, workerCount } from '../jobs/printClient';
import { SAMPLE_OPTIONS, sampleEvaluation, sampleSkp } from '../sample/printSamples';

async function deleteAll() {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

const hooks = {
  deleteAll,

  /** Office profile + n employees in the app's own database (one transaction for the bulk). */
  async seedApp(n: number): Promise<number> {
    const store = await DataStore.open(DB_NAME);
    try {
      const { settings } = await store.settings.setupOffice(
        { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Bench' },
        new Date(),
      );
      const org = generateOrganisation({ employees: n, seed: 1, officeId: settings.officeId });
      await store.db.transaction('rw', store.db.units, store.db.employees, async () => {
        await store.db.units.bulkPut(org.units);
        await store.db.employees.bulkPut(org.employees);
      });
      return store.db.employees.count();
    } finally {
      store.close();
    }
  },

  /** Baseline: a raw Dexie bulkPut of the same n documents into a scratch database. */
  async rawBulkPut(n: number): Promise<number> {
    const org = generateOrganisation({ employees: n, seed: 1 });
    const name = `bench-raw-${Math.random().toString(36).slice(2)}`;
    const db = new KinerjaDb(name, SCHEMA_VERSIONS);
    await db.open();
    const t0 = performance.now();
    await db.transaction('rw', db.employees, () => db.employees.bulkPut(org.employees));
    const ms = performance.now() - t0;
    db.close();
    await Dexie.delete(name);
    return ms;
  },

  /** Baseline: plain Array.filter over the same rows, per query (what a naive list would do). */
  async filterBaseline(queries: string[]): Promise<number[]> {
    const db = new KinerjaDb(DB_NAME, SCHEMA_VERSIONS);
    await db.open();
    const rows = await db.employees.toArray();
    db.close();
    const times: number[] = [];
    let sink = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const digits = q.replace(/\s/g, '');
      const folded = foldText(q);
      const hits = /^\d+$/.test(digits)
        ? rows.filter((e) => e.nip.includes(digits))
        : rows.filter((e) => foldText(e.nama).includes(folded));
      sink += hits.length;
      times.push(performance.now() - t0);
    }
    if (sink < 0) console.log(sink);
    return times;
  },

  /** Name and NIP queries that a user would type, drawn from the seeded data. */
  async sampleQueries(count: number): Promise<{ names: string[]; nips: string[] }> {
    const db = new KinerjaDb(DB_NAME, SCHEMA_VERSIONS);
    await db.open();
    const rows = await db.employees.limit(count * 7).toArray();
    db.close();
    const names: string[] = [];
    const nips: string[] = [];
    for (let i = 0; i < count; i++) {
      const e = rows[(i * 7) % rows.length];
      if (!e) break;
      const parts = e.nama.split(' ');
      names.push(i % 2 === 0 ? (parts[0] ?? '').slice(0, 3 + (i % 3)) : e.nama.toLowerCase());
      nips.push(i % 2 === 0 ? `${e.nip.slice(0, 8)} ${e.nip.slice(8, 14)}` : e.nip.slice(0, 10 + (i % 8)));
    }
    return { names, nips };
  },
};

/** An SKP with `count` RHK of three indicators each, for the first employee; returns its id. */
async function seedBigSkp(count: number): Promise<string> {
  const store = await DataStore.open(DB_NAME);
  try {
    const employee = (await store.employees.listAll()).find((e) => e.atasanId);
    if (!employee) throw new Error('seed employees first');
    const skp = await store.skps.create(employee.id, (await store.settings.getLocal())?.activeYear ?? 2026);
    const rhk: Rhk[] = Array.from({ length: count }, (_, i) => ({
      ...newRhk(i < count - 5 ? 'UTAMA' : 'TAMBAHAN', crypto.randomUUID(), crypto.randomUUID()),
      teks: `Tersusunnya dokumen perencanaan dan laporan kegiatan nomor ${i + 1} sesuai ketentuan yang berlaku`,
      indikator: (['KUANTITAS', 'KUALITAS', 'WAKTU'] as const).map((aspek) => ({
        id: crypto.randomUUID(), aspek, teks: `Indikator ${aspek.toLowerCase()} RHK ${i + 1}`, target: aspek === 'WAKTU' ? '12 Bulan' : '100%',
      })),
    }));
    await store.skps.save(skp.id, { rhk });
    return skp.id;
  } finally {
    store.close();
  }
}

/** Baseline for opening an SKP: reading the same document straight from Dexie. */
async function rawGetSkp(id: string): Promise<number> {
  const db = new KinerjaDb(DB_NAME, SCHEMA_VERSIONS);
  await db.open();
  const t0 = performance.now();
  await db.skps.get(id);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/**
 * Predikat from the rule pack's matrix plus the distribution check per unit of 60, for n
 * evaluations; the baseline is a plain loop with the matrix written as if/else and a count.
 */
function predikatBench(n: number): { appMs: number; baselineMs: number; warnings: number } {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pairs: [Rating, Rating][] = Array.from({ length: n }, () => [RATINGS[Math.floor(rand() * 3)]!, RATINGS[Math.floor(rand() * 3)]!]);
  const t0 = performance.now();
  let warnings = 0;
  for (let u = 0; u < n; u += 60) {
    const unit: Predikat[] = pairs.slice(u, u + 60).map(([h, p]) => predikatOf(PERMENPANRB_6_2022, h, p));
    warnings += checkDistribution(PERMENPANRB_6_2022, CAPAIAN_ORGANISASI[(u / 60) % 5]!, unit).length;
  }
  const appMs = performance.now() - t0;
  const t1 = performance.now();
  const counts = [0, 0, 0, 0, 0];
  for (const [h, p] of pairs) {
    const k = p === 'DI_BAWAH_EKSPEKTASI' ? (h === 'DI_BAWAH_EKSPEKTASI' ? 4 : 3) : h === 'DI_BAWAH_EKSPEKTASI' ? 2 : h === 'DI_ATAS_EKSPEKTASI' && p === 'DI_ATAS_EKSPEKTASI' ? 0 : 1;
    counts[k]!++;
  }
  const baselineMs = performance.now() - t1;
  if (counts[0]! < 0) console.log(counts);
  return { appMs, baselineMs, warnings };
}

/**
 * Import of n employees from one xlsx the way a user does it (worker parse + validate, preview
 * plan, one-transaction commit) against SheetJS parse + raw Dexie bulkPut of the same rows; then
 * the export of those n employees (worker) against a main-thread SheetJS write of the same rows.
 */
async function importExportBench(n: number) {
  const org = generateOrganisation({ employees: n, seed: 3 });
  const meta = { kind: 'pegawai' as const, schemaVersion: 2, appVersion: 'bench', officeId: 'bench', exportedAt: new Date().toISOString() };
  const bytes = writeWorkbook(buildWorkbook(exportPegawai(org.employees, org.units, org.employees, meta)));

  const name = `bench-import-${Math.random().toString(36).slice(2)}`;
  const store = await DataStore.open(name);
  await store.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Bench', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Bench' }, new Date());
  await store.db.units.bulkPut(org.units);
  const phases: { read: number; plan: number; commit: number }[] = [];
  const app = await longestTask(async () => {
    const session = new ImportSession(name, () => {});
    const p0 = performance.now();
    const read = await session.read(bytes.slice(), 'pegawai.xlsx');
    if (!read.ok) throw new Error(read.code);
    const p1 = performance.now();
    const plan = await session.plan({ mapping: read.mapping, existingMode: 'update', today: fromJsDate(new Date()) });
    if (plan.errorCount > 0) throw new Error(`${plan.errorCount} errors, first: ${JSON.stringify(plan.errors[0])}`);
    const p2 = performance.now();
    await session.commit(false);
    phases.push({ read: p1 - p0, plan: p2 - p1, commit: performance.now() - p2 });
    session.cancel();
    return store.db.employees.count();
  });
  store.close();
  await Dexie.delete(name);

  const rawName = `bench-raw-import-${Math.random().toString(36).slice(2)}`;
  const db = new KinerjaDb(rawName, SCHEMA_VERSIONS);
  await db.open();
  const t0 = performance.now();
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Data']!, { header: 1, raw: true });
  const docs = rows.slice(2).map((r) => ({ ...org.employees[0]!, id: crypto.randomUUID(), nip: String(r[0]), nama: String(r[1]), golongan: String(r[7] ?? ''), jabatan: String(r[9] ?? '') }));
  await db.transaction('rw', db.employees, () => db.employees.bulkPut(docs));
  const baselineMs = performance.now() - t0;
  db.close();
  await Dexie.delete(rawName);

  const exp = await longestTask(() => runExport({ kind: 'pegawai', list: org.employees, all: org.employees, units: org.units, meta }));
  const t1 = performance.now();
  const aoa = employeeRows(org.employees, org.units, org.employees);
  XLSX.write({ SheetNames: ['Data'], Sheets: { Data: XLSX.utils.aoa_to_sheet(aoa) } }, { type: 'array', bookType: 'xlsx', compression: true });
  const exportBaselineMs = performance.now() - t1;
  return { phases, created: app.result, appMs: app.ms, baselineMs, longestMs: app.longestMs, exportMs: exp.ms, exportBaselineMs, exportLongestMs: exp.longestMs, bytes: exp.result.length };
}

/**
 * n evaluation forms (3 RHK each, landscape A4) printed the way the Cetak screen does it (jobs to
 * the worker, canonical content, codes, definitions, pdfmake, bytes back) against bare pdfmake
 * rendering the same definitions, prepared untimed inside a worker.
 */
/** A batch through the app's print path (parallel workers, checked, joined) and through bare pdfmake. */
function pdfJobs(n: number, kind: 'EVA' | 'SKP'): { jobs: PrintJob[]; opts: PrintOptions } {
  const skp = sampleSkp(kind === 'SKP' ? 25 : 3);
  const jobs: PrintJob[] = Array.from({ length: n }, (_, i) => {
    const nip = `1990031520150310${String(i % 100).padStart(2, '0')}`;
    const pegawai = { ...skp.pegawai, employeeId: `emp-${i}`, nama: `Pegawai Contoh ${i + 1}, S.Kom.`, nip };
    return kind === 'SKP'
      ? { kind, skp: { ...skp, id: `skp-${i}`, pegawai }, pack: PERMENPANRB_6_2022 }
      : { kind, evaluation: sampleEvaluation({ ...skp, pegawai }, { id: `eva-${i}`, pegawai }), skp: { ...skp, pegawai }, pack: PERMENPANRB_6_2022, capaian: 'BAIK' };
  });
  return { jobs, opts: { ...SAMPLE_OPTIONS, orientation: kind === 'SKP' ? 'portrait' : 'landscape' } };
}

/** Warm the print workers, as the Cetak screen does when it opens (untimed, before the CPU is read). */
async function pdfWarm(n: number) {
  await warmPrintWorkers(workerCount(n));
}

/** A batch through the print workers: prepare, render, check and join. */
async function pdfBatchBench(n: number, kind: 'EVA' | 'SKP' = 'EVA') {
  const { jobs, opts } = pdfJobs(n, kind);
  const ours = await longestTask(() => new PrintRun().run(jobs, opts, 'SATU_PDF', 'bench', () => {}));
  return { ms: ours.ms, pages: ours.result.pages, longestMs: ours.longestMs, workers: navigator.hardwareConcurrency, phases: ours.result.phases };
}

/** The baseline: the same documents prepared and rendered by bare pdfmake on one thread. */
async function pdfBareBench(n: number, kind: 'EVA' | 'SKP' = 'EVA') {
  const { jobs, opts } = pdfJobs(n, kind);
  return new PrintRun().bare(jobs, opts, 'bench');
}

Object.assign(hooks, { seedDashboard, dashboardReadBench, seedBigSkp, rawGetSkp, predikatBench, importExportBench, pdfBatchBench, pdfBareBench, pdfWarm, syncMergeBench, packageBench, kecamatanPackageBench, networkBench, backupBench, growthBench, skpTemplateBench, lembarBench, tteBench });
(window as unknown as {
  __bench: typeof hooks & {
    seedBigSkp: typeof seedBigSkp;
    rawGetSkp: typeof rawGetSkp;
    predikatBench: typeof predikatBench;
    importExportBench: typeof importExportBench;
    pdfBatchBench: typeof pdfBatchBench;
    pdfBareBench: typeof pdfBareBench;
    pdfWarm: typeof pdfWarm;
    syncMergeBench: typeof syncMergeBench;
    backupBench: typeof backupBench;
    growthBench: typeof growthBench;
    skpTemplateBench: typeof skpTemplateBench;
    lembarBench: typeof lembarBench;
    tteBench: typeof tteBench;
    packageBench: typeof packageBench;
    kecamatanPackageBench: typeof kecamatanPackageBench;
    networkBench: typeof networkBench;
    seedDashboard: typeof seedDashboard;
    dashboardReadBench: typeof dashboardReadBench;
  };
}).__bench = hooks as never;
document.body.dataset.ready = '1';
