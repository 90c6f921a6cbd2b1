/**
 * The Sinkronisasi package: an .xlsx people can open and read (Petunjuk, Ringkasan, Pegawai, SKP,
 * Evaluasi) with hidden machine sheets the app reads (`_amplop`: the envelope; `_rekaman…`: one
 * record per row, chunked below Excel's cell limit).
 *
 * Integrity never depends on the file's bytes: Excel and LibreOffice rewrite the zip when a file is
 * opened and saved again, but keep every cell's text. Each record row carries a fingerprint of its
 * cells, and the envelope a SHA-256 over itself and every fingerprint, so a re-saved package still
 * verifies while an edited, missing or extra row refuses the whole package with the row named.
 *
 * Pure: rows in, rows out. SheetJS (io/sheet.ts) turns them into bytes and back.
 */
import { withoutKnowledgeIndex } from '../domain/sync/knowledgeIndex';
import type { ChainHead } from '../domain/auditChain';
import type { InstallationRole } from '../domain/sync/access';
import type { ChainLinkRef } from '../domain/sync/trust';
import type { ExchangeRecord } from './records';
import type { PublicKeyInfo, Signer } from './signature';
import { fromBase64, sha256, toBase64 } from './bytes';

export const PACKAGE_FORMAT = 'kinerja-luring-paket';
/**
 * Raised when a package can no longer be read by an older app (it then says which version reads it).
 * 2: signed by the sender's key, the readable sheets inside the hash (issue #25).
 */
export const PACKAGE_FORMAT_VERSION = 2;
/** The oldest app version that reads what this version writes. */
export const MIN_READER_VERSION = '0.3.0';

export const ENVELOPE_SHEET = '_amplop';
export const RECORD_SHEET = '_rekaman';
/** Below Excel's 32,767 characters per cell, with room for its own escaping. */
export const CHUNK_CHARS = 30_000;
/** Below Excel's 1,048,576 rows per sheet: further rows go to _rekaman2, _rekaman3… */
export const ROWS_PER_SHEET = 1_000_000;
export const RECORD_HEADER = ['no', 'tabel', 'id', 'rev', 'bagian', 'dari', 'sidik', 'isi'] as const;

export interface InstallRef {
  installId: string;
  officeId: string;
  /** "Kecamatan Curug" */
  officeName: string;
  /** "PC admin", "laptop Camat" */
  installName: string;
}

export interface Envelope {
  format: typeof PACKAGE_FORMAT;
  formatVersion: number;
  minAppVersion: string;
  appVersion: string;
  schemaVersion: number;
  /** `data`: records; `pendaftaran`: tells a new installation who it is, or introduces an office. */
  kind: 'data' | 'pendaftaran';
  packageId: string;
  createdAt: string;
  from: InstallRef;
  /** The installation it is meant for (empty installId: a new installation not yet set up). */
  to: InstallRef;
  /** What the sender holds: newest rev per installation. The receiver's next package skips it. */
  holds: Record<string, string>;
  full: boolean;
  counts: Record<string, number>;
  openConflicts: number;
  /** Pairing: the identity the new installation takes. */
  enrol?: { installId: string; officeId: string; role: InstallationRole; penilaiEmployeeId: string | null; nama: string };
  /** The sender's public key: checked against the key the receiver trusts for `from.installId`. */
  key: PublicKeyInfo;
  /**
   * The sender's chain of packages (the newest links; every package adds one) and its audit-chain
   * head: two packages whose links differ at one position come from two copies of one profile.
   */
  chain: { seq: number; links: ChainLinkRef[]; audit: ChainHead };
  /** The receiver's audit-chain head as the sender last saw it: an anchor outside the receiver's PC. */
  anchor: ChainHead | null;
  /** The id this installation had before a restore or re-enrolment (it announces its new key). */
  predecessor: string | null;
  /** Installations the sender found writing from two PCs: id → wall time (ms) after which their writes are concurrent. */
  forks: Record<string, number>;
  /**
   * To a penilai laptop: every record of its scope (`table:id`). What it holds outside this list
   * left its scope (someone moved to another penilai) and is removed from the laptop.
   */
  scope?: string[];
  /** From a penilai laptop: every record it holds (`table:id`), so the office sends what it lacks. */
  held?: string[];
  /**
   * One file of a package too big for one (issue #33): part `n` of `of`, all sharing `group`. Each
   * part is a whole package of its own (signed, chained) and applies in any order.
   */
  part?: { group: string; n: number; of: number };
  /**
   * Groups of parts the sender received only some of: its `holds` then overstates what it has, so
   * the receiver does not take them as confirmed (the missing parts' records are sent again).
   */
  incomplete?: string[];
  /**
   * A full package of one performance year (issue #33): SKPs, evaluations and their kin of other
   * years stay out (another full package of that year carries them when asked for).
   */
  year?: number;
  rows: number;
  /** SHA-256 of the sheets people read (readableDigest): a planted or edited cell there refuses the package. */
  readable: string;
  /** SHA-256 over the envelope (with `readable`) and every row's full content. */
  hash: string;
  /** The sender's signature over `hash`. */
  sig: string;
}

