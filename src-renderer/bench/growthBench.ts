/**
 * `npm run bench` › Lima tahun kemudian (issue #33): the same present-day operations on an office
 * holding one year and one holding five (SKPs, four evaluations a year, an audit entry per record),
 * so history that slows the present shows as a ratio above 1.
 */
import Dexie from 'dexie';
import { writeLocal } from '../domain/sync/merge';
import type { Employee } from '../domain/pegawai';
import { META_KEYS } from '../domain/sync/paths';
import type { EmployeePlan } from '../exchange/pegawaiImport';
import { writePackageFile } from '../exchange/packageFile';
import { enrolReceiver, receiveTimed, RECEIVER, sender } from './packageBench';
import { DataStore } from '../db/store';
import { DB_NAME } from '../db/schema';
import { PackageSession } from '../jobs/packageClient';
import { PEERS_READ_MEASURE } from '../db/packageRepo';

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t = performance.now();
  const result = await work();
  return { result, ms: performance.now() - t };
}

/** Employees' golongan changed, as the import's plan says it (no workbook: the commit is what grows). */
function updatesPlan(employees: readonly Record<string, unknown>[]): EmployeePlan {
  const updates = employees.map((e, i) => {
    const fields = Object.fromEntries(Object.entries(e).filter(([k]) => !META_KEYS.has(k) && k !== 'deleted' && k !== 'officeId')) as unknown as Employee;
    return { row: 4 + i, id: e.id as string, rev: e.rev as string, nama: String(e.nama), fields: { ...fields, golongan: 'IV/a' }, changes: [{ field: 'golongan', from: String(e.golongan), to: 'IV/a' }] };
  });
  return { creates: [], updates, unchanged: 0, skipped: 0, errors: [], errorRows: 0, warnings: [], warningRows: 0, totalRows: updates.length, madeAt: new Date().toISOString(), rows: [] };
}

