/**
 * `npm run bench` › Sinkronisasi packages (issue #13): a kecamatan's full year as one package, a
 * kabupaten-sized full package received through the worker the way the app does it, and a package
 * of a 1 % change.
 */
import { listSnapshots } from '../db/snapshots';
import { appendAudit } from '../db/audit';
import type { AuditEntry } from '../db/schema';
import { recordHash } from '../domain/auditChain';
import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { emptyHasil } from '../domain/evaluation';
import { formatHlc } from '../domain/hlc';
import type { Installation } from '../domain/sync/access';
import { writeLocal, type SyncDoc } from '../domain/sync/merge';
import { newRhk, type Rhk } from '../domain/skp';
import { DB_NAME, KinerjaDb, SCHEMA_VERSIONS } from '../db/schema';
import { DataStore } from '../db/store';
import { PackageSession } from '../jobs/packageClient';
import { writePackageFile } from '../exchange/packageFile';
import { generateOrganisation } from '../sample/generate';
import { longestTask } from './longestTask';

const OFFICE = { namaInstansi: 'Pemerintah Kabupaten Tangerang', namaKantor: 'Kecamatan Curug', alamat: '', tempat: 'Curug', kertas: 'A4' as const, namaAdmin: 'Bench' };
export const RECEIVER = 'ireceiverpc00001';

