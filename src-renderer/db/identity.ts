import type { Installation, InstallationRole } from '../domain/sync/access';
import { laterRev } from './clock';
import type { ClockSettings, InstallSettings, KinerjaDb, LocalSettings } from './schema';

/** The rows of the settings table, typed. */
export async function readLocal(db: KinerjaDb): Promise<LocalSettings | undefined> {
  return (await db.settings.get('local')) as LocalSettings | undefined;
}

/**
 * This installation's clock node. Installations from before sync have no row: their office id was
 * their only id, and their revs stay valid with it.
 */
export async function readInstallId(db: KinerjaDb, local: LocalSettings): Promise<string> {
  return (await readInstall(db, local)).installId;
}

/** This installation's row, with the defaults of an installation from before sync. */
export async function readInstall(db: KinerjaDb, local: LocalSettings): Promise<InstallSettings> {
  const row = (await db.settings.get('install')) as InstallSettings | undefined;
  return row ?? { key: 'install', installId: local.officeId };
}

/** A fresh installation id: short (it is in every rev) and random. */
export function newInstallId(): string {
  return `i${crypto.randomUUID().replace(/-/g, '').slice(0, 15)}`;
}

/** The newest rev this installation has issued or received (the clock row, or the audit log). */
export async function newestKnownRev(db: KinerjaDb): Promise<string | null> {
  const row = (await db.settings.get('clock')) as ClockSettings | undefined;
  // Databases opened under an older schema (tests of upgrades) have no rev index yet.
  const byRev = db.auditLog.schema.idxByName.rev ? 'rev' : 'at';
  const audit = await db.auditLog.orderBy(byRev).last();
  return laterRev(row?.rev, audit?.rev);
}

/** Records the clock: inside the write transaction that issued or received `rev`. */
export async function saveClock(db: KinerjaDb, rev: string | null): Promise<void> {
  if (!rev) return;
  const row = (await db.settings.get('clock')) as ClockSettings | undefined;
  const newest = laterRev(row?.rev, rev);
  if (newest !== row?.rev) await db.settings.put({ key: 'clock', rev: newest! });
}

export async function setInstallId(db: KinerjaDb, installId: string, rekeyedFrom?: string, role?: Pick<InstallSettings, 'role' | 'penilaiEmployeeId'>): Promise<void> {
  const row = (await db.settings.get('install')) as InstallSettings | undefined;
  const before = row?.rekeyedFrom ?? [];
  await db.settings.put({
    ...(row ?? {}),
    ...(role ?? {}),
    key: 'install',
    installId,
    ...(rekeyedFrom ? { rekeyedFrom: [...before, rekeyedFrom] } : {}),
  });
}

export type { Installation, InstallationRole };
