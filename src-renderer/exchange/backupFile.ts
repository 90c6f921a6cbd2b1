/**
 * The backup file ("Cadangkan data"): every table of an installation in one zip an admin can keep
 * on a flash drive. Layout:
 *
 *   manifest.json          what the file is: format and version, app and schema version, office,
 *                          installation, the audit chain's head, and per table its record count and
 *                          the SHA-256 of its file
 *   tables/<name>.jsonl    one record per line, JSON, binary (attachments, signatures) as {"$b64"}
 *
 *   manifest.sig.json      the installation's signature over manifest.json (format 2, issue #27)
 *
 * A file is verified entirely against its manifest before anything is written (readBackup), so a
 * truncated, edited, foreign or too-new file is refused with one reason and nothing is touched.
 * It runs in the backup worker (jobs/backup.worker.ts): a hostile file never holds the window.
 */
import { sha256 as sha256Stream } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { strFromU8, strToU8, Unzip, UnzipInflate, unzipSync, ZipDeflate } from 'fflate';
import { zipCollector } from '../io/zipOut';
import { sha256 } from './bytes';
import { compareVersions, decodeDoc, encodeDoc } from './package';
import { keyCodeOf, sameKey, verifyText, type PublicKeyInfo, type Signer } from './signature';
import { findRecordProblem, RECORD_TYPES } from './records';
import { restoreRecord } from './restoreRecord';

export const BACKUP_FORMAT = 'kinerja-luring-cadangan';
/** 2: signed (manifest.sig.json), issue #27. */
export const BACKUP_FORMAT_VERSION = 2;
const MANIFEST = 'manifest.json';
/** The installation's signature over manifest.json's exact bytes. */
const SIGNATURE = 'manifest.sig.json';
const MAX_MANIFEST_BYTES = 1024 ** 2;
const tablePath = (name: string) => `tables/${name}.jsonl`;
const tableOf = (path: string) => /^tables\/(.+)\.jsonl$/.exec(path)?.[1];
/** Unpacked, a backup may be at most this large (a year of a big office is a few hundred MB). */
export const BACKUP_MAX_UNPACKED = 2 * 1024 ** 3;
/**
 * Unpacked per packed byte, at most, for an entry above BOMB_MIN_BYTES: the records of a real
 * backup compress 5–15× (an audit log of near-identical entries about 20×); a zip bomb 1000×.
 */
export const MAX_RATIO = 200;
const BOMB_MIN_BYTES = 1024 ** 2;
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
  /**
   * Set on a year's archive ("Arsipkan tahun", issue #33): the same signed file, holding one closed
   * year and what its forms print with. Opened read-only, never restored over the live data.
   */
  archive?: { year: number };
}

/** manifest.sig.json: who signed the manifest, with which public key. */
export interface BackupSignature extends PublicKeyInfo {
  installId: string;
  sig: string;
}

export type BackupRecords = Record<string, Record<string, unknown>[]>;

export type BackupProblemCode = 'notBackup' | 'otherApp' | 'newerApp' | 'truncated' | 'tableEdited' | 'tooLarge' | 'tooManyRecords' | 'recordTooLarge' | 'recordInvalid' | 'signatureMissing' | 'badSignature' | 'signerMismatch' | 'signerMismatchSelf' | 'forgedRecord' | 'entryTooLarge' | 'isArchive' | 'notArchive';

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

/** Where a long step is: bytes unpacked or packed, records checked (for a progress bar). */
export type BackupProgress = (p: { stage: BackupStage; done: number; total: number }) => void;
export type BackupStage = 'read' | 'check' | 'pack';

/**
 * A backup written as its tables are read, a page of rows at a time (issue #33): each table's lines
 * are hashed (SHA-256, incrementally) and compressed as they come, so memory holds one page and the
 * compressed file, never every table as objects and again as text. The manifest, with every
 * table's count and hash, is written last and signed by the installation (issue #27); readers find
 * entries by name, in any order.
 */
export class BackupWriter {
  private readonly out = zipCollector();
  private readonly entries: BackupManifest['tables'] = {};
  private done = 0;

  constructor(
    /** Records in all tables, for the progress bar. */
    private readonly total: number,
    private readonly onProgress: BackupProgress = () => {},
  ) {}

