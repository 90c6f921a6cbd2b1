/**
 * "Cadangkan data" and "Pulihkan dari cadangan": the whole installation to one file and back
 * (the file layout is exchange/backupFile.ts). A restore replaces every table in one transaction,
 * after a safety snapshot of what it replaces, and the restored installation continues under a new
 * installation id, so it never writes revs as the PC the backup came from.
 */
import type { BackupManifest, BackupProgress, BackupRecords, SignerCheck } from '../exchange/backupFile';
import { BackupError, BackupWriter, readBackup } from '../exchange/backupFile';
import { GENESIS, verifyChain, type ChainCheck } from '../domain/auditChain';
import Dexie from 'dexie';
import { listSnapshots, readSnapshot, snapshotNow, type SnapshotReason, type SnapshotSummary } from './snapshots';
import { RepoError } from './errors';
import { forEachPage } from './pages';
import { foldText } from '../domain/pegawai';
import { readInstall, readLocal } from './identity';
import { auditedHashes, chainHead, editedRecord } from './audit';
import type { TrustRepo } from './trustRepo';
import { CURRENT_VERSION, portableTables, SCHEMA_VERSIONS, SYNCED_TABLES, type AuditChainSettings, type AuditEntry, type BackupSettings, type KinerjaDb } from './schema';
import { restoreRecord } from '../exchange/restoreRecord';
import { KNOWLEDGE_INDEX } from '../domain/sync/knowledgeIndex';
import type { SyncRepo } from './syncRepo';

export interface VerifiedBackup {
  manifest: BackupManifest;
  tables: BackupRecords;
  /**
   * The backup's audit chain checked against the head in its manifest; null for a backup from
   * before the chain (schema < 5), which is chained when restored.
   */
  audit: ChainCheck | null;
  signer: SignerCheck;
}

/** Beranda reminds when the last backup to a file is older than this (Pengaturan can change it). */
export const DEFAULT_REMIND_AFTER_DAYS = 7;

/** Rows read per page while a backup is written (a page of big SKPs is a few MB). */
const BACKUP_PAGE = 2_000;

/**
 * The audit chain carried by a backup, checked against the head its manifest recorded, and every
 * synced record against the versions its audit entries wrote (as "Periksa keutuhan riwayat" does).
 */
export function backupAuditCheck(manifest: BackupManifest, tables: BackupRecords): ChainCheck | null {
  if (manifest.schemaVersion < 5) return null;
  const head = manifest.auditChain ?? GENESIS;
  const stored = (tables.settings ?? []).find((r) => r.key === 'auditChain') as AuditChainSettings | undefined;
  const entries = (tables.auditLog ?? []) as unknown as AuditEntry[];
  const check = verifyChain(entries, head);
  if (check.ok && stored && stored.hash !== head.hash) return { ok: false, count: check.count, broken: { kind: 'relinked', seq: stored.seq, id: '' } };
  if (!check.ok) return check;
  const hashes = auditedHashes(entries);
  for (const table of SYNCED_TABLES) {
    for (const doc of tables[table] ?? []) {
      const edited = editedRecord(hashes, table, doc, check.count);
      if (edited) return edited;
    }
  }
  return check;
}

export class BackupRepo {
  constructor(
    private readonly db: KinerjaDb,
    private readonly sync: SyncRepo,
    private readonly trust: TrustRepo,
    private readonly appVersion: string,
  ) {}