/** What the repository fills in; the file adds the rest when it is written and signed. */
export type EnvelopeDraft = Omit<Envelope, 'rows' | 'hash' | 'sig' | 'key' | 'readable'>;

export type PackageProblemCode = 'notPackage' | 'sheetsDropped' | 'newerApp' | 'olderFormat' | 'truncated' | 'rowEdited' | 'envelopeEdited' | 'unreadableRow' | 'readableEdited' | 'formula';

export interface PackageProblem {
  code: PackageProblemCode;
  /** The Excel row (1-based) and sheet, when a row is at fault. */
  sheet?: string;
  row?: number;
  /** A cell ("B7"), for a formula planted in a readable sheet. */
  cell?: string;
  table?: string;
  id?: string;
  version?: string;
}

export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(`package.${problem.code}`);
  }
}

/** A fast fingerprint of a string (cyrb53): catches an edited cell, not a forger (nothing can). */
export function fingerprint(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** JSON of a record, binary (attachments, scanned signatures) as {"$b64": …}. */
/** Whether a value holds binary anywhere (an attachment's bytes): only those need the slower replacer. */
function hasBinary(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return true;
  if (Array.isArray(v)) return v.some(hasBinary);
  for (const k in v) if (hasBinary((v as Record<string, unknown>)[k])) return true;
  return false;
}

export function encodeDoc(doc: Record<string, unknown>): string {
  // A walk and a plain stringify cost about half of a stringify with a replacer (backups, packages).
  if (!hasBinary(doc)) return JSON.stringify(doc);
  return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof ArrayBuffer) return { $b64: toBase64(new Uint8Array(raw)) };
    if (ArrayBuffer.isView(raw)) return { $b64: toBase64(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)) };
    return v;
  });
}

export function decodeDoc(json: string): Record<string, unknown> {
  return JSON.parse(json, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $b64?: unknown }).$b64 === 'string' && Object.keys(v).length === 1) {
      return fromBase64((v as { $b64: string }).$b64);
    }
    return v;
  }) as Record<string, unknown>;
}

/** Splits text into cell-sized parts, never between the two halves of a surrogate pair. */
export function chunk(text: string, size = CHUNK_CHARS): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts.length > 0 ? parts : [''];
}

type Row = (string | number)[];

function rowFingerprint(table: string, id: string, rev: string, part: number, parts: number, data: string): string {
  return fingerprint(`${table}\n${id}\n${rev}\n${part}/${parts}\n${data}`);
}

/**
 * SHA-256 over many lines without one giant string: the lines are hashed in blocks of about a
 * megabyte (native WebCrypto), then the block hashes are hashed. Covers every character.
 */
export async function digestLines(lines: Iterable<string>): Promise<string> {
  const blocks: string[] = [];
  let buf: string[] = [];
  let size = 0;
  for (const line of lines) {
    buf.push(line);
    size += line.length + 1;
    if (size >= 1 << 20) {
      blocks.push(await sha256(buf.join('\n')));
      buf = [];
      size = 0;
    }
  }
  if (buf.length > 0 || blocks.length === 0) blocks.push(await sha256(buf.join('\n')));
  return blocks.length === 1 ? blocks[0]! : sha256(blocks.join('\n'));
}

