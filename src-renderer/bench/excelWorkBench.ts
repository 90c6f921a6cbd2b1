/**
 * `npm run bench` › Excel for the appraisal work (issue #15): importing a filled SKP template of n
 * employees × 5 RHK × 3 indicators, and a lembar penilaian of m employees, the way a user does it
 * (worker read, plan, one-transaction commit), against SheetJS parsing the same file plus a raw
 * bulkPut of the documents the import wrote, in the same run.
 */
import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { CURRENT_VERSION, KinerjaDb, SCHEMA_VERSIONS } from '../db/schema';
import { DataStore } from '../db/store';
import { fromJsDate } from '../domain/dates';
import { periodKey } from '../domain/periods';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import type { Skp } from '../domain/skp';
import { lembarSheets } from '../exchange/lembarPenilaian';
import { templateSheets } from '../exchange/templates';
import { ImportSession } from '../jobs/importClient';
import { buildWorkbook, writeWorkbook, type CellValue } from '../io/sheet';
import { generateOrganisation } from '../sample/generate';
import { skpOf } from './syncBench';

async function office(n: number) {
  const name = `bench-excel-${Math.random().toString(36).slice(2)}`;
  const store = await DataStore.open(name);
  const { settings } = await store.settings.setupOffice({ namaInstansi: 'Pemkab', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Bench' }, new Date());
  const org = generateOrganisation({ employees: n, seed: 5, officeId: settings.officeId });
  // Every employee active, none with an atasan: the SKP rows carry no cascading to resolve.
  const employees = org.employees.map((e) => ({ ...e, aktif: true, atasanId: null }));
  await store.db.transaction('rw', store.db.units, store.db.employees, async () => {
    await store.db.units.bulkPut(org.units);
    await store.db.employees.bulkPut(employees);
  });
  return { name, store, employees, year: settings.activeYear, officeId: settings.officeId };
}

async function importFile(name: string, bytes: Uint8Array, fileName: string) {
  const session = new ImportSession(name, () => {});
  const t0 = performance.now();
  const read = await session.read(bytes.slice(), fileName);
  if (!read.ok) throw new Error(read.code);
  const t1 = performance.now();
  const plan = await session.plan({ mapping: read.mapping, existingMode: 'update', today: fromJsDate(new Date()) });
  if (plan.errorCount > 0) throw new Error(`${plan.errorCount} errors, first: ${JSON.stringify(plan.errors[0])}`);
  const t2 = performance.now();
  await session.commit(false);
  const t3 = performance.now();
  session.cancel();
  return { ms: t3 - t0, phases: { read: t1 - t0, plan: t2 - t1, commit: t3 - t2 }, created: plan.createCount, updated: plan.updateCount };
}

/** SheetJS parse of the same bytes, then a raw bulkPut of the given documents into a scratch database. */
async function baseline(bytes: Uint8Array, table: 'skps' | 'evaluations', docs: unknown[]) {
  const db = new KinerjaDb(`bench-excel-raw-${Math.random().toString(36).slice(2)}`, SCHEMA_VERSIONS);
  await db.open();
  const t = performance.now();
  XLSX.read(bytes, { type: 'array', dense: true });
  await db.transaction('rw', db.table(table), () => db.table(table).bulkPut(docs));
  const ms = performance.now() - t;
  db.close();
  await Dexie.delete(db.name);
  return ms;
}

export async function skpTemplateBench(n: number) {
  const { name, store, employees, year, officeId } = await office(n);
  try {
    const rows: CellValue[][] = [];
    for (const e of employees) {
      for (let r = 0; r < 5; r++) {
        for (const [k, aspek] of ['Kuantitas', 'Kualitas', 'Waktu'].entries()) {
          rows.push([e.nip, e.nama, k === 0 ? (r < 4 ? 'Utama' : 'Tambahan') : '', k === 0 ? `Tersusunnya laporan kegiatan ${r + 1} seksi tepat waktu` : '', '', aspek, `Indikator ${aspek.toLowerCase()} ${r + 1}`, k === 2 ? '12 Bulan' : '4 Laporan']);
        }
      }
    }
    const meta = { kind: 'skp' as const, schemaVersion: CURRENT_VERSION, appVersion: 'bench', officeId, exportedAt: new Date().toISOString(), year };
    const bytes = writeWorkbook(buildWorkbook(templateSheets('skp', meta, rows, [], false)));
    const app = await importFile(name, bytes, 'templat-skp.xlsx');
    const written = await store.db.skps.toArray();
    const baselineMs = await baseline(bytes, 'skps', written);
    return { ...app, phases: app.phases, baselineMs, rows: rows.length, written: written.length, rhk: written.reduce((s, k) => s + k.rhk.length, 0) };
  } finally {
    store.close();
    await Dexie.delete(name);
  }
}

export async function lembarBench(m: number) {
  const { name, store, employees, year, officeId } = await office(m);
  try {
    // Approved SKPs (5 RHK × 3 indicators), then the lembar of the first period filled for everyone.
    const skps = employees.map((e, i) => ({ ...skpOf(e as never, officeId, `r-${i}`, i), year, status: 'DISETUJUI', updatedBy: officeId }) as unknown as Skp);
    await store.db.transaction('rw', store.db.skps, () => store.db.skps.bulkPut(skps));
    const period = (await store.years.periods(year))[0]!;
    const units = await store.units.list();
    const meta = { kind: 'realisasi' as const, schemaVersion: CURRENT_VERSION, appVersion: 'bench', officeId, exportedAt: '', year, periodId: periodKey(period) };
    const sheets = lembarSheets({ meta, period, employees, units, skps, evaluations: [], unitNames: [], pack: PERMENPANRB_6_2022 });
    const data = sheets.find((s) => s.name === 'Data')!;
    data.rows.slice(2).forEach((row, i) => {
      row[6] = `Realisasi ${i}`;
      row[7] = 'Laporan';
      row[8] = 'Tepat waktu';
      if (row[3] === 'A.1') {
        row[9] = 'Sesuai Ekspektasi';
        row[10] = i % 3 === 0 ? 'Di Atas Ekspektasi' : 'Sesuai Ekspektasi';
      }
    });
    const bytes = writeWorkbook(buildWorkbook(sheets));
    const app = await importFile(name, bytes, 'lembar-penilaian.xlsx');
    const written = await store.db.evaluations.toArray();
    const baselineMs = await baseline(bytes, 'evaluations', written);
    return { ...app, phases: app.phases, baselineMs, rows: data.rows.length - 2, written: written.length, rated: written.filter((e) => e.predikat).length };
  } finally {
    store.close();
    await Dexie.delete(name);
  }
}
