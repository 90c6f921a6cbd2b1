import Dexie from 'dexie';

export interface Backup {
  id: string;
  at: string;
  dbName: string;
  fromVersion: number;
  toVersion: number;
  /** Why it was taken: a schema upgrade (absent, older snapshots) or "restore". */
  reason?: 'upgrade' | 'restore';
  tables: Record<string, unknown[]>;
}

/** Snapshots kept; the oldest beyond this many are dropped when a new one is taken. */
export const SNAPSHOTS_KEPT = 5;

export function backupDbName(dbName: string): string {
  return `${dbName}-cadangan`;
}

function openBackupDb(dbName: string) {
  const db = new Dexie(backupDbName(dbName)) as Dexie & { backups: Dexie.Table<Backup, string> };
  db.version(1).stores({ backups: 'id, at' });
  return db;
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
    const backup: Backup = {
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      dbName,
      fromVersion: existing.verno,
      toVersion: targetVersion,
      tables,
    };
    const bdb = openBackupDb(dbName);
    try {
      await bdb.backups.add(backup);
    } finally {
      bdb.close();
    }
    return backup;
  } finally {
    existing.close();
  }
}

export async function listBackups(dbName: string): Promise<Omit<Backup, 'tables'>[]> {
  const bdb = openBackupDb(dbName);
  try {
    const all = await bdb.backups.orderBy('at').toArray();
    return all.map(({ tables: _tables, ...rest }) => rest);
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
  await db.transaction('r', db.tables, async () => {
    for (const t of db.tables) tables[t.name] = await t.toArray();
  });
  const backup: Backup = { id: crypto.randomUUID(), at: new Date().toISOString(), dbName: db.name, fromVersion: db.verno, toVersion: db.verno, reason, tables };
  const bdb = openBackupDb(db.name);
  try {
    await bdb.transaction('rw', bdb.backups, async () => {
      await bdb.backups.add(backup);
      const all = await bdb.backups.orderBy('at').primaryKeys();
      if (all.length > SNAPSHOTS_KEPT) await bdb.backups.bulkDelete(all.slice(0, all.length - SNAPSHOTS_KEPT));
    });
  } finally {
    bdb.close();
  }
  return backup;
}
