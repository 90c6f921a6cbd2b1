import Dexie, { type Table, type Transaction } from 'dexie';
import type { Attachment, Evaluation, Training, UnitResult } from '../domain/evaluation';
import type { Employee } from '../domain/pegawai';
import type { PerformanceYear } from '../domain/periods';
import type { StoredRulePack } from '../domain/rulepack';
import type { FieldChange, SyncMeta } from '../domain/records';
import type { Office } from '../domain/office';
import type { Skp } from '../domain/skp';
import type { Unit } from '../domain/unit';
import type { Installation, InstallationRole } from '../domain/sync/access';
import type { BatchSource } from '../exchange/records';
import { chainEntries, type ChainHead, GENESIS } from '../domain/auditChain';
import { RepoError } from './errors';
import { REVIEW_MARK, withReviewMark } from '../domain/sync/reviewMark';
import { KNOWLEDGE_INDEX, knowledgeKeys, withKnowledgeIndex } from '../domain/sync/knowledgeIndex';
import type { ChainLinkRef } from '../domain/sync/trust';
import type { PublicKeyInfo } from '../exchange/signature';
import type { PrintRecord } from '../domain/verification';
import { TABLES, type TableSpec } from '../domain/tables';
import { storeDeclaration, SYNCED_TABLES } from '../domain/tableFacts';

export { SYNCED_TABLES, type SyncedTableName } from '../domain/tableFacts';

export const DB_NAME = 'kinerja-luring';

/**
 * This installation's identity as a clock node (issue #12). Kept apart from `local`: installations
 * from before sync have no row and use their office id, which was both then.
 */
export interface InstallSettings {
  key: 'install';
  installId: string;
  /** What this installation is (absent: the office's admin PC). A penilai laptop writes only ratings. */
  role?: InstallationRole;
  penilaiEmployeeId?: string | null;
  /** Set when this installation found a copy of itself writing (a cloned profile or a restored backup). */
  rekeyedFrom?: string[];
}

/** The newest rev this installation has issued or received: its clock resumes from here. */
export interface ClockSettings {
  key: 'clock';
  rev: string;
}

/** The newest link of the audit hash chain (domain/auditChain.ts): written with every entry. */
export interface AuditChainSettings {
  key: 'auditChain';
  seq: number;
  hash: string;
}

/**
 * The newest audit entry a full or incremental check found whole (issue #33): the next check
 * "sejak pemeriksaan terakhir" resumes after it instead of re-hashing years of history.
 */
export interface AuditCheckpointSettings {
  key: 'auditVerified';
  seq: number;
  hash: string;
  at: string;
  /** When the whole chain, with every record, was last found whole. */
  fullAt?: string;
}

/** A year moved to an archive file ("Arsipkan tahun", issue #33): what left, when, and which file holds it. */
export interface ArchivedYear {
  year: number;
  at: string;
  actor: string;
  /** SHA-256 of the archive file the records left for. */
  sha256: string;
  fileName: string;
  counts: Record<string, number>;
}

export interface ArchiveSettings {
  key: 'archives';
  years: ArchivedYear[];
}

/** When this installation last saved a backup to a file, and how old one may get before Beranda reminds. */
export interface BackupSettings {
  key: 'backup';
  lastFileAt: string | null;
  remindAfterDays: number;
}

/**
 * The BKD server this installation syncs with (issue #28): its address and this PC's account name,
 * whether it syncs by itself, and the last run. Never the password (platform.serverConfigure).
 */
export interface ServerSettings {
  key: 'server';
  url: string;
  user: string;
  auto: boolean;
  lastSuccessAt: string | null;
  /** Packets of the last successful run: sent, and applied here. */
  lastSent: number;
  lastApplied: number;
}

/**
 * The root certificates this office trusts for electronic signatures (#31, settings row): empty
 * until an admin adds one in Pengaturan. A signature is "Tersertifikasi BSrE" only through these.
 */
export interface TteRootsSettings {
  key: 'tteRoots';
  roots: { name: string; der: string; fingerprint: string; notAfter: string; addedAt: string }[];
}

