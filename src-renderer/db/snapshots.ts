/**
 * Snapshots: whole copies of the database kept inside this PC's browser storage (a database of
 * their own, `snapshotDbName`), taken before a schema upgrade, a restore, an import or a received
 * package, and listed in Pengaturan › Salinan otomatis. Not to be confused with a backup *file*
 * (db/backupRepo.ts writes and restores one; exchange/backupFile.ts is its format).
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import { portableTables } from './schema';

export interface Snapshot {
  id: string;
  at: string;
  dbName: string;
  fromVersion: number;
  toVersion: number;
  /** Why it was taken (absent: a schema upgrade, from before snapshots had reasons). */
  reason?: SnapshotReason;
  tables: Record<string, unknown[]>;
}

/** What was about to happen when a snapshot was taken: each is a step an admin may want to undo. */
export type SnapshotReason = 'upgrade' | 'restore' | 'import' | 'sync' | 'snapshot';

/** Snapshots kept; the oldest beyond this many are dropped when a new one is taken. */
export const SNAPSHOTS_KEPT = 5;

/**
 * Room the rotating snapshots may take on this PC (estimated): beyond it the oldest go first,
 * always keeping the newest. Snapshots taken before an app update stand outside the rotation
 * (daily packages must not push them out within a week): the newest UPGRADE_SNAPSHOTS_KEPT stay.
 */
export const SNAPSHOT_BUDGET_BYTES = 500 * 1024 * 1024;

/** Snapshots taken before app updates kept outside the rotation (the newest ones). */
export const UPGRADE_SNAPSHOTS_KEPT = 2;

/** Rough size of a snapshot: records at about a kilobyte each, files and signature images at their size. */
export function estimateBytes(tables: Record<string, unknown[]>): number {
  let bytes = 0;
  for (const rows of Object.values(tables)) {
    for (const r of rows as Record<string, unknown>[]) {
      bytes += 1024;
      if (typeof r.ukuran === 'number') bytes += r.ukuran;
      if (typeof r.dataUrl === 'string') bytes += r.dataUrl.length;
    }
  }
  return bytes;
}

export function snapshotDbName(dbName: string): string {
  return `${dbName}-cadangan`;
}

export type SnapshotSummary = Omit<Snapshot, 'tables'> & { counts: Record<string, number>; bytes?: number };

/**
 * Rows per stored piece of a snapshot (issue #33): a snapshot is copied a piece at a time, so five
 * years of an office never sit in memory at once while it is taken.
 */
export const SNAPSHOT_CHUNK_ROWS = 5_000;

interface SnapshotChunk {
  snapId: string;
  table: string;
  n: number;
  rows: unknown[];
}

type SnapshotDb = Dexie & { backups: Dexie.Table<Snapshot, string>; summaries: Dexie.Table<SnapshotSummary, string>; chunks: Dexie.Table<SnapshotChunk, [string, string, number]> };

function openBackupDb(dbName: string): SnapshotDb {
  const db = new Dexie(snapshotDbName(dbName)) as SnapshotDb;
  db.version(1).stores({ backups: 'id, at' });
  // Listing snapshots reads these, not megabytes of records.
  db.version(2).stores({ summaries: 'id, at' });
  // Snapshots taken since issue #33 are stored in pieces (older ones stay whole in `backups`).
  db.version(3).stores({ chunks: '[snapId+table+n], snapId' });
  return db;
}

/**
 * Copies tables into a snapshot's pieces, SNAPSHOT_CHUNK_ROWS at a time in primary-key order;
 * returns the rows per table and their estimated size.
 */
async function copyInPieces(tables: readonly Table[], snapId: string, bdb: SnapshotDb): Promise<{ counts: Record<string, number>; bytes: number }> {
  const counts: Record<string, number> = {};
  let bytes = 0;
  for (const t of tables) {
    let count = 0;
    const keyPath = t.schema.primKey.keyPath as string;
    let last: IndexableType | undefined;
    for (let n = 0; ; n++) {
      const page = await (last === undefined ? t.orderBy(':id') : t.where(':id').above(last)).limit(SNAPSHOT_CHUNK_ROWS).toArray();
      if (page.length > 0 || n === 0) await bdb.chunks.put({ snapId, table: t.name, n, rows: page });
      count += page.length;
      bytes += estimateBytes({ [t.name]: page });
      if (page.length < SNAPSHOT_CHUNK_ROWS) break;
      last = Dexie.getByKeyPath(page[page.length - 1], keyPath) as IndexableType;
    }
    counts[t.name] = count;
  }
  return { counts, bytes };
}

let taken = 0;
/** Snapshot ids sort in the order they were taken, even two in the same millisecond. */
function snapshotId(at: string): string {
  taken += 1;
  return `${at}_${String(taken).padStart(6, '0')}_${crypto.randomUUID()}`;
}

function summaryOf({ tables, ...rest }: Snapshot): SnapshotSummary {
  return { ...rest, counts: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])), bytes: estimateBytes(tables) };
}

