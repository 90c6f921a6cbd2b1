import Dexie from 'dexie';
import { portableTables } from './schema';

export interface Backup {
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

export function backupDbName(dbName: string): string {
  return `${dbName}-cadangan`;
}

export type SnapshotSummary = Omit<Backup, 'tables'> & { counts: Record<string, number>; bytes?: number };

function openBackupDb(dbName: string) {
  const db = new Dexie(backupDbName(dbName)) as Dexie & { backups: Dexie.Table<Backup, string>; summaries: Dexie.Table<SnapshotSummary, string> };
  db.version(1).stores({ backups: 'id, at' });
  // Listing snapshots reads these, not megabytes of records.
  db.version(2).stores({ summaries: 'id, at' });
  return db;
}

let taken = 0;
/** Snapshot ids sort in the order they were taken, even two in the same millisecond. */
function snapshotId(at: string): string {
  taken += 1;
  return `${at}_${String(taken).padStart(6, '0')}_${crypto.randomUUID()}`;
}

function summaryOf({ tables, ...rest }: Backup): SnapshotSummary {
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
export async function backupBeforeUpgrade(dbName: string, targetVersion: number): Promise<Backup | null> {
  const names = await Dexie.getDatabaseNames();
  if (!names.includes(dbName)) return null;
  const existing = new Dexie(dbName);
  await existing.open(); // dynamic mode: opens whatever version is on disk, no upgrade
  try {
    if (existing.verno >= targetVersion) return null;
    const tables: Record<string, unknown[]> = {};
    for (const t of existing.tables) tables[t.name] = await t.toArray();
    const at = new Date().toISOString();
    const backup: Backup = {
      id: snapshotId(at),
      at,
      dbName,
      fromVersion: existing.verno,
      toVersion: targetVersion,
      reason: 'upgrade',
      tables,
    };
    await keepSnapshot(backup);
    return backup;
  } finally {
    existing.close();
  }
}

/** The snapshots kept, oldest first, with their record counts (not their records). */
export async function listBackups(dbName: string): Promise<SnapshotSummary[]> {
  const bdb = openBackupDb(dbName);
  try {
    const summaries = await bdb.summaries.toArray();
    const known = new Set(summaries.map((s) => s.id));
    // Snapshots taken before summaries existed are read whole, once per listing.
    const older = (await bdb.backups.toCollection().primaryKeys()).filter((id) => !known.has(id));
    const rest = (await bdb.backups.bulkGet(older)).filter((b): b is Backup => !!b).map(summaryOf);
    return [...summaries, ...rest].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  } finally {
    bdb.close();
  }
}

/**
 * A copy of every table of the open database, taken before a restore replaces them, in the same
 * rotating store as the upgrade snapshots.
 */
export async function snapshotNow(db: Dexie, reason: Backup['reason']): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', portableTables(db), async () => {
    for (const t of portableTables(db)) tables[t.name] = await t.toArray();
  });
  const at = new Date().toISOString();
  const backup: Backup = { id: snapshotId(at), at, dbName: db.name, fromVersion: db.verno, toVersion: db.verno, reason, tables };
  await keepSnapshot(backup);
  return backup;
}

/** Adds a snapshot to the rotating set, dropping the oldest beyond SNAPSHOTS_KEPT. */
async function keepSnapshot(backup: Backup): Promise<void> {
  const bdb = openBackupDb(backup.dbName);
  try {
    await bdb.transaction('rw', bdb.backups, bdb.summaries, async () => {
      await bdb.backups.add(backup);
      await bdb.summaries.add(summaryOf(backup));
      // Ids from before this scheme (plain UUIDs) are older than every id that starts with its time.
      const all = (await bdb.backups.toCollection().primaryKeys()).sort((a, b) => Number(a.includes('_')) - Number(b.includes('_')) || (a < b ? -1 : 1));
      const summaries = new Map((await bdb.summaries.toArray()).map((x) => [x.id, x]));
      // A snapshot from before summaries is counted as a rotating one.
      const dropped = snapshotsToDrop(all.map((id) => summaries.get(id) ?? { id, reason: 'snapshot' as const }));
      await bdb.backups.bulkDelete(dropped);
      await bdb.summaries.bulkDelete(dropped);
    });
  } finally {
    bdb.close();
  }
}

/** One snapshot, whole (for "Pulihkan" in Pengaturan). */
export async function readSnapshot(dbName: string, id: string): Promise<Backup | undefined> {
  const bdb = openBackupDb(dbName);
  try {
    return await bdb.backups.get(id);
  } finally {
    bdb.close();
  }
}
