import { snapshotBeforeUpgrade } from './snapshots';
import { auditCheckpoint, verifyAuditLog, type AuditCheckMode } from './audit';
import { TrustRepo } from './trustRepo';
import { BackupRepo } from './backupRepo';
import { ArchiveRepo } from './archiveRepo';
import { ServerRepo } from './serverRepo';
import { TteRootsRepo } from './tteRootsRepo';
import { RevClock } from './clock';
import { newestKnownRev, readInstall, readLocal } from './identity';
import { SyncRepo } from './syncRepo';
import { PackageRepo } from './packageRepo';

declare const __APP_VERSION__: string;
/** Vite defines it (vite.config.mts); tools that load this file without Vite get a placeholder. */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
import { EmployeeRepo } from './employeeRepo';
import { EvaluationRepo } from './evaluationRepo';
import { ImportRepo } from './importRepo';
import { PrintRepo } from './printRepo';
import { RulePackRepo } from './rulePackRepo';
import { RepoError } from './errors';
import { CURRENT_VERSION, DB_NAME, KinerjaDb, type SchemaVersion, SCHEMA_VERSIONS } from './schema';
import { SettingsRepo } from './settingsRepo';
import { SkpRepo } from './skpRepo';
import { TrainingRepo } from './trainingRepo';
import { UnitRepo } from './unitRepo';
import type { WriteContext } from './write';
import { YearRepo } from './yearRepo';

/**
 * The one entry point to stored data. Screens receive a DataStore and call its repositories;
 * nothing outside src-renderer/db touches Dexie tables.
 */
export class DataStore {
  readonly settings: SettingsRepo;
  readonly units: UnitRepo;
  readonly employees: EmployeeRepo;
  readonly skps: SkpRepo;
  readonly rulePacks: RulePackRepo;
  readonly years: YearRepo;
  readonly evaluations: EvaluationRepo;
  readonly trainings: TrainingRepo;
  readonly imports: ImportRepo;
  readonly prints: PrintRepo;
  readonly sync: SyncRepo;
  readonly packages: PackageRepo;
  readonly backups: BackupRepo;
  readonly trust: TrustRepo;
  readonly archives: ArchiveRepo;
  readonly server: ServerRepo;
  readonly tteRoots: TteRootsRepo;
  private readonly clock: RevClock;

  private constructor(
    readonly db: KinerjaDb,
    private readonly now: () => Date,
  ) {
    this.clock = new RevClock('-', null, () => this.now().getTime());
    const makeContext = (officeId: string, installId: string, actor: string): WriteContext => {
      this.clock.setNode(installId);
      return { officeId, installId, actor, nextRev: () => this.clock.next(), nowIso: () => this.now().toISOString() };
    };
    // Called inside every write transaction: the clock resumes from the newest rev stored, so this
    // page, a worker and the previous run of the app never issue the same rev.
    const current = async (): Promise<WriteContext> => {
      const local = await readLocal(db);
      if (!local) throw new RepoError('notSetUp');
      const install = await readInstall(db, local);
      this.clock.observe(await newestKnownRev(db));
      const ctx = makeContext(local.officeId, install.installId, local.adminName);
      return install.role ? { ...ctx, role: { role: install.role, penilaiEmployeeId: install.penilaiEmployeeId ?? null } } : ctx;
    };
    this.settings = new SettingsRepo(db, makeContext, current);
    this.units = new UnitRepo(db, current);
    this.employees = new EmployeeRepo(db, current);
    this.rulePacks = new RulePackRepo(db, current);
    this.skps = new SkpRepo(db, current, this.rulePacks);
    this.years = new YearRepo(db, current);
    this.evaluations = new EvaluationRepo(db, current, this.rulePacks, this.years);
    this.trainings = new TrainingRepo(db, current);
    this.imports = new ImportRepo(db, current);
    this.prints = new PrintRepo(db, current);
    this.sync = new SyncRepo(db, current, this.clock);
    this.trust = new TrustRepo(db);
    this.packages = new PackageRepo(db, this.settings, this.sync, this.clock, APP_VERSION, this.trust);
    this.backups = new BackupRepo(db, this.sync, this.trust, APP_VERSION);
    this.server = new ServerRepo(db);
    this.tteRoots = new TteRootsRepo(db);
    this.archives = new ArchiveRepo(db, this.trust, APP_VERSION, current);
  }

  /** "Periksa keutuhan riwayat": the audit hash chain checked end to end, or since the last check found it whole. */
  verifyAudit(mode: AuditCheckMode = 'full') {
    return verifyAuditLog(this.db, mode);
  }

  /** Where the last check found the chain whole, and when the whole of it was last checked. */
  auditCheckpoint() {
    return auditCheckpoint(this.db);
  }

  /** Backs up an older database, opens (and upgrades) it, and resumes the rev clock. */
  static async open(
    name: string = DB_NAME,
    opts: { versions?: readonly SchemaVersion[]; now?: () => Date; onBlocked?: () => void; readOnly?: boolean } = {},
  ): Promise<DataStore> {
    const versions = opts.versions ?? SCHEMA_VERSIONS;
    const target = versions === SCHEMA_VERSIONS ? CURRENT_VERSION : Math.max(...versions.map((v) => v.version));
    await snapshotBeforeUpgrade(name, target);
    const db = new KinerjaDb(name, versions, { readOnly: opts.readOnly });
    // An older copy of the app still open elsewhere holds the data: the upgrade waits for it to
    // close, and the page says so instead of staying blank.
    if (opts.onBlocked) db.on('blocked', opts.onBlocked);
    await db.open();
    return new DataStore(db, opts.now ?? (() => new Date()));
  }

  close(): void {
    this.db.close();
  }
}