async function clean() {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

/**
 * A sender office with `n` employees, their SKPs (5 RHK) and, optionally, a year of evaluations;
 * with `years`, that many years of SKPs and evaluations (the current one last), and with `audit`
 * an audit entry per record (the growth bench, issue #33).
 */
export async function sender(n: number, opts: { periods?: number; attachments?: number; years?: number; audit?: boolean; name?: string } = {}) {
  const store = await DataStore.open(opts.name ?? 'bench-sender');
  const { settings } = await store.settings.setupOffice(OFFICE, new Date());
  const self = (await store.settings.getInstallation())!;
  await store.sync.enrol({ officeId: settings.officeId, role: 'KANTOR', nama: 'PC cadangan', penilaiEmployeeId: null }, RECEIVER);
  let c = 0;
  // After the setup's own revs (now): revs only grow on one installation.
  const t0 = Date.now() + 1000;
  const rev = () => formatHlc({ wallMs: t0 + Math.floor(c / 1000), counter: c++ % 1000, node: self.id });
  const stamp = (table: string, doc: Record<string, unknown>) => writeLocal(table, undefined, { ...doc, officeId: settings.officeId }, { rev: rev(), nowIso: new Date(t0).toISOString(), id: doc.id as string });
  const org = generateOrganisation({ employees: n, seed: 11, officeId: self.id });
  const employees = org.employees.map((e) => stamp('employees', e as unknown as Record<string, unknown>));
  const units = org.units.map((u) => stamp('units', u as unknown as Record<string, unknown>));
  const skps: SyncDoc[] = [];
  const evaluations: SyncDoc[] = [];
  const attachments: SyncDoc[] = [];
  const years = Array.from({ length: opts.years ?? 1 }, (_, k) => 2026 - (opts.years ?? 1) + 1 + k);
  for (const year of years) employees.forEach((e, i) => {
    // The current year keeps the ids the other benches use.
    const key = year === 2026 ? `${i}` : `${year}-${i}`;
    const rhk: Rhk[] = Array.from({ length: 5 }, (_, r) => ({
      ...newRhk(r < 4 ? 'UTAMA' : 'TAMBAHAN', `rhk-${i}-${r}`, `ind-${i}-${r}-0`),
      teks: `Tersusunnya laporan kegiatan ${r + 1} seksi tepat waktu dan sesuai ketentuan`,
      indikator: (['KUANTITAS', 'KUALITAS', 'WAKTU'] as const).map((aspek, k) => ({ id: `ind-${i}-${r}-${k}`, aspek, teks: `Indikator ${aspek.toLowerCase()}`, target: aspek === 'WAKTU' ? '12 Bulan' : '4 Laporan' })),
    }));
    const pegawai = { employeeId: e.id, nama: e.nama, nip: e.nip, status: 'PNS', pangkat: '', jabatan: e.jabatan, unit: '' };
    const skp = stamp('skps', {
      id: `skp-${key}`, employeeId: e.id, year, mulai: `${year}-01-01`, selesai: `${year}-12-31`, pendekatan: 'KUANTITATIF', jenis: 'JA_JF', pegawai, penilai: null, atasanPenilai: null,
      rhk, ekspektasi: {}, lampiran: { dukungan: [], skema: [], konsekuensi: [] }, status: 'DISETUJUI', disetujuiPada: '2026-01-20', rulePack: { id: 'permenpanrb-6-2022', version: 1 },
    });
    skps.push(skp);
    for (let q = 1; q <= (opts.periods ?? 0); q++) {
      const hasil = Object.fromEntries(rhk.map((r) => [r.id, { ...emptyHasil(), realisasi: `${q} laporan`, buktiDukung: 'Arsip seksi', umpanBalik: [{ id: `ub-${i}-${q}-${r.id}`, tanggal: `2026-0${q * 3}-15`, teks: 'Tepat waktu, pertahankan' }] }]));
      evaluations.push(stamp('evaluations', {
        id: `ev-${key}-${q}`, employeeId: e.id, skpId: skp.id, unitId: e.unitId, year, periodId: `${year}-TRIWULANAN-${q}`, periodLabel: `TRIWULAN ${q}`, akhir: q === 4,
        mulai: '2026-01-01', selesai: '2026-12-31', pegawai, penilai: null, atasanPenilai: null, hasil, perilaku: {}, masukan: [], ratingHasil: 'SESUAI_EKSPEKTASI',
        ratingPerilaku: 'SESUAI_EKSPEKTASI', predikat: 'BAIK', status: 'FINAL', finalPada: '2026-04-02', rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' }, rulePack: { id: 'permenpanrb-6-2022', version: 1 },
      }));
    }
  });
  for (let a = 0; a < (opts.attachments ?? 0); a++) {
    const bytes = new Uint8Array(150_000);
    crypto.getRandomValues(bytes.subarray(0, 65_536));
    attachments.push(stamp('attachments', { id: `att-${a}`, ownerId: evaluations[a]?.id ?? 'x', rhkId: 'rhk-0-0', nama: `bukti-${a}.jpg`, jenis: 'image/jpeg', ukuran: bytes.length, data: bytes.buffer }));
  }
  const { db } = store;
  await db.transaction('rw', [db.units, db.employees, db.skps, db.evaluations, db.attachments, db.auditLog, db.settings], async () => {
    await db.units.bulkPut(units as never);
    await db.employees.bulkPut(employees as never);
    await db.skps.bulkPut(skps as never);
    await db.evaluations.bulkPut(evaluations as never);
    await db.attachments.bulkPut(attachments as never);
    if (opts.audit) {
      const at = new Date(t0).toISOString();
      const seeded: [string, SyncDoc[]][] = [['units', units], ['employees', employees], ['skps', skps], ['evaluations', evaluations]];
      await appendAudit(db, seeded.flatMap(([table, docs]) => docs.map((d): AuditEntry => ({ id: `a-${table}-${d.id}`, at, actor: 'Bench', officeId: settings.officeId, table, docId: d.id, action: 'create', changes: [], rev: d.rev, h: recordHash(d) }))));
    }
  });
  return { store, self, officeId: settings.officeId, employees, skps, rev };
}

/** A kecamatan of 100 with a full year (SKPs, four periods, a few attachments) as one package. */
export async function kecamatanPackageBench(n: number) {
  await clean();
  const s = await sender(n, { periods: 4, attachments: 5 });
  try {
    const t0 = performance.now();
    const pkg = await s.store.packages.build(RECEIVER, { full: true });
    const { bytes } = await writePackageFile(pkg);
    return { ms: performance.now() - t0, bytes: bytes.length, records: pkg.records.length };
  } finally {
    s.store.close();
  }
}

/** The receiver: another PC of the sender's office, enrolled by it, its key trusted (as joining does after a person compared the code). */
export async function enrolReceiver(s: Awaited<ReturnType<typeof sender>>): Promise<void> {
  const receiver = await DataStore.open(DB_NAME);
  await receiver.settings.joinOffice({ officeId: s.officeId, installId: RECEIVER, role: 'KANTOR', penilaiEmployeeId: null, adminName: 'Bench', enrolledBy: s.self as Installation }, new Date());
  await receiver.trust.trustKey((s.self as Installation).id, (await s.store.trust.signer()).key, null);
  receiver.close();
}

/** A package file opened and applied through the worker, as "Terima paket" → "Terapkan" does, timed. */
export async function receiveTimed(bytes: Uint8Array) {
  const session = new PackageSession(DB_NAME);
  const t = performance.now();
  try {
    await session.open(bytes.slice(), '99.0.0');
    const applied = await session.apply();
    return { applied, ms: performance.now() - t };
  } finally {
    session.close();
  }
}

/** A full package of n employees + SKPs received through the worker; then a 1 % change. */
export async function packageBench(n: number) {
  await clean();
  const s = await sender(n);
  try {
    let t = performance.now();
    const pkg = await s.store.packages.build(RECEIVER, { full: true });
    const file = await writePackageFile(pkg);
    const buildMs = performance.now() - t;

    await enrolReceiver(s);

    // Baseline: SheetJS reading the same file, and a raw bulkPut of the same documents.
    t = performance.now();
    XLSX.read(file.bytes, { type: 'array', dense: true });
    const sheetJsMs = performance.now() - t;
    const scratch = new KinerjaDb(`bench-pkg-raw-${Math.random().toString(36).slice(2)}`, SCHEMA_VERSIONS);
    await scratch.open();
    t = performance.now();
    await scratch.transaction('rw', scratch.employees, scratch.skps, async () => {
      await scratch.employees.bulkPut(pkg.records.filter((r) => r.table === 'employees').map((r) => r.doc) as never);
      await scratch.skps.bulkPut(pkg.records.filter((r) => r.table === 'skps').map((r) => r.doc) as never);
    });
    const bulkPutMs = performance.now() - t;
    scratch.close();
    await Dexie.delete(scratch.name);

    // What receiving adds to the window's heap (the bench page itself holds the sender's data).
    const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    const startHeap = heap();
    let peakHeap = startHeap;
    const sample = setInterval(() => {
      peakHeap = Math.max(peakHeap, heap());
    }, 50);
    const session = new PackageSession(DB_NAME);
    const phases: Record<string, number> = {};
    const received = await longestTask(async () => {
      let p = performance.now();
      await session.open(file.bytes.slice(), '99.0.0');
      phases.readVerify = performance.now() - p;
      p = performance.now();
      const preview = await session.preview();
      phases.preview = performance.now() - p;
      p = performance.now();
      const applied = await session.apply();
      phases.apply = performance.now() - p;
      return { preview, applied };
    });
    session.close();
    clearInterval(sample);

    // A week later 1 % of the employees changed; the receiver's last package confirmed the rest.
    await s.store.db.peers.put({ id: RECEIVER, confirmed: pkg.envelope.holds });
    const changed = s.employees.slice(0, Math.max(1, Math.round(n / 100))).map((e) =>
      writeLocal('employees', e, { ...e, jabatan: `${String(e.jabatan)} Ahli` }, { rev: s.rev(), nowIso: '', id: e.id }),
    );
    await s.store.db.employees.bulkPut(changed as never);
    t = performance.now();
    const small = await s.store.packages.build(RECEIVER);
    const smallFile = await writePackageFile(small);
    const smallBuildMs = performance.now() - t;
    const { applied: smallApplied, ms: smallReceiveMs } = await receiveTimed(smallFile.bytes);

    // The same records again in a new package (the sender built it before hearing back): nothing
    // changes here, so no snapshot is taken and little is done.
    const snapshotsBefore = (await listSnapshots(DB_NAME)).length;
    const again = await writePackageFile(await s.store.packages.build(RECEIVER));
    const { applied: sameApplied, ms: sameReceiveMs } = await receiveTimed(again.bytes);
    const sameSnapshots = (await listSnapshots(DB_NAME)).length - snapshotsBefore;

    return {
      records: pkg.records.length, bytes: file.bytes.length, buildMs, sheetJsMs, bulkPutMs,
      receiveMs: received.ms, longestMs: received.longestMs, phases, peakHeapMb: (peakHeap - startHeap) / 1024 / 1024,
      created: received.result.applied.created, updated: received.result.applied.updated, held: received.result.applied.held, unchanged: received.result.applied.unchanged, refused: received.result.applied.refusals.length, previewCreated: received.result.preview.created,
      smallRecords: small.records.length, smallBytes: smallFile.bytes.length, smallBuildMs, smallReceiveMs, smallUpdated: smallApplied.updated,
      sameReceiveMs, sameChanged: sameApplied.created + sameApplied.updated, sameSnapshots,
    };
  } finally {
    s.store.close();
  }
}
