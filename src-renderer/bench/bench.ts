/**
 * Seeding and raw baselines for `npm run bench`, built only with `vite build --mode bench`.
 * Runs on the same origin as the app, so it writes the very database the app then opens.
 */
import Dexie from 'dexie';
import { foldText } from '../domain/pegawai';
import { DB_NAME, KinerjaDb, SCHEMA_VERSIONS } from '../db/schema';
import { DataStore } from '../db/store';
import { generateOrganisation } from '../sample/generate';

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

(window as unknown as { __bench: typeof hooks }).__bench = hooks;
document.body.dataset.ready = '1';