/** Installation-local settings; never exported to other offices. */
export interface LocalSettings {
  key: 'local';
  officeId: string;
  adminName: string;
  language: 'id' | 'en';
  activeYear: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  officeId: string;
  table: string;
  docId: string;
  action: 'create' | 'update' | 'delete' | 'restore';
  changes: FieldChange[];
  rev: string;
  note?: string;
  /** The installation that wrote it (absent before sync: the office id above was the installation). */
  installId?: string;
  /** Received from another installation: which one, and in which package. */
  source?: BatchSource;
  /**
   * A received batch is audited in one entry per table (one write, not thousands): the records it
   * changed, found through the multi-entry index, and what changed in each.
   */
  docIds?: string[];
  perDoc?: Record<string, { action: AuditEntry['action']; changes: FieldChange[]; rev: string; h?: string }>;
  /** recordHash of the version this entry wrote (issue #25): a stored record matching none was edited outside the app. */
  h?: string;
  /** The same for an entry that stands for many records (an import's creations): id → recordHash. */
  hashes?: Record<string, string>;
  /** Its link in the audit hash chain (absent only while a version-4 database is being upgraded). */
  seq?: number;
  prevHash?: string;
  hash?: string;
}

export interface ImportLogEntry {
  id: string;
  at: string;
  actor: string;
  fileName: string;
  sha256: string;
  counts: Record<string, number>;
  errors: unknown[];
  /** What undo needs: ids created, documents as they were before, revs the import wrote. */
  snapshot?: ImportSnapshot;
  kind?: string;
  undoneAt?: string;
}

export interface ImportSnapshot {
  /** Which table the import wrote (older entries: employees). */
  table?: 'employees' | 'units' | 'skps' | 'evaluations';
  created: string[];
  previous: (Employee | Unit | Skp | Evaluation)[];
  written: Record<string, string>;
}

/** One printed document: what the paper says, so "Verifikasi dokumen" can compare it later. */
export interface PrintLogEntry extends PrintRecord {
  id: string;
  at: string;
  actor: string;
  officeId: string;
}

/** An official's scanned signature, printed only when the admin ticks it for that print. */
export interface SignatureImage extends SyncMeta {
  employeeId: string;
  /** PNG or JPEG as a data URL, ready for pdfmake. */
  dataUrl: string;
  ukuran: number;
}

/**
 * A received record, or the part of it, that was not applied: its writer may not make that change
 * (it waits for the owner to accept or reject it, and is re-checked when enrolments change), or its
 * clock is implausible (held back until someone looks).
 */
export interface SyncProposal {
  /** `${table}:${docId}:${rev}`: receiving the same package again finds the same proposal. */
  id: string;
  at: string;
  table: string;
  docId: string;
  reason: 'notAllowed' | 'clockTooFarAhead' | 'clockTooOld';
  /** The received copy as it came. */
  doc: Record<string, unknown>;
  /** The paths that were refused ('*' = the whole record). */
  paths: string[];
  /** Installations whose writes were refused. */
  writers: string[];
  from: string;
  packageId: string;
  decidedAt?: string;
  decision?: 'accepted' | 'rejected' | 'applied';
}

/** A batch already applied here: the same batch again is answered without reading a record. */
export interface Receipt {
  /** SHA-256 over the batch's package id and each record's table, id and syncKey. */
  id: string;
  at: string;
  packageId: string;
  from: string;
  records: number;
  /**
   * The newest package received by a person only ("Batalkan paket ini"; older receipts drop it):
   * the records it created and the versions it replaced.
   */
  snapshot?: { created: { table: string; id: string }[]; previous: { table: string; doc: Record<string, unknown> }[] };
  /** With the snapshot: each record's syncKey right after applying (a later write changes it: no undo then). */
  after?: Record<string, string>;
  /** When it was undone here. */
  undoneAt?: string;
  /** One part of a package sent in parts (Envelope.part): which parts of its group arrived. */
  part?: { group: string; n: number; of: number };
}

