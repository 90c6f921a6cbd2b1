/**
 * "Arsipkan tahun" (issue #33): a closed year moves to a signed archive file (the backup format with
 * `archive` in its manifest) and out of the live database, so five years of history never slow the
 * present; the file opens read-only in its own database and prints as the year did.
 *
 * The move is two steps so nothing is lost between them: the file is made (`create`), saved by the
 * admin, then handed back to `remove`, which reads it as any archive is read, checks that it holds
 * exactly the year's records as they are now, and only then deletes them, in one transaction.
 */
import Dexie from 'dexie';
import { CONTEXT_TABLES, selectYear, YEAR_TABLES, type YearTable } from '../domain/archive';
import { TABLES } from '../domain/tables';
import { syncKeyOf, type SyncDoc } from '../domain/sync/merge';
import { sha256 } from '../exchange/bytes';
import { BackupError, packBackup, readBackup, type BackupManifest, type BackupProgress, type BackupRecords, type SignerCheck } from '../exchange/backupFile';
import { appendAudit } from './audit';
import { RepoError } from './errors';
import { readInstall, readLocal } from './identity';
import type { TrustRepo } from './trustRepo';
import { CURRENT_VERSION, KinerjaDb, type ArchiveSettings, type ArchivedYear, type LocalSettings } from './schema';
import type { WriteContext } from './write';

/** The database an opened archive is read from (one at a time; replaced by the next one opened). */
export function archiveDbName(dbName: string): string {
  return `${dbName}-arsip`;
}

/** The years archived from this installation (the receive path leaves them out). */
export async function archivedYears(db: KinerjaDb): Promise<Set<number>> {
  return new Set((await readArchives(db)).map((a) => a.year));
}

async function readArchives(db: KinerjaDb): Promise<ArchivedYear[]> {
  return ((await db.settings.get('archives')) as ArchiveSettings | undefined)?.years ?? [];
}

export interface YearOverview {
  year: number;
  counts: Record<YearTable, number>;
  /** Evaluations of the year not final: they stay drafts in the archive. */
  drafts: number;
}

export interface OpenedArchive {
  manifest: BackupManifest;
  signer: SignerCheck;
  year: number;
}

type Row = Record<string, unknown>;

