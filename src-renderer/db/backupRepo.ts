/**
 * "Cadangkan data" and "Pulihkan dari cadangan": the whole installation to one file and back
 * (the file layout is exchange/backup.ts). A restore replaces every table in one transaction,
 * after a safety snapshot of what it replaces, and the restored installation continues under a new
 * installation id, so it never writes revs as the PC the backup came from.
 */
import type { BackupManifest, BackupRecords } from '../exchange/backup';
import { packBackup, readBackup } from '../exchange/backup';
import { snapshotNow } from './backup';
import { RepoError } from './errors';
import { readInstall, readLocal } from './identity';
import { CURRENT_VERSION, type KinerjaDb } from './schema';
import type { SyncRepo } from './syncRepo';

export interface VerifiedBackup {
  manifest: BackupManifest;
  tables: BackupRecords;
}

export class BackupRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly sync: SyncRepo,
    private readonly appVersion: string,
  ) {}

  /** Records per table now, for the confirmation ("akan diganti") and for checks. */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of this.db.tables) out[t.name] = await t.count();
    return out;
  }

  /** Every table read in one transaction, so the file is one consistent moment. */
  async create(now = new Date()): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
    const { db } = this;
    const tables: BackupRecords = {};
    await db.transaction('r', db.tables, async () => {
      for (const t of db.tables) tables[t.name] = (await t.toArray()) as Record<string, unknown>[];
    });
    const local = await readLocal(db);
    if (!local) throw new RepoError('notSetUp');
    const install = await readInstall(db, local);
    const office = await db.offices.get(local.officeId);
    return packBackup(
      {
        appVersion: this.appVersion,
        schemaVersion: CURRENT_VERSION,
        createdAt: now.toISOString(),
        office: office ? { id: office.id, namaKantor: office.namaKantor, namaInstansi: office.namaInstansi } : null,
        installId: install.installId,
      },
      tables,
    );
  }

  /** The file read and verified against its manifest; throws BackupError. Nothing is written. */
  inspect(bytes: Uint8Array): Promise<VerifiedBackup> {
    return readBackup(bytes, this.appVersion, CURRENT_VERSION);
  }

  /**
   * Replaces every table with the backup's records in one transaction, then gives this
   * installation a new id. Returns that id.
   */
  async restore(backup: VerifiedBackup): Promise<string> {
    const { db } = this;
    const hasData = (await db.settings.count()) > 0;
    if (hasData) await snapshotNow(db, 'restore');
    return db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) {
        await t.clear();
        const rows = backup.tables[t.name];
        if (rows && rows.length > 0) await t.bulkAdd(rows);
      }
      for (const t of db.tables) {
        const want = backup.manifest.tables[t.name]?.count ?? 0;
        if ((await t.count()) !== want) throw new RepoError('backupCountMismatch', { table: t.name });
      }
      return this.sync.rekeyInstallation();
    });
  }
}
