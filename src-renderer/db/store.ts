import { backupBeforeUpgrade } from './backup';
import { RevClock } from './clock';
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
  private clock: RevClock | null = null;

  private constructor(
    readonly db: KinerjaDb,
    /** The newest rev in the audit log, so revs keep increasing across restarts. */
    private readonly lastRev: string | null,
    private readonly now: () => Date,
  ) {
    const makeContext = (officeId: string, actor: string): WriteContext => ({
      officeId,
      actor,
      nextRev: () => this.clockFor(officeId).next(),
      nowIso: () => this.now().toISOString(),
    });
    const current = async (): Promise<WriteContext> => {
      const local = await db.settings.get('local');
      if (!local) throw new RepoError('notSetUp');
      return makeContext(local.officeId, local.adminName);
    };
    this.settings = new SettingsRepo(db, makeContext);
    this.units = new UnitRepo(db, current);
    this.employees = new EmployeeRepo(db, current);
    this.rulePacks = new RulePackRepo(db, current);
    this.skps = new SkpRepo(db, current, this.rulePacks);
    this.years = new YearRepo(db, current);
    this.evaluations = new EvaluationRepo(db, current, this.rulePacks, this.years);
    this.trainings = new TrainingRepo(db, current);
    this.imports = new ImportRepo(db, current);
    this.prints = new PrintRepo(db, current);
  }

  private clockFor(officeId: string): RevClock {
    if (!this.clock) this.clock = new RevClock(officeId, this.lastRev, () => this.now().getTime());
    return this.clock;
  }

  /** Backs up an older database, opens (and upgrades) it, and resumes the rev clock. */
  static async open(
    name: string = DB_NAME,
    opts: { versions?: readonly SchemaVersion[]; now?: () => Date } = {},
  ): Promise<DataStore> {
    const versions = opts.versions ?? SCHEMA_VERSIONS;
    const target = versions === SCHEMA_VERSIONS ? CURRENT_VERSION : Math.max(...versions.map((v) => v.version));
    await backupBeforeUpgrade(name, target);
    const db = new KinerjaDb(name, versions);
    await db.open();
    const last = await db.auditLog.orderBy('at').last();
    return new DataStore(db, last?.rev ?? null, opts.now ?? (() => new Date()));
  }

  close(): void {
    this.db.close();
  }
}