/** Which snapshots a new one pushes out (oldest first in `all`): see SNAPSHOT_BUDGET_BYTES. */
export function snapshotsToDrop(all: readonly Pick<SnapshotSummary, 'id' | 'reason' | 'bytes'>[]): string[] {
  const upgrades = all.filter((s) => (s.reason ?? 'upgrade') === 'upgrade');
  const rotating = all.filter((s) => (s.reason ?? 'upgrade') !== 'upgrade');
  const dropped = [...upgrades.slice(0, Math.max(0, upgrades.length - UPGRADE_SNAPSHOTS_KEPT)), ...rotating.slice(0, Math.max(0, rotating.length - SNAPSHOTS_KEPT))];
  const kept = rotating.slice(Math.max(0, rotating.length - SNAPSHOTS_KEPT));
  let total = kept.reduce((n, s) => n + (s.bytes ?? 0), 0);
  while (kept.length > 1 && total > SNAPSHOT_BUDGET_BYTES) {
    const oldest = kept.shift()!;
    total -= oldest.bytes ?? 0;
    dropped.push(oldest);
  }
  return dropped.map((s) => s.id);
}

/**
 * Copies every table of an existing database into a separate backup database when it is about
 * to be upgraded to `targetVersion` (Frappe Books backs up before migrating; so do we). Returns
 * the backup, or null when there is nothing to upgrade.
 */
export async function snapshotBeforeUpgrade(dbName: string, targetVersion: number): Promise<SnapshotSummary | null> {
  const names = await Dexie.getDatabaseNames();
  if (!names.includes(dbName)) return null;
  const existing = new Dexie(dbName);
  await existing.open(); // dynamic mode: opens whatever version is on disk, no upgrade
  try {
    if (existing.verno >= targetVersion) return null;
    const at = new Date().toISOString();
    return await takeSnapshot(existing.tables, { id: snapshotId(at), at, dbName, fromVersion: existing.verno, toVersion: targetVersion, reason: 'upgrade' });
  } finally {
    existing.close();
  }
}

/** The snapshots kept, oldest first, with their record counts (not their records). */
export async function listSnapshots(dbName: string): Promise<SnapshotSummary[]> {
  const bdb = openBackupDb(dbName);
  try {
    const summaries = await bdb.summaries.toArray();
    const known = new Set(summaries.map((s) => s.id));
    // Snapshots taken before summaries existed are read whole, once per listing.
    const older = (await bdb.backups.toCollection().primaryKeys()).filter((id) => !known.has(id));
    const rest = (await bdb.backups.bulkGet(older)).filter((b): b is Snapshot => !!b).map(summaryOf);
    return [...summaries, ...rest].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  } finally {
    bdb.close();
  }
}

/**
 * A copy of every table of the open database, taken before a restore replaces them, in the same
 * rotating store as the upgrade snapshots. Copied a piece at a time (not one transaction: nothing
 * else writes while a restore or an upgrade is about to begin).
 */
export async function snapshotNow(db: Dexie, reason: Snapshot['reason']): Promise<SnapshotSummary> {
  const at = new Date().toISOString();
  return takeSnapshot(portableTables(db), { id: snapshotId(at), at, dbName: db.name, fromVersion: db.verno, toVersion: db.verno, reason });
}

/** Copies the tables in pieces, then records the summary (a copy cut short has none and is swept), then rotates. */
async function takeSnapshot(tables: readonly Table[], meta: Omit<SnapshotSummary, 'counts' | 'bytes'>): Promise<SnapshotSummary> {
  const bdb = openBackupDb(meta.dbName);
  try {
    const { counts, bytes } = await copyInPieces(tables, meta.id, bdb);
    const summary: SnapshotSummary = { ...meta, counts, bytes };
    await bdb.transaction('rw', bdb.backups, bdb.summaries, bdb.chunks, async () => {
      await bdb.summaries.add(summary);
      // Ids from before this scheme (plain UUIDs) are older than every id that starts with its time.
      const ids = [...new Set([...((await bdb.backups.toCollection().primaryKeys()) as string[]), ...((await bdb.summaries.toCollection().primaryKeys()) as string[])])];
      const all = ids.sort((a, b) => Number(a.includes('_')) - Number(b.includes('_')) || (a < b ? -1 : 1));
      const summaries = new Map((await bdb.summaries.toArray()).map((x) => [x.id, x]));
      // A snapshot from before summaries is counted as a rotating one.
      const dropped = snapshotsToDrop(all.map((id) => summaries.get(id) ?? { id, reason: 'snapshot' as const }));
      await bdb.backups.bulkDelete(dropped);
      await bdb.summaries.bulkDelete(dropped);
      // Pieces of dropped snapshots, and of any copy cut short (no summary).
      const kept = new Set(all.filter((id) => !dropped.includes(id)));
      const pieces = (await bdb.chunks.orderBy('snapId').uniqueKeys()) as string[];
      const gone = pieces.filter((id) => !kept.has(id));
      if (gone.length > 0) await bdb.chunks.where('snapId').anyOf(gone).delete();
    });
    return summary;
  } finally {
    bdb.close();
  }
}

/** One snapshot, whole (for "Kembalikan" in Pengaturan): from its pieces, or as stored before pieces. */
export async function readSnapshot(dbName: string, id: string): Promise<Snapshot | undefined> {
  const bdb = openBackupDb(dbName);
  try {
    const whole = await bdb.backups.get(id);
    if (whole) return whole;
    const summary = await bdb.summaries.get(id);
    if (!summary) return undefined;
    const tables: Record<string, unknown[]> = {};
    const pieces = await bdb.chunks.where('snapId').equals(id).toArray();
    pieces.sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : a.n - b.n));
    for (const p of pieces) (tables[p.table] ??= []).push(...p.rows);
    const { counts: _c, bytes: _b, ...meta } = summary;
    return { ...meta, tables };
  } finally {
    bdb.close();
  }
}