  /** Records per table now, for the confirmation ("akan diganti") and for checks. */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of portableTables(this.db)) out[t.name] = await t.count();
    return out;
  }

  /**
   * Every table read in one transaction, so the file is one consistent moment; signed by this
   * installation. Read a page at a time and written as it is read (issue #33): five years of a
   * kabupaten never sit in memory as objects.
   */
  async create(now?: Date, onProgress?: BackupProgress): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
    const { db } = this;
    // The key first (made now if this is its first use), so the backup is never older than its signer.
    const signer = await this.trust.signer();
    const at = now ?? new Date();
    const { writer, auditChain } = await db.transaction('r', portableTables(db), async () => {
      let total = 0;
      for (const t of portableTables(db)) total += await t.count();
      const w = new BackupWriter(total, onProgress);
      for (const t of portableTables(db)) {
        const out = w.table(t.name);
        // The knowledge index is derived on every write, a restore's too: the file need not carry it.
        const synced = (SYNCED_TABLES as readonly string[]).includes(t.name);
        await forEachPage<Record<string, unknown>>(t, BACKUP_PAGE, (rows) => {
          if (synced) for (const row of rows) delete row[KNOWLEDGE_INDEX];
          out.add(rows);
        });
        out.end();
      }
      // The chain's head of this same moment.
      return { writer: w, auditChain: await chainHead(db) };
    });
    const local = await readLocal(db);
    if (!local) throw new RepoError('notSetUp');
    const install = await readInstall(db, local);
    const office = await db.offices.get(local.officeId);
    return writer.finish(
      {
        appVersion: this.appVersion,
        schemaVersion: CURRENT_VERSION,
        createdAt: at.toISOString(),
        office: office ? { id: office.id, namaKantor: office.namaKantor, namaInstansi: office.namaInstansi } : null,
        installId: install.installId,
        auditChain,
      },
      signer,
    );
  }

  /**
   * The file read and verified against its manifest and its signature (checked against the keys
   * this installation knows); throws BackupError. Nothing is written.
   */
  async inspect(bytes: Uint8Array, onProgress?: BackupProgress): Promise<VerifiedBackup> {
    const { manifest, tables, signer } = await readBackup(bytes, {
      appVersion: this.appVersion,
      schemaVersion: CURRENT_VERSION,
      known: (id) => this.trust.knownSigner(id),
      onProgress,
    });
    // A year's archive holds one year, not the installation: restoring it would empty the rest.
    if (manifest.archive) throw new BackupError('isArchive', { year: manifest.archive.year });
    const audit = backupAuditCheck(manifest, tables);
    // A record its own history disowns, in a file nobody here can vouch for: edited, then re-signed.
    if (audit && !audit.ok && audit.broken.kind === 'record' && signer.kind !== 'verified') {
      throw new BackupError('forgedRecord', { table: audit.broken.table, label: audit.broken.label });
    }
    return { manifest, tables, signer, audit };
  }

  /** The file was saved where the admin chose: Beranda's reminder starts counting again. */
  async markSavedToFile(at = new Date()): Promise<void> {
    const prev = await this.backupSettings();
    await this.db.settings.put({ ...prev, lastFileAt: at.toISOString() });
  }

  async setRemindAfterDays(days: number): Promise<void> {
    const prev = await this.backupSettings();
    await this.db.settings.put({ ...prev, remindAfterDays: Math.max(1, Math.min(365, Math.round(days))) });
  }

  async backupSettings(): Promise<BackupSettings> {
    const row = (await this.db.settings.get('backup')) as BackupSettings | undefined;
    return row ?? { key: 'backup', lastFileAt: null, remindAfterDays: DEFAULT_REMIND_AFTER_DAYS };
  }

  /**
   * Replaces every table with the backup's records in one transaction, then gives this
   * installation a new id. Returns that id.
   */
  async restore(backup: VerifiedBackup, opts: { officeName?: string } = {}): Promise<string> {
    const { manifest } = backup;
    // Another office's backup replaces this office's data only when its name was typed (issue #27).
    const local = await readLocal(this.db);
    if (local && manifest.office && manifest.office.id !== local.officeId && foldText(opts.officeName ?? '') !== foldText(manifest.office.namaKantor)) {
      throw new RepoError('backupOtherOffice', { kantor: manifest.office.namaKantor });
    }
    return this.replaceAll(backup.tables, manifest.schemaVersion, 'restore', (name) => manifest.tables[name]?.count ?? 0, async () => {
      // The restored data exists as that file, so Beranda counts it as the last backup instead of
      // nagging the admin who has just restored from one.
      const prev = await this.backupSettings();
      await this.db.settings.put({ ...prev, lastFileAt: manifest.createdAt });
    });
  }

  /** The automatic snapshots kept on this PC (before imports, packages, restores, upgrades), oldest first. */
  snapshots(): Promise<SnapshotSummary[]> {
    return listSnapshots(this.db.name);
  }

  /** Returns this PC to a snapshot: the same as restoring a backup (a safety snapshot first, a new installation id). */
  async restoreSnapshot(id: string): Promise<string> {
    const snap = await readSnapshot(this.db.name, id);
    if (!snap) throw new RepoError('notFound');
    return this.replaceAll(snap.tables as BackupRecords, snap.fromVersion, 'snapshot', (name) => snap.tables[name]?.length ?? 0);
  }

  /**
   * Replaces every table with the given records in one transaction (after a safety snapshot of
   * what is there now), runs the schema upgrades the records missed, then gives this installation
   * a new id. Returns that id.
   */
  private async replaceAll(
    tables: BackupRecords,
    schemaVersion: number,
    reason: SnapshotReason,
    expected: (table: string) => number,
    finish?: () => Promise<void>,
  ): Promise<string> {
    const { db } = this;
    const hasData = (await db.settings.count()) > 0;
    if (hasData) await snapshotNow(db, reason);
    return db.transaction('rw', db.tables, async () => {
      for (const t of portableTables(db)) {
        await t.clear();
        // Synced records pass the same normalising step as a received package's (exchange/restoreRecord).
        const synced = (SYNCED_TABLES as readonly string[]).includes(t.name);
        const rows = synced ? tables[t.name]?.map((r) => restoreRecord(t.name, schemaVersion, r as Record<string, unknown>, { deriveKey: true })) : tables[t.name];
        if (rows && rows.length > 0) await t.bulkAdd(rows);
      }
      for (const t of portableTables(db)) {
        if ((await t.count()) !== expected(t.name)) throw new RepoError('backupCountMismatch', { table: t.name });
      }
      // Records from an older schema get the upgrades they missed, as the installation would have.
      const tx = Dexie.currentTransaction!;
      for (const v of SCHEMA_VERSIONS) if (v.version > schemaVersion && v.upgrade) await v.upgrade(tx);
      await finish?.();
      return this.sync.rekeyInstallation();
    });
  }
}