/** What this installation knows of another one it exchanges packages with (local, never sent). */
export interface PeerState {
  /** The other installation's id. */
  id: string;
  /** What it holds (from its own last package): the next package to it leaves that out. */
  confirmed: Record<string, string>;
  lastSent?: { at: string; packageId: string; records: number; full: boolean };
  lastReceived?: { at: string; packageId: string; records: number };
  /** The public key a person here confirmed for it (issue #25): its packages must be signed with it. */
  key?: PublicKeyInfo;
  /** When this key replaced the key of `successorOf` (a restored or re-enrolled PC announced it). */
  successorOf?: string;
  /** Set when a successor took over: writes under this id made after it are refused. */
  retiredAt?: string;
  /** Its package chain as seen here (the newest links), for telling two copies of one profile apart. */
  links?: ChainLinkRef[];
  /** Its audit-chain head from its newest package: sent back to it as an anchor outside its PC. */
  audit?: ChainHead;
  /**
   * A penilai laptop: every record it said it holds in its last package (`table:id`). A record of
   * its scope missing here goes in the next package whatever its age (issue #26: someone moved
   * under the camat brings his unit, trainings and signatures too).
   */
  held?: string[];
}

/** This installation's signing key (table `keys`, never in a backup, a snapshot or a package). */
export interface KeyRecord {
  id: string;
  alg: PublicKeyInfo['alg'];
  pub: string;
  /** Absent once retired: the identity it signed for was replaced (a restore, a re-key). */
  privateKey?: CryptoKey;
  createdAt: string;
  retiredAt?: string;
}

/** The chain of packages this installation built (settings row). */
export interface PackageChainSettings {
  key: 'packageChain';
  installId: string;
  seq: number;
  links: ChainLinkRef[];
}

/** What other installations hold of this one's audit chain (settings row): anchors outside this PC. */
export interface AnchorSettings {
  key: 'anchors';
  byPeer: Record<string, ChainHead & { at: string; nama: string }>;
}

/** Installations found writing from two PCs (settings row): id → wall time (ms) after which their writes are concurrent. */
export interface ForkSettings {
  key: 'forks';
  since: Record<string, number>;
  found: { installId: string; nama: string; packages: string[]; at: string }[];
}