type Cell = string | number | boolean | Date | null | undefined;

/** One cell as both the writer and a reader of the file see it (a date as its ISO day, no trailing blanks). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v as Cell);
}

/** The digest of the sheets people read: name, then every row's cells, trailing blanks dropped. */
export async function readableDigest(sheets: readonly { name: string; rows: readonly (readonly unknown[])[] }[]): Promise<string> {
  function* lines() {
    for (const s of sheets) {
      yield `#${s.name}`;
      const rows = s.rows.map((r) => {
        const cells = r.map(cellText);
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        return cells.join('\t');
      });
      while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
      yield* rows;
    }
  }
  return digestLines(lines());
}

/** Is this a machine sheet (envelope, records), not one people read? */
export function isMachineSheet(name: string): boolean {
  return name === ENVELOPE_SHEET || name === RECORD_SHEET || new RegExp(`^${RECORD_SHEET}\\d+$`).test(name);
}

/** What the envelope hash covers: the envelope without its hash and signature (so with the readable sheets' digest), and the rows' digest. */
async function packageHash(env: Omit<Envelope, 'hash' | 'sig'>, rowsDigest: string): Promise<string> {
  const { hash: _h, sig: _s, ...rest } = env as Envelope;
  const lines = Object.keys(rest).sort().map((k) => `${k}=${JSON.stringify((rest as Record<string, unknown>)[k])}`);
  return sha256(`${lines.join('\n')}\n${rowsDigest}`);
}

const rowLine = (row: readonly (string | number)[]) => row.slice(1).join('\u0001');

export interface MachineSheets {
  envelope: Row[];
  /** `_rekaman`, `_rekaman2`, … in order. */
  records: { name: string; rows: Row[] }[];
}

/**
 * The envelope and the record rows of a package, hashed with the digest of its readable sheets
 * and signed by `signer`.
 */
export async function packRecords(env: EnvelopeDraft, records: readonly ExchangeRecord[], readable: string, signer: Signer): Promise<{ envelope: Envelope; sheets: MachineSheets }> {
  const rows: Row[] = [];
  for (const r of records) {
    const id = r.doc.id as string;
    const rev = r.doc.rev as string;
    const parts = chunk(encodeDoc(withoutKnowledgeIndex(r.doc)));
    parts.forEach((data, i) => {
      const print = rowFingerprint(r.table, id, rev, i + 1, parts.length, data);
      rows.push([rows.length + 1, r.table, id, rev, i + 1, parts.length, print, data]);
    });
  }
  const withRows = { ...env, key: signer.key, rows: rows.length, readable };
  const hash = await packageHash(withRows, await digestLines(rows.map(rowLine)));
  const envelope: Envelope = { ...withRows, hash, sig: await signer.sign(hash) };
  const sheets: MachineSheets = { envelope: Object.entries(envelope).map(([k, v]) => [k, JSON.stringify(v)]), records: [] };
  for (let i = 0; i * ROWS_PER_SHEET < Math.max(rows.length, 1); i++) {
    sheets.records.push({ name: i === 0 ? RECORD_SHEET : `${RECORD_SHEET}${i + 1}`, rows: [[...RECORD_HEADER], ...rows.slice(i * ROWS_PER_SHEET, (i + 1) * ROWS_PER_SHEET)] });
  }
  return { envelope, sheets };
}

/** Compares dotted versions: -1, 0, 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Reads and verifies a package from its sheets (name → rows), or throws PackageError with the one
 * problem to tell the user. Nothing of a package that fails is returned.
 */
