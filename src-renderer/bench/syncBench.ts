/**
 * `npm run bench` › Sinkronisasi: records of another installation of the same office arriving
 * into a database that holds an older copy of half of them (issue #12), against a raw Dexie
 * bulkPut of the same documents in the same run.
 */
import Dexie from 'dexie';
import { formatHlc } from '../domain/hlc';
import { writeLocal, type SyncDoc } from '../domain/sync/merge';
import { newRhk, type Rhk } from '../domain/skp';
import { DB_NAME, KinerjaDb, SCHEMA_VERSIONS } from '../db/schema';
import { DataStore } from '../db/store';
import { findRecordProblem, type ExchangeRecord } from '../exchange/records';
import { generateOrganisation } from '../sample/generate';

const REMOTE = 'iremotepc000001';

export function skpOf(employee: SyncDoc, officeId: string, rev: string, i: number): SyncDoc {
  const rhk: Rhk[] = Array.from({ length: 5 }, (_, r) => ({
    ...newRhk(r < 4 ? 'UTAMA' : 'TAMBAHAN', `rhk-${i}-${r}`, `ind-${i}-${r}-0`),
    teks: `Tersusunnya laporan kegiatan ${r + 1} seksi tepat waktu`,
    indikator: (['KUANTITAS', 'KUALITAS', 'WAKTU'] as const).map((aspek, k) => ({ id: `ind-${i}-${r}-${k}`, aspek, teks: `Indikator ${aspek.toLowerCase()}`, target: aspek === 'WAKTU' ? '12 Bulan' : '4 Laporan' })),
  }));
  return {
    id: `skp-${i}`, createdAt: employee.createdAt, updatedAt: employee.createdAt, updatedBy: REMOTE, rev, deleted: false, officeId,
    employeeId: employee.id, year: 2026, mulai: '2026-01-01', selesai: '2026-12-31', pendekatan: 'KUANTITATIF', jenis: 'JA_JF',
    pegawai: { employeeId: employee.id, nama: employee.nama, nip: employee.nip, status: 'PNS', pangkat: '', jabatan: employee.jabatan, unit: '' },
    penilai: null, atasanPenilai: null, rhk, ekspektasi: {}, lampiran: { dukungan: [], skema: [], konsekuensi: [] },
    status: 'DRAF', disetujuiPada: '', rulePack: { id: 'permenpanrb-6-2022', version: 1 },
  };
}

/** The older copies (what this PC holds) and the newer ones (what arrives), for n employees. */
function documents(n: number, officeId: string) {
  const t0 = Date.now() - 30 * 86_400_000;
  const org = generateOrganisation({ employees: n, seed: 7, officeId: REMOTE });
  const older: { table: string; doc: SyncDoc }[] = [];
  const incoming: ExchangeRecord[] = [];
  let c = 0;
  const rev = (ms: number) => formatHlc({ wallMs: ms + Math.floor(c / 1000), counter: c++ % 1000, node: REMOTE });
  org.employees.forEach((e, i) => {
    const emp: SyncDoc = { ...(e as unknown as SyncDoc), officeId, rev: rev(t0) };
    const skp = skpOf(emp, officeId, rev(t0), i);
    // Since the older copy: a promotion and a revised RHK.
    const newEmp = writeLocal('employees', emp, { ...emp, jabatan: `${String(emp.jabatan)} Ahli`, golongan: 'III/b' }, { rev: rev(t0 + 86_400_000), nowIso: '', id: emp.id });
    const rhk = (skp.rhk as Rhk[]).map((r, k) => (k === 0 ? { ...r, teks: `${r.teks} (revisi)` } : r));
    const newSkp = writeLocal('skps', skp, { ...skp, rhk }, { rev: rev(t0 + 86_400_000), nowIso: '', id: skp.id });
    if (i % 2 === 0) older.push({ table: 'employees', doc: emp }, { table: 'skps', doc: skp });
    incoming.push({ table: 'employees', schemaVersion: 4, doc: newEmp }, { table: 'skps', schemaVersion: 4, doc: newSkp });
  });
  return { older, incoming };
}

export async function syncMergeBench(n: number) {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  const store = await DataStore.open(DB_NAME);
  try {
    const { settings } = await store.settings.setupOffice(
      { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4', namaAdmin: 'Bench' },
      new Date(),
    );
    await store.sync.enrol({ officeId: settings.officeId, role: 'KANTOR', nama: 'PC kedua', penilaiEmployeeId: null }, REMOTE);
    const { older, incoming } = documents(n, settings.officeId);
    await store.db.transaction('rw', store.db.employees, store.db.skps, async () => {
      await store.db.employees.bulkPut(older.filter((o) => o.table === 'employees').map((o) => o.doc) as never);
      await store.db.skps.bulkPut(older.filter((o) => o.table === 'skps').map((o) => o.doc) as never);
    });

    // Baseline: the same documents, raw bulkPut into a scratch database, in this run.
    const scratch = new KinerjaDb(`bench-sync-raw-${Math.random().toString(36).slice(2)}`, SCHEMA_VERSIONS);
    await scratch.open();
    let t = performance.now();
    await scratch.transaction('rw', scratch.employees, scratch.skps, async () => {
      await scratch.employees.bulkPut(incoming.filter((r) => r.table === 'employees').map((r) => r.doc) as never);
      await scratch.skps.bulkPut(incoming.filter((r) => r.table === 'skps').map((r) => r.doc) as never);
    });
    const baselineMs = performance.now() - t;
    scratch.close();
    await Dexie.delete(scratch.name);

    const source = { packageId: 'bench', installId: REMOTE, officeId: settings.officeId, label: 'PC kedua' };
    t = performance.now();
    findRecordProblem(incoming);
    const validateMs = performance.now() - t;
    t = performance.now();
    const first = await store.sync.applyBatch({ source, records: incoming });
    const appMs = performance.now() - t;
    t = performance.now();
    const again = await store.sync.applyBatch({ source, records: incoming });
    const againMs = performance.now() - t;
    const check = await store.db.employees.get(incoming[0]!.doc.id as string);
    return { appMs, againMs, baselineMs, validateMs, first, again, promoted: String(check?.jabatan).endsWith(' Ahli'), docs: incoming.length };
  } finally {
    store.close();
  }
}