/** One office of `n` employees with `years` of history: the present-day operations, timed. */
export async function growthBench(n: number, years: number) {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  const s = await sender(n, { periods: 4, years, audit: true, name: `bench-growth-${years}` });
  const { store } = s;
  // The page keeps what the app keeps: five years of SKPs are in IndexedDB, not in an array of the
  // bench's (held all run, it made every garbage collection at 5 years longer than the app's).
  s.skps.length = 0;
  try {
    const records = (await store.db.skps.count()) + (await store.db.evaluations.count()) + (await store.db.employees.count());
    const auditEntries = await store.db.auditLog.count();
    // The full audit check once (what "Periksa keutuhan riwayat" costs), then the present-day work.
    const fullAudit = await timed(() => store.verifyAudit('full'));
    if (!fullAudit.result.ok) throw new Error(`seeded audit log not whole: ${JSON.stringify(fullAudit.result)}`);

    const importCommit = await timed(() => store.imports.commitEmployees(updatesPlan(s.employees.slice(0, Math.min(1000, Math.floor(n / 2)))), { fileName: 'pegawai.xlsx', sha256: 'growth', onlyValid: false }));
    const sinceAudit = await timed(() => store.verifyAudit('sinceLast'));
    if (!sinceAudit.result.ok) throw new Error('audit after the import not whole');

    // A week later 1 % of the employees (others than the import's) changed; the other PC had confirmed everything before.
    await store.db.peers.put({ id: RECEIVER, confirmed: { [s.self.id]: s.rev() } });
    const fresh = await store.db.employees.bulkGet(s.employees.slice(-Math.max(1, Math.round(n / 100))).map((e) => e.id));
    const changed = fresh.filter((e) => !!e).map((e) => writeLocal('employees', e as never, { ...(e as object), jabatan: 'Analis Ahli' }, { rev: s.rev(), nowIso: '', id: e!.id }));
    await store.db.employees.bulkPut(changed as never);
    const smallPackage = await timed(async () => writePackageFile(await store.packages.build(RECEIVER)));
    const peers = await timed(() => store.packages.peers());
    const peersRead = performance.getEntriesByName(PEERS_READ_MEASURE).reduce((n, e) => n + e.duration, 0);
    const peersWaiting = peers.result.reduce((n, p) => n + p.waiting, 0);
    const review = await timed(() => store.sync.openConflicts());

    // The whole office to another PC ("Paket lengkap", as to a BKD or a new PC): built in parts,
    // one part's workbook in memory at a time, and received back part by part.
    const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    // What the page already holds (the seeded office, the bench's own arrays): a part adds to it.
    // (No sampled peak: a timer cannot fire inside a synchronous write; the bench caps the heap instead.)
    const liveBefore = heap();
    let liveHeap = liveBefore;
    const files: Uint8Array[] = [];
    const full = await timed(async () => {
      // As the worker does: one part built and written at a time. After each, what is still live
      // (garbage collected first, where the bench exposes gc): the memory a part really holds.
      for await (const pkg of store.packages.partsOf(RECEIVER, { full: true })) {
        files.push((await writePackageFile(pkg)).bytes);
        gc?.();
        liveHeap = Math.max(liveHeap, heap());
      }
    });
    // "Cadangkan data" of everything held, written as it is read (issue #33), in the same capped page.
    const backup = await timed(() => store.backups.create());
    await enrolReceiver(s);
    let created = 0;
    const receivedFull = await timed(async () => {
      for (const bytes of files) created += (await receiveTimed(bytes)).applied.created;
    });
    // And back: the other PC, now holding the same years, changes 1 % of the employees; this
    // office receives that package (the receive path with five years held here).
    const other = await DataStore.open(DB_NAME);
    let back: Uint8Array;
    try {
      await store.trust.trustKey(RECEIVER, (await other.trust.signer()).key, null);
      for (const e of s.employees.slice(0, Math.max(1, Math.round(n / 100)))) {
        const now = (await other.employees.get(e.id as string))!;
        await other.employees.save(now.id, { ...now, jabatan: 'Analis Kebijakan' });
      }
      back = (await writePackageFile(await other.packages.build(s.self.id as string))).bytes;
    } finally {
      other.close();
    }
    const session = new PackageSession(store.db.name);
    let openMs = 0;
    const receivedSmall = await timed(async () => {
      try {
        // Reading and verifying the file (the worker starts here): the same work at 1 and 5 years.
        const t = performance.now();
        await session.open(back.slice(), '99.0.0');
        openMs = performance.now() - t;
        return await session.apply();
      } finally {
        session.close();
      }
    });
    if (receivedSmall.result.updated < 1) throw new Error(`1 % package back: ${JSON.stringify(receivedSmall.result)}`);
    return {
      smallReceiveMs: receivedSmall.ms, smallReceived: receivedSmall.result.updated, smallReceivePhases: { open: Math.round(openMs), ...receivedSmall.result.phases, applyWhole: Math.round(receivedSmall.ms - openMs) },
      fullMs: full.ms, fullParts: files.length, fullMb: files.reduce((n, f) => n + f.length, 0) / 1024 ** 2, fullLiveHeapMb: (liveHeap - liveBefore) / 1024 ** 2, fullHeldBeforeMb: liveBefore / 1024 ** 2, fullReceiveMs: receivedFull.ms, fullCreated: created, backupMs: backup.ms, backupMb: backup.result.bytes.length / 1024 ** 2,
      years, records, auditEntries, fullAuditMs: fullAudit.ms, importMs: importCommit.ms, sinceAuditMs: sinceAudit.ms, sinceChecked: sinceAudit.result.checked,
      smallPackageMs: smallPackage.ms, smallRecords: changed.length, peersMs: peers.ms, peersPhases: { recordsRead: Math.round(peersRead), rest: Math.round(peers.ms - peersRead), waiting: peersWaiting }, reviewMs: review.ms, reviewCount: review.result.length,
    };
  } finally {
    store.close();
  }
}