export async function unpackRecords(sheets: Record<string, unknown[][]>, appVersion: string): Promise<{ envelope: Envelope; records: ExchangeRecord[] }> {
  const readable = await readableDigest(Object.keys(sheets).filter((n) => !isMachineSheet(n)).map((name) => ({ name, rows: sheets[name]! })));
  const names = Object.keys(sheets);
  const envRows = sheets[ENVELOPE_SHEET];
  if (!envRows) throw new PackageError({ code: names.some((n) => /^petunjuk$/i.test(n)) ? 'sheetsDropped' : 'notPackage' });
  const env: Record<string, unknown> = {};
  for (const row of envRows) {
    const [k, v] = row;
    if (typeof k !== 'string' || typeof v !== 'string' || !k) continue;
    try {
      env[k] = JSON.parse(v);
    } catch {
      throw new PackageError({ code: 'envelopeEdited', sheet: ENVELOPE_SHEET });
    }
  }
  if (env.format !== PACKAGE_FORMAT) throw new PackageError({ code: 'notPackage' });
  const envelope = env as unknown as Envelope;
  if (typeof envelope.formatVersion !== 'number' || envelope.formatVersion > PACKAGE_FORMAT_VERSION || compareVersions(String(envelope.minAppVersion ?? '0'), appVersion) > 0) {
    throw new PackageError({ code: 'newerApp', version: String(envelope.minAppVersion ?? envelope.appVersion ?? '?') });
  }
  // Unsigned packages of the first format: the sender's app must be updated to sign them.
  if (envelope.formatVersion < PACKAGE_FORMAT_VERSION || typeof envelope.sig !== 'string' || !envelope.key) throw new PackageError({ code: 'olderFormat', version: String(envelope.appVersion ?? '?') });
  const recordSheets = names.filter((n) => n === RECORD_SHEET || new RegExp(`^${RECORD_SHEET}\\d+$`).test(n)).sort((a, b) => (Number(a.slice(RECORD_SHEET.length)) || 1) - (Number(b.slice(RECORD_SHEET.length)) || 1));
  if (recordSheets.length === 0) throw new PackageError({ code: 'sheetsDropped' });
  const lines: string[] = [];
  const records: ExchangeRecord[] = [];
  let pending: { table: string; id: string; rev: string; parts: string[]; of: number; sheet: string; row: number } | null = null;
  let count = 0;
  for (const sheet of recordSheets) {
    const rows = sheets[sheet]!;
    for (let r = 1; r < rows.length; r++) {
      const row = rows[r]!;
      if (row.every((c) => c === '' || c === null || c === undefined)) continue;
      const excelRow = r + 1;
      const [, table, id, rev, part, parts, print, data] = row.map((c) => (typeof c === 'number' ? c : String(c ?? '')));
      const where = { sheet, row: excelRow, table: String(table), id: String(id) };
      if (rowFingerprint(String(table), String(id), String(rev), Number(part), Number(parts), String(data)) !== print) throw new PackageError({ code: 'rowEdited', ...where });
      count++;
      lines.push([table, id, rev, part, parts, print, data].join('\u0001'));
      if (Number(part) === 1) {
        if (pending) throw new PackageError({ code: 'truncated', ...where });
        pending = { table: String(table), id: String(id), rev: String(rev), parts: [], of: Number(parts), sheet, row: excelRow };
      }
      if (!pending || pending.id !== String(id) || Number(part) !== pending.parts.length + 1) throw new PackageError({ code: 'truncated', ...where });
      pending.parts.push(String(data));
      if (pending.parts.length === pending.of) {
        let doc: Record<string, unknown>;
        try {
          doc = decodeDoc(pending.parts.join(''));
        } catch {
          throw new PackageError({ code: 'unreadableRow', sheet: pending.sheet, row: pending.row, table: pending.table, id: pending.id });
        }
        records.push({ table: pending.table, schemaVersion: envelope.schemaVersion, doc });
        pending = null;
      }
    }
  }
  if (pending || count !== envelope.rows) throw new PackageError({ code: 'truncated', sheet: recordSheets[recordSheets.length - 1] });
  const { hash, sig: _sig, ...rest } = envelope;
  if ((await packageHash(rest, await digestLines(lines))) !== hash) throw new PackageError({ code: 'envelopeEdited', sheet: ENVELOPE_SHEET });
  if (readable !== envelope.readable) throw new PackageError({ code: 'readableEdited' });
  return { envelope, records };
}
