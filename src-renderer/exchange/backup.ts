/**
 * The backup file ("Cadangkan data"): every table of an installation in one zip an admin can keep
 * on a flash drive. Layout:
 *
 *   manifest.json          what the file is: format and version, app and schema version, office,
 *                          installation, the audit chain's head, and per table its record count and
 *                          the SHA-256 of its file
 *   tables/<name>.jsonl    one record per line, JSON, binary (attachments, signatures) as {"$b64"}
 *
 * A file is verified entirely against its manifest before anything is written (readBackup), so a
 * truncated, edited, foreign or too-new file is refused with one reason and nothing is touched.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { compareVersions, decodeDoc, encodeDoc, sha256 } from './package';
import { findRecordProblem, RECORD_TYPES } from './records';
import { restoreRecord } from './restoreRecord';

export const BACKUP_FORMAT = 'kinerja-luring-cadangan';
export const BACKUP_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const tablePath = (name: string) => `tables/${name}.jsonl`;
/** Unpacked, a backup may be at most this large (a year of a big office is a few hundred MB). */
export const BACKUP_MAX_UNPACKED = 2 * 1024 ** 3;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  office: { id: string; namaKantor: string; namaInstansi: string } | null;
  installId: string;
  /** The audit chain's newest link when the backup was made (absent before schema 5). */
  auditChain?: { seq: number; hash: string };
  tables: Record<string, { count: number; sha256: string }>;
}

export type BackupRecords = Record<string, Record<string, unknown>[]>;

export type BackupProblemCode = 'notBackup' | 'otherApp' | 'newerApp' | 'truncated' | 'tableEdited' | 'tooLarge' | 'tooManyRecords' | 'recordTooLarge' | 'recordInvalid';

/**
 * Rows a backup may declare per table: generous for a kabupaten's five years (12,000 people, their
 * SKPs and evaluations, an audit entry per change), far below what stalls a restore (2,000,000
 * import-log rows did). Checked on the manifest, before anything is unpacked further.
 */
export const MAX_ROWS: Readonly<Record<string, number>> = {
  settings: 1_000, peers: 10_000, importLog: 100_000, receipts: 100_000, proposals: 1_000_000, auditLog: 5_000_000,
};
export const MAX_ROWS_DEFAULT = 2_000_000;
/** One record as JSON: an attachment (2 MB, base64) or a received batch's audit entry fits many times over. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export class BackupError extends Error {
  constructor(
    readonly code: BackupProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export async function packBackup(meta: Omit<BackupManifest, 'format' | 'formatVersion' | 'tables'>, tables: BackupRecords): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const files: Record<string, Uint8Array> = {};
  const entries: BackupManifest['tables'] = {};
  for (const [name, rows] of Object.entries(tables)) {
    const bytes = strToU8(rows.map((r) => encodeDoc(r)).join('\n'));
    files[tablePath(name)] = bytes;
    entries[name] = { count: rows.length, sha256: await sha256(bytes) };
  }
  const manifest: BackupManifest = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...meta, tables: entries };
  files[MANIFEST] = strToU8(JSON.stringify(manifest, null, 1));
  // Level 1: records compress about 10× already; higher levels cost seconds for a few percent.
  return { bytes: zipSync(files, { level: 1 }), manifest };
}

/** The manifest, checked for what this app can read; throws BackupError. */
function checkManifest(raw: unknown, appVersion: string, schemaVersion: number): BackupManifest {
  const m = raw as Partial<BackupManifest> | null;
  if (!m || typeof m !== 'object' || !m.tables || typeof m.tables !== 'object') throw new BackupError('notBackup');
  if (m.format !== BACKUP_FORMAT) throw new BackupError('otherApp');
  // Schema versions only add tables and fields: an older backup restores as it is, a newer one
  // may hold what this app would silently drop.
  if ((m.formatVersion ?? 0) > BACKUP_FORMAT_VERSION || (m.schemaVersion ?? 0) > schemaVersion) {
    const needs = compareVersions(String(m.appVersion), appVersion) > 0 ? String(m.appVersion) : appVersion;
    throw new BackupError('newerApp', { version: needs });
  }
  for (const [table, entry] of Object.entries(m.tables)) {
    const max = MAX_ROWS[table] ?? MAX_ROWS_DEFAULT;
    const count = (entry as { count?: unknown } | null)?.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new BackupError('tableEdited', { table });
    if (count > max) throw new BackupError('tooManyRecords', { table, count, max });
  }
  return m as BackupManifest;
}

/** Declared unpacked size of a zip, from its central directory, before inflating anything. */
function declaredSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  return total;
}

/**
 * Reads and verifies a backup: the manifest, then every table's hash and count. Returns the records
 * only when all of it holds.
 */
export async function readBackup(bytes: Uint8Array, appVersion: string, schemaVersion: number): Promise<{ manifest: BackupManifest; tables: BackupRecords }> {
  let files: Unzipped;
  try {
    const size = declaredSize(bytes);
    if (size > BACKUP_MAX_UNPACKED) throw new BackupError('tooLarge', { mb: Math.round(size / 1024 ** 2) });
    files = unzipSync(bytes);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // Not a zip at all, or one cut short (a copy interrupted on a flash drive).
    throw new BackupError(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b ? 'truncated' : 'notBackup');
  }
  const manifestBytes = files[MANIFEST];
  if (!manifestBytes) throw new BackupError('notBackup');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new BackupError('notBackup');
  }
  const manifest = checkManifest(raw, appVersion, schemaVersion);
  const tables: BackupRecords = {};
  for (const [name, entry] of Object.entries(manifest.tables)) {
    const file = files[tablePath(name)];
    if (!file) throw new BackupError('truncated', { table: name });
    if ((await sha256(file)) !== entry.sha256) throw new BackupError('tableEdited', { table: name });
    const text = strFromU8(file);
    const lines = text ? text.split('\n') : [];
    if (lines.length !== entry.count) throw new BackupError('tableEdited', { table: name });
    const rows = lines.map((line, i) => {
      if (line.length > MAX_LINE_CHARS) throw new BackupError('recordTooLarge', { table: name, line: i + 1, mb: Math.round(line.length / 1024 ** 2) });
      return decodeDoc(line);
    });
    // The records a package would bring pass the same checks as a package's (exchange/records.ts).
    if (name in RECORD_TYPES) {
      const problem = findRecordProblem(
        rows.map((doc) => ({ table: name, schemaVersion: manifest.schemaVersion, doc: restoreRecord(name, manifest.schemaVersion, doc) })),
        (i) => lines[i]!.length,
      );
      if (problem) throw new BackupError('recordInvalid', { table: name, line: problem.index + 1, field: problem.field ?? problem.code });
    }
    tables[name] = rows;
  }
  return { manifest, tables };
}