  /** A table's entry: `add` its rows in order (a page at a time), then `end`. One table at a time. */
  table(name: string): { add(rows: readonly Record<string, unknown>[]): void; end(): void } {
    // Level 1: records compress about 10× already; higher levels cost seconds for a few percent.
    const file = new ZipDeflate(tablePath(name), { level: 1 });
    this.out.zip.add(file);
    const hash = sha256Stream.create();
    let count = 0;
    return {
      add: (rows) => {
        for (const bytes of lineSlices(rows, count)) {
          hash.update(bytes);
          file.push(bytes);
        }
        count += rows.length;
        this.onProgress({ stage: 'pack', done: (this.done += rows.length), total: this.total });
      },
      end: () => {
        file.push(new Uint8Array(0), true);
        this.entries[name] = { count, sha256: bytesToHex(hash.digest()) };
      },
    };
  }

  /** The manifest and its signature after the tables; the file's bytes. */
  async finish(meta: Omit<BackupManifest, 'format' | 'formatVersion' | 'tables'>, signer: Signer): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
    const manifest: BackupManifest = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...meta, tables: this.entries };
    const text = JSON.stringify(manifest, null, 1);
    const signature: BackupSignature = { installId: meta.installId, ...signer.key, sig: await signer.sign(text) };
    for (const [name, content] of [[MANIFEST, text], [SIGNATURE, JSON.stringify(signature)]] as const) {
      const file = new ZipDeflate(name, { level: 1 });
      this.out.zip.add(file);
      file.push(strToU8(content), true);
    }
    return { bytes: this.out.bytes(), manifest };
  }
}

/** Tables already in memory (a year's archive) packed the same way as a backup. */
export async function packBackup(
  meta: Omit<BackupManifest, 'format' | 'formatVersion' | 'tables'>,
  tables: BackupRecords,
  signer: Signer,
  onProgress: BackupProgress = () => {},
): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const writer = new BackupWriter(Object.values(tables).reduce((n, rows) => n + rows.length, 0), onProgress);
  for (const [name, rows] of Object.entries(tables)) {
    const table = writer.table(name);
    table.add(rows);
    table.end();
  }
  return writer.finish(meta, signer);
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

/** What a zip's central directory says of each entry (compressed and unpacked size), before inflating anything. */
function directory(bytes: Uint8Array): Map<string, { size: number; originalSize: number }> {
  const out = new Map<string, { size: number; originalSize: number }>();
  unzipSync(bytes, {
    filter: (f) => {
      out.set(f.name, { size: f.size, originalSize: f.originalSize });
      return false;
    },
  });
  return out;
}

class SizeLied extends Error {
  constructor(readonly entry: string) {
    super('sizeLied');
  }
}

/**
 * The named entries inflated streaming, each into a buffer of the size the directory declared; an
 * entry that inflates beyond it (a bomb with faked sizes) stops the moment it does.
 */