/** Documents filled in by later issues; declared now so version 1 holds every table. */
export interface GenericDoc {
  id: string;
  [field: string]: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * Every schema change is a new entry here, never an edit of an old one. Changes are additive:
 * offices run different app versions and exchange files, so a field or table, once shipped,
 * keeps its name and meaning. Before a version upgrade the old data is copied (snapshots.ts).
 */
const DECLARED: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      settings: '&key',
      offices: 'id, updatedAt',
      units: 'id, parentId, updatedAt',
      employees: 'id, nip, unitId, atasanId, updatedAt',
      periods: 'id, year, updatedAt',
      skps: 'id, employeeId, year, [employeeId+year], updatedAt',
      evaluations: 'id, skpId, employeeId, periodId, [unitId+periodId], updatedAt',
      attachments: 'id, ownerId, updatedAt',
      auditLog: 'id, at, docId, [table+docId]',
      importLog: 'id, at',
    },
  },
  {
    // Issue #5: the office's edited rule packs, capaian organisasi per unit and period, training records.
    version: 2,
    stores: {
      rulePacks: 'id, [packId+version], updatedAt',
      unitResults: 'id, [unitId+periodId], year, updatedAt',
      trainings: 'id, [employeeId+year], year, updatedAt',
    },
  },
  {
    // Issue #7: the print log behind "Verifikasi dokumen", and scanned signatures of officials.
    version: 3,
    stores: {
      prints: 'id, code, docId, at',
      signatures: 'id, employeeId, updatedAt',
    },
  },
  {
    // Issue #12: enrolled installations, writes waiting for their owner, and the audit log by rev
    // (the clock resumes from the newest rev, not from the newest time).
    version: 4,
    stores: {
      installations: 'id, officeId, updatedAt, syncKey',
      proposals: 'id, [table+docId], at',
      receipts: 'id, at',
      peers: 'id',
      auditLog: 'id, at, docId, [table+docId], rev, *docIds',
      // Every synced table by the knowledge its copy holds: a received record this installation
      // already has is recognised from the index alone (receiving a package twice reads nothing).
      offices: 'id, updatedAt, syncKey',
      units: 'id, parentId, updatedAt, syncKey',
      employees: 'id, nip, unitId, atasanId, updatedAt, syncKey',
      periods: 'id, year, updatedAt, syncKey',
      skps: 'id, employeeId, year, [employeeId+year], updatedAt, syncKey',
      evaluations: 'id, skpId, employeeId, periodId, [unitId+periodId], updatedAt, syncKey',
      attachments: 'id, ownerId, updatedAt, syncKey',
      rulePacks: 'id, [packId+version], updatedAt, syncKey',
      unitResults: 'id, [unitId+periodId], year, updatedAt, syncKey',
      trainings: 'id, [employeeId+year], year, updatedAt, syncKey',
      signatures: 'id, employeeId, updatedAt, syncKey',
    },
  },
  {
    // Issue #16: the audit log becomes a hash chain, read in chain order; existing entries are
    // chained once, in the order they were written.
    version: 5,
    stores: {
      auditLog: 'id, at, docId, [table+docId], rev, *docIds, seq',
    },
    upgrade: chainExistingAudit,
  },
  {
    // Issue #25: this installation's signing key, kept apart from every table that is backed up or sent.
    version: 6,
    stores: {
      keys: 'id',
    },
  },
  {
    // Issue #33: the duplicate-file check before an import finds earlier imports of the same file
    // by its SHA-256, without reading years of import log; a package's parts are found by group.
    version: 7,
    stores: {
      importLog: 'id, at, sha256',
      // The parts of a package sent in parts that arrived here, by their group.
      receipts: 'id, at, part.group',
      // The review mark (domain/sync/reviewMark.ts): records that may have something to review.
      installations: 'id, officeId, updatedAt, syncKey, svf',
      offices: 'id, updatedAt, syncKey, svf',
      units: 'id, parentId, updatedAt, syncKey, svf',
      employees: 'id, nip, unitId, atasanId, updatedAt, syncKey, svf',
      periods: 'id, year, updatedAt, syncKey, svf',
      skps: 'id, employeeId, year, [employeeId+year], updatedAt, syncKey, svf',
      evaluations: 'id, skpId, employeeId, periodId, [unitId+periodId], updatedAt, syncKey, svf',
      attachments: 'id, ownerId, updatedAt, syncKey, svf',
      rulePacks: 'id, [packId+version], updatedAt, syncKey, svf',
      unitResults: 'id, [unitId+periodId], year, updatedAt, syncKey, svf',
      trainings: 'id, [employeeId+year], year, updatedAt, syncKey, svf',
      signatures: 'id, employeeId, updatedAt, syncKey, svf',
    },
    upgrade: markForReview,
  },
  {
    // Issue #33: the knowledge index (domain/sync/knowledgeIndex.ts): what a peer lacks, and what
    // this installation holds, read from the keys of the records written since, not from every record.
    version: 8,
    stores: {
      installations: 'id, officeId, updatedAt, syncKey, svf, *kn',
      offices: 'id, updatedAt, syncKey, svf, *kn',
      units: 'id, parentId, updatedAt, syncKey, svf, *kn',
      employees: 'id, nip, unitId, atasanId, updatedAt, syncKey, svf, *kn',
      periods: 'id, year, updatedAt, syncKey, svf, *kn',
      skps: 'id, employeeId, year, [employeeId+year], updatedAt, syncKey, svf, *kn',
      evaluations: 'id, skpId, employeeId, periodId, [unitId+periodId], updatedAt, syncKey, svf, *kn',
      attachments: 'id, ownerId, updatedAt, syncKey, svf, *kn',
      rulePacks: 'id, [packId+version], updatedAt, syncKey, svf, *kn',
      unitResults: 'id, [unitId+periodId], year, updatedAt, syncKey, svf, *kn',
      trainings: 'id, [employeeId+year], year, updatedAt, syncKey, svf, *kn',
      signatures: 'id, employeeId, updatedAt, syncKey, svf, *kn',
    },
    upgrade: indexKnowledge,
  },
];

/** The last version written out above; a synced table created later is declared from its spec. */
const LAST_DECLARED = 8;

/**
 * The versions that create synced tables added after version 8, from domain/tables.ts (`since`):
 * a new synced table is declared there, with the same indexes every synced table carries. A version
 * number, once released, keeps its tables (the schema guard test compares with schema.released.json).
 */
export function tableVersions(tables: Readonly<Record<string, TableSpec>>, after: number): SchemaVersion[] {
  const byVersion = new Map<number, Record<string, string>>();
  for (const [name, spec] of Object.entries(tables)) {
    if (spec.since <= after) continue;
    byVersion.set(spec.since, { ...byVersion.get(spec.since), [name]: storeDeclaration(spec) });
  }
  return [...byVersion].sort(([a], [b]) => a - b).map(([version, stores]) => ({ version, stores }));
}