export class ArchiveRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly trust: TrustRepo,
    private readonly appVersion: string,
    private readonly context: () => Promise<WriteContext>,
  ) {}

  /** The years archived from this installation, oldest first. */
  async archived(): Promise<ArchivedYear[]> {
    return [...(await readArchives(this.db))].sort((a, b) => a.year - b.year);
  }

  /** Years that have records here, from the year indexes (no record read). */
  async yearsWithRecords(): Promise<number[]> {
    const years = new Set<number>();
    for (const t of ['periods', 'skps', 'trainings', 'unitResults'] as const) for (const y of (await this.db.table(t).orderBy('year').uniqueKeys()) as number[]) years.add(y);
    return [...years].sort((a, b) => a - b);
  }

  /** What archiving `year` would move: its records per table, and its evaluations not final. */
  async overview(year: number): Promise<YearOverview> {
    const { ids, tables } = await this.yearRecords(year);
    const counts = Object.fromEntries(YEAR_TABLES.map((t) => [t, ids[t].length])) as Record<YearTable, number>;
    const drafts = (tables.evaluations ?? []).filter((e) => e.status !== 'FINAL').length;
    return { year, counts, drafts };
  }

  /**
   * The year's records, read in one transaction; only the year tables' candidates are read, by the
   * index each table's year rule names (domain/tables.ts): its year, its period's, its evaluation's.
   */
  private async yearRecords(year: number): Promise<{ ids: Record<YearTable, string[]>; tables: Record<YearTable, Row[]> }> {
    const { db } = this;
    return db.transaction('r', YEAR_TABLES.map((t) => db.table(t)), async () => {
      const tables = {} as Record<YearTable, Row[]>;
      // YEAR_TABLES lists evaluations before the attachments that follow them.
      for (const t of YEAR_TABLES) {
        const rule = TABLES[t].year;
        const table = db.table<Row>(t);
        if ('year' in rule) tables[t] = await table.where(rule.year).equals(year).toArray();
        else if ('period' in rule) tables[t] = await table.where(rule.period).startsWith(`${year}-`).toArray();
        else {
          const evIds = (tables.evaluations ?? []).map((e) => String(e.id));
          tables[t] = evIds.length > 0 ? await table.where(rule.evaluation).anyOf(evIds).toArray() : [];
        }
      }
      return { ids: selectYear(year, tables), tables };
    });
  }

  /** The archive file of `year`: its records and what its forms print with, signed by this installation. */
  async create(year: number, onProgress?: BackupProgress): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
    const { db } = this;
    const local = await readLocal(db);
    if (!local) throw new RepoError('notSetUp');
    if (year >= local.activeYear) throw new RepoError('archive.error.notClosed', { year, active: local.activeYear });
    const signer = await this.trust.signer();
    const { tables: yearTables } = await this.yearRecords(year);
    if (YEAR_TABLES.every((t) => yearTables[t].length === 0)) throw new RepoError('archive.error.empty', { year });
    const tables: BackupRecords = { ...yearTables };
    for (const t of CONTEXT_TABLES) tables[t] = await db.table<Row>(t).toArray();
    // The archive opens as an office of its own whose working year is the archived one.
    const settings: LocalSettings = { ...local, activeYear: year };
    tables.settings = [settings as unknown as Record<string, unknown>];
    const install = await readInstall(db, local);
    const office = await db.offices.get(local.officeId);
    return packBackup(
      {
        appVersion: this.appVersion,
        schemaVersion: CURRENT_VERSION,
        createdAt: new Date().toISOString(),
        office: office ? { id: office.id, namaKantor: office.namaKantor, namaInstansi: office.namaInstansi } : null,
        installId: install.installId,
        archive: { year },
      },
      tables,
      signer,
      onProgress,
    );
  }

  /** Reads an archive file as any is read (sizes, hashes, every record, the signature); throws BackupError. */
  async inspect(bytes: Uint8Array, onProgress?: BackupProgress): Promise<{ manifest: BackupManifest; tables: BackupRecords; signer: SignerCheck }> {
    const read = await readBackup(bytes, { appVersion: this.appVersion, schemaVersion: CURRENT_VERSION, known: (id) => this.trust.knownSigner(id), onProgress });
    if (!read.manifest.archive) throw new BackupError('notArchive');
    return read;
  }

  /**
   * The saved archive file handed back: once it proves to be this installation's archive of `year`
   * holding every record of the year as it is now, those records leave the live database in one
   * transaction, with an audit entry and the archive remembered. Throws otherwise, deleting nothing.
   */
  async remove(year: number, bytes: Uint8Array, fileName = ''): Promise<ArchivedYear> {
    const { manifest, tables, signer } = await this.inspect(bytes);
    if (manifest.archive?.year !== year || signer.kind !== 'verified' || !signer.self) throw new RepoError('archive.error.notThisFile', { year });
    const { db } = this;
    const sum = await sha256(bytes);
    return db.transaction('rw', [...YEAR_TABLES.map((t) => db.table(t)), db.auditLog, db.settings], async () => {
      const { ids, tables: live } = await this.yearRecords(year);
      // A record written after the file was made (a package, an edit) would be lost with the move.
      for (const t of YEAR_TABLES) {
        const inFile = new Map((tables[t] ?? []).map((d) => [String(d.id), syncKeyOf(d as SyncDoc)]));
        const now = new Map(live[t].map((d) => [String(d.id), syncKeyOf(d as SyncDoc)]));
        if (ids[t].length !== inFile.size || ids[t].some((id) => inFile.get(id) !== now.get(id))) throw new RepoError('archive.error.changedSince', { year });
      }
      for (const t of YEAR_TABLES) await db.table(t).bulkDelete(ids[t]);
      const counts = Object.fromEntries(YEAR_TABLES.map((t) => [t, ids[t].length])) as Record<YearTable, number>;
      const ctx = await this.context();
      const entry: ArchivedYear = { year, at: ctx.nowIso(), sha256: sum, fileName, counts, actor: ctx.actor };
      await appendAudit(db, [{
        id: crypto.randomUUID(), at: entry.at, actor: ctx.actor, officeId: ctx.officeId, installId: ctx.installId,
        table: 'archives', docId: String(year), action: 'delete', changes: [], rev: ctx.nextRev(), note: `archive:${year}:${sum}`,
      }]);
      const prev = await this.archived();
      await db.settings.put({ key: 'archives', years: [...prev.filter((a) => a.year !== year), entry] } satisfies ArchiveSettings);
      return entry;
    });
  }
}

/** The opened archive's database, deleted once it is closed (the year lives in its file). */
export async function deleteArchiveCopy(name: string): Promise<void> {
  await Dexie.delete(name);
}

/**
 * Writes a read archive into the archive database (replacing the one opened before), so the app's
 * own screens and print functions read it; opened afterwards with `readOnly`.
 */
export async function loadArchive(dbName: string, tables: BackupRecords): Promise<void> {
  const name = archiveDbName(dbName);
  await Dexie.delete(name);
  const adb = new KinerjaDb(name);
  try {
    await adb.open();
    const known = new Set(adb.tables.map((t) => t.name));
    await adb.transaction('rw', adb.tables, async () => {
      for (const [t, rows] of Object.entries(tables)) if (known.has(t) && rows.length > 0) await adb.table(t).bulkAdd(rows);
    });
  } finally {
    adb.close();
  }
}