function inflate(
  bytes: Uint8Array,
  dir: Map<string, { originalSize: number }>,
  wanted: (name: string) => boolean,
  onChunk: (name: string, chunk: Uint8Array) => void = () => {},
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const unzip = new Unzip((file) => {
    const declared = dir.get(file.name)?.originalSize;
    if (declared === undefined || !wanted(file.name) || out[file.name]) return;
    const buf = new Uint8Array(declared);
    let at = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      if (at + chunk.length > declared) throw new SizeLied(file.name);
      onChunk(file.name, chunk);
      buf.set(chunk, at);
      at += chunk.length;
      if (final) out[file.name] = at === declared ? buf : buf.subarray(0, at);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return out;
}

/** A key this installation knows for the installation a backup names (its own, or one a person confirmed). */
export interface KnownSigner {
  key: PublicKeyInfo;
  /** "komputer ini", or the other installation's name. */
  nama: string;
  self: boolean;
  /** When the key was made, if known: a backup made after it without a signature had it removed. */
  since?: string;
}

/** Who signed a backup, as far as this installation can tell. */
export type SignerCheck =
  | { kind: 'verified'; self: boolean; nama: string; code: string }
  /** Signed, and the signature matches the file, but this installation does not know the key. */
  | { kind: 'unknown'; code: string }
  /** A backup from before backups were signed (format 1). */
  | { kind: 'unsigned' };

async function checkSignature(manifest: BackupManifest, text: string, raw: Uint8Array | undefined, known: (installId: string) => Promise<KnownSigner | null>): Promise<SignerCheck> {
  const signer = await known(manifest.installId);
  if (!raw) {
    if (manifest.formatVersion >= 2 || (signer?.since && signer.since <= manifest.createdAt)) throw new BackupError('signatureMissing');
    return { kind: 'unsigned' };
  }
  let sig: BackupSignature;
  try {
    sig = JSON.parse(strFromU8(raw)) as BackupSignature;
  } catch {
    throw new BackupError('badSignature');
  }
  if (!sig || typeof sig.sig !== 'string' || typeof sig.pub !== 'string' || sig.installId !== manifest.installId) throw new BackupError('badSignature');
  const key: PublicKeyInfo = { alg: sig.alg, pub: sig.pub };
  if (signer && !sameKey(signer.key, key)) throw signer.self ? new BackupError('signerMismatchSelf') : new BackupError('signerMismatch', { nama: signer.nama });
  if (!(await verifyText(key, text, sig.sig))) throw new BackupError('badSignature');
  const code = await keyCodeOf(key);
  return signer ? { kind: 'verified', self: signer.self, nama: signer.nama, code } : { kind: 'unknown', code };
}

export interface ReadOptions {
  appVersion: string;
  schemaVersion: number;
  /** The key this installation knows for an installation id, or null. */
  known?: (installId: string) => Promise<KnownSigner | null>;
  onProgress?: BackupProgress;
}

/**
 * Reads and verifies a backup so a hostile file is refused in seconds: the directory's sizes, the
 * manifest, every table's hash and count and every record (streaming, stopped at the first lie),
 * then the signature. Returns the records only when all of it holds; throws BackupError naming what failed.
 */
export async function readBackup(bytes: Uint8Array, opts: ReadOptions): Promise<{ manifest: BackupManifest; tables: BackupRecords; signer: SignerCheck }> {
  const { onProgress = () => {}, known = async () => null } = opts;
  const looksZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const dir = checkedDirectory(bytes, looksZip);
  const head = guarded(() => inflate(bytes, dir, (name) => name === MANIFEST || name === SIGNATURE), looksZip);
  const manifestBytes = head[MANIFEST];
  if (!manifestBytes) throw new BackupError('notBackup');
  const text = strFromU8(manifestBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError('notBackup');
  }
  const manifest = checkManifest(raw, opts.appVersion, opts.schemaVersion);

  const names = Object.keys(manifest.tables);
  const wanted = new Set(names.map(tablePath));
  const toRead = names.reduce((n, name) => n + (dir.get(tablePath(name))?.originalSize ?? 0), 0);
  let read = 0;
  const guard = lineGuard(manifest);
  const files = guarded(
    () =>
      inflate(bytes, dir, (name) => wanted.has(name), (name, chunk) => {
        guard(name, chunk);
        onProgress({ stage: 'read', done: (read += chunk.length), total: toRead });
      }),
    looksZip,
  );

  const tables: BackupRecords = {};
  const toCheck = names.reduce((n, name) => n + manifest.tables[name]!.count, 0);
  let checked = 0;
  for (const name of names) {
    tables[name] = await parseTable(name, manifest, files[tablePath(name)]);
    onProgress({ stage: 'check', done: (checked += tables[name].length), total: toCheck });
  }
  // Last: a file that fails a table's own checks is refused naming that table and line, which says
  // more than "the signature does not match"; one whose every record is well-formed but whose
  // manifest was rewritten fails here.
  const signer = await checkSignature(manifest, text, head[SIGNATURE], known);
  return { manifest, tables, signer };
}

/** The zip's directory, refused when it declares a bomb or more than a backup can be. */
function checkedDirectory(bytes: Uint8Array, looksZip: boolean): Map<string, { size: number; originalSize: number }> {
  let dir: Map<string, { size: number; originalSize: number }>;
  try {
    dir = directory(bytes);
  } catch {
    // Not a zip at all, or one cut short (a copy interrupted on a flash drive).
    throw new BackupError(looksZip ? 'truncated' : 'notBackup');
  }
  let declared = 0;
  for (const e of dir.values()) declared += e.originalSize;
  if (declared > BACKUP_MAX_UNPACKED) throw new BackupError('tooLarge', { mb: Math.round(declared / 1024 ** 2) });
  for (const [name, e] of dir) {
    // Records compress about 10×; a bomb a thousand times. Refused from the directory, nothing inflated.
    if (e.originalSize > BOMB_MIN_BYTES && e.originalSize > e.size * MAX_RATIO) {
      throw new BackupError('entryTooLarge', { table: tableOf(name) ?? name, mb: Math.round(e.originalSize / 1024 ** 2), kb: Math.max(1, Math.round(e.size / 1024)) });
    }
  }
  if ((dir.get(MANIFEST)?.originalSize ?? 0) > MAX_MANIFEST_BYTES || (dir.get(SIGNATURE)?.originalSize ?? 0) > MAX_MANIFEST_BYTES) throw new BackupError('notBackup');
  return dir;
}

/**
 * Watches each table as it inflates: more lines than the manifest counts, or one line beyond any
 * record, stop the inflating at once (a bomb of short lines, or of one endless line).
 */
function lineGuard(manifest: BackupManifest): (entry: string, chunk: Uint8Array) => void {
  const seen = new Map<string, { n: number; open: number }>();
  return (entry, chunk) => {
    const at = seen.get(entry) ?? { n: 0, open: 0 };
    let last = -1;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      at.n++;
      last = i;
    }
    at.open = last < 0 ? at.open + chunk.length : chunk.length - last - 1;
    seen.set(entry, at);
    const table = tableOf(entry)!;
    if (at.n > 0 && at.n >= (manifest.tables[table]?.count ?? 0)) throw new SizeLied(entry);
    // A UTF-8 byte is at least a third of a character.
    if (at.open > 3 * MAX_LINE_CHARS) throw new BackupError('recordTooLarge', { table, line: at.n + 1, mb: Math.round(at.open / 1024 ** 2) });
  };
}

/** Bytes decoded per slice when a table is split into lines (a slice ends at a line break). */
const DECODE_SLICE = 8 * 1024 * 1024;

/**
 * A table's lines, decoded a slice at a time: five years of one table can be more text than the
 * longest string V8 makes (about 512 MB), so the table is never one string.
 */
export function linesOf(file: Uint8Array): string[] {
  const lines: string[] = [];
  if (file.length === 0) return lines;
  const decoder = new TextDecoder();
  for (let at = 0; at <= file.length; ) {
    const cut = file.indexOf(10, Math.min(file.length, at + DECODE_SLICE));
    const end = cut < 0 ? file.length : cut;
    for (const line of decoder.decode(file.subarray(at, end)).split('\n')) lines.push(line);
    at = end + 1;
  }
  return lines;
}

/**
 * Rows as JSON lines, a slice of rows at a time (never one string for the whole table): lines
 * joined by "\n", none after the last; `after` rows were written before these.
 */
export function* lineSlices(rows: readonly Record<string, unknown>[], after: number): Generator<Uint8Array> {
  for (let i = 0; i < rows.length; i += ENCODE_ROWS) {
    yield strToU8((after + i > 0 ? '\n' : '') + rows.slice(i, i + ENCODE_ROWS).map((r) => encodeDoc(r)).join('\n'));
  }
}
const ENCODE_ROWS = 5_000;

/** One table's file against its manifest entry (hash, count), each line parsed and checked. */
async function parseTable(name: string, manifest: BackupManifest, file: Uint8Array | undefined): Promise<Record<string, unknown>[]> {
  const entry = manifest.tables[name]!;
  if (!file) throw new BackupError('truncated', { table: name });
  if ((await sha256(file)) !== entry.sha256) throw new BackupError('tableEdited', { table: name });
  const lines = linesOf(file);
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
  return rows;
}

/** Inflating, with a broken zip or an entry bigger than declared as the reason it stopped. */
function guarded<T>(run: () => T, looksZip: boolean): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof BackupError) throw err;
    if (err instanceof SizeLied) {
      const table = tableOf(err.entry);
      throw table ? new BackupError('tableEdited', { table }) : new BackupError('notBackup');
    }
    throw new BackupError(looksZip ? 'truncated' : 'notBackup');
  }
}