/**
 * Every schema change is a new entry, never an edit of an old one (see DECLARED). Versions that
 * only add synced tables come from domain/tables.ts.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [...DECLARED, ...tableVersions(TABLES, LAST_DECLARED)];

/** Version 8: every existing synced record gets its knowledge keys. */
async function indexKnowledge(tx: Transaction): Promise<void> {
  for (const name of SYNCED_TABLES) {
    await tx
      .table(name)
      .toCollection()
      .modify((d: Record<string, unknown>) => {
        d[KNOWLEDGE_INDEX] = knowledgeKeys(d);
      });
  }
}

/** Version 7: existing records with an open conflict or flag get the review mark. */
async function markForReview(tx: Transaction): Promise<void> {
  for (const name of SYNCED_TABLES) {
    await tx
      .table(name)
      .filter((d: { sv?: { f?: object } }) => !!d.sv?.f && Object.keys(d.sv.f).length > 0)
      .modify((d: Record<string, unknown>) => {
        if (withReviewMark(name, d) !== d) d[REVIEW_MARK] = 1;
      });
  }
}

/** Tables that belong to this PC alone: never in a backup file, a snapshot or a restore. */
export const LOCAL_ONLY_TABLES: readonly string[] = ['keys'];

/** Every table a backup, a snapshot or a restore carries. */
export function portableTables(db: Dexie): Table[] {
  return db.tables.filter((t) => !LOCAL_ONLY_TABLES.includes(t.name));
}

async function chainExistingAudit(tx: Transaction): Promise<void> {
  const entries = (await tx.table('auditLog').toArray()) as AuditEntry[];
  entries.sort((a, b) => (a.rev < b.rev ? -1 : a.rev > b.rev ? 1 : a.id < b.id ? -1 : 1));
  const { linked, head } = chainEntries(GENESIS, entries);
  await tx.table('auditLog').bulkPut(linked);
  await tx.table('settings').put({ key: 'auditChain', ...head } satisfies AuditChainSettings);
}

export const CURRENT_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));

export class KinerjaDb extends Dexie {
  settings!: Table<LocalSettings | ServerSettings | TteRootsSettings | InstallSettings | ClockSettings | AuditChainSettings | BackupSettings | PackageChainSettings | AnchorSettings | ForkSettings | AuditCheckpointSettings | ArchiveSettings, string>;
  keys!: Table<KeyRecord, string>;
  offices!: Table<Office, string>;
  units!: Table<Unit, string>;
  employees!: Table<Employee, string>;
  periods!: Table<PerformanceYear, string>;
  skps!: Table<Skp, string>;
  evaluations!: Table<Evaluation, string>;
  attachments!: Table<Attachment, string>;
  rulePacks!: Table<StoredRulePack, string>;
  unitResults!: Table<UnitResult, string>;
  trainings!: Table<Training, string>;
  prints!: Table<PrintLogEntry, string>;
  signatures!: Table<SignatureImage, string>;
  installations!: Table<Installation, string>;
  proposals!: Table<SyncProposal, string>;
  receipts!: Table<Receipt, string>;
  peers!: Table<PeerState, string>;
  auditLog!: Table<AuditEntry, string>;
  importLog!: Table<ImportLogEntry, string>;

  constructor(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS, opts: { readOnly?: boolean } = {}) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // Every write of a synced record, whichever repository makes it, carries its review mark and
    // its knowledge keys.
    this.use({
      stack: 'dbcore',
      name: 'reviewMark',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (!(SYNCED_TABLES as readonly string[]).includes(name)) return table;
          return { ...table, mutate: (req) => table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map((v) => withKnowledgeIndex(withReviewMark(name, v as object))) } : req) };
        },
      }),
    });
    // An opened archive (db/archiveRepo.ts) is read-only whichever screen tries to write; only its
    // own print log takes entries, so a form printed from it can be verified there.
    if (opts.readOnly) {
      this.use({
        stack: 'dbcore',
        name: 'readOnly',
        create: (down) => ({
          ...down,
          table: (name) => {
            const table = down.table(name);
            return name === 'prints' ? table : { ...table, mutate: () => Promise.reject(new RepoError('archive.error.readOnly')) };
          },
        }),
      });
    }
  }
}
