/**
 * The file contract between installations: what a record looks like when it travels, and the
 * checks a received record passes before anything of it is applied. Types are data: a table's
 * known fields with their kind. Fields a record has that this version does not know pass through
 * untouched (a newer app may have added them), so nothing is dropped on the way through.
 */
import { parseHlc } from '../domain/hlc';
import { INSTALLATION_ROLES, type Installation } from '../domain/sync/access';
import type { FieldKind } from '../domain/tables';
import { byTable } from '../domain/tableFacts';

/** Version of the record format inside exchange files and batches. */
export const RECORD_FORMAT_VERSION = 1;

export type { FieldKind } from '../domain/tables';

const COMMON: Record<string, FieldKind> = {
  id: 'string', rev: 'rev', createdAt: 'string', updatedAt: 'string', updatedBy: 'string', deleted: 'boolean', sv: 'object?', officeId: 'string?',
};

/** The fields every installation relies on, per table (domain/tables.ts; others pass through unchecked). */
export const RECORD_TYPES: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = byTable((spec) => spec.fields);

declare const checkedBrand: unique symbol;

/**
 * A received record once it passed findRecordProblem: its table is a synced table and the fields
 * every installation relies on have their kinds. Only a checked record is applied, or read as a
 * domain type (an enrolment): the brand makes "checked" something the type says, not a comment.
 */
export type CheckedRecord = ExchangeRecord & { readonly [checkedBrand]: true };

/** Every record of a batch checked: all of them, branded, or the first problem. */
export function checkRecords(records: readonly unknown[], textLength?: (index: number) => number): { ok: true; records: CheckedRecord[] } | { ok: false; problem: RecordProblem } {
  const problem = findRecordProblem(records, textLength);
  return problem ? { ok: false, problem } : { ok: true, records: records as CheckedRecord[] };
}

/** The enrolment a checked record carries (its officeId, role and nama were checked), or null for another table. */
export function enrolmentOf(rec: CheckedRecord): Installation | null {
  return rec.table === 'installations' ? (rec.doc as unknown as Installation) : null;
}

/** Where a batch came from: named in the audit entries and messages. */
export interface BatchSource {
  packageId: string;
  installId: string;
  officeId: string;
  /** "Kecamatan Curug, laptop Camat". */
  label: string;
}

export interface ExchangeRecord {
  table: string;
  /** The schema version of the app that wrote the record (db/schema.ts). */
  schemaVersion: number;
  doc: Record<string, unknown>;
}

export type RecordProblemCode = 'notRecord' | 'unknownTable' | 'missingId' | 'badRev' | 'badField' | 'badVersions' | 'badRole' | 'duplicateInBatch' | 'tooLong';

/**
 * The longest text any field of a record may hold: far beyond anything typed (a realisasi, an
 * umpan balik), far below what breaks a screen (a 200 MB name froze Pegawai). A scanned signature,
 * kept as a data URL, has room for its image limit.
 */
export const TEXT_MAX_CHARS = 20_000;
export const DATA_URL_MAX_CHARS = 1_000_000;

/**
 * The first field (path) whose text is longer than allowed, or null. Binary values are not text.
 * Walked for every received record: no path is built unless something is found.
 */
function overlong(value: unknown, key: string, depth = 0): string | null {
  if (typeof value === 'string') return value.length > (key === 'dataUrl' ? DATA_URL_MAX_CHARS : TEXT_MAX_CHARS) ? key : null;
  if (value === null || typeof value !== 'object' || depth > 8 || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  for (const k in value) {
    const found = overlong((value as Record<string, unknown>)[k], k, depth + 1);
    if (found !== null) return depth === 0 ? found : `${key}/${found}`;
  }
  return null;
}

/** What is wrong with one record; `index` is its position in the batch (the row in a package). */
export interface RecordProblem {
  code: RecordProblemCode;
  index: number;
  table: string;
  id: string;
  field?: string;
  expected?: FieldKind;
}

const CHECKS = new Map(Object.entries(RECORD_TYPES).map(([table, types]) => [table, Object.entries({ ...COMMON, ...types })]));

function kindOk(kind: FieldKind, v: unknown): boolean {
  switch (kind) {
    case 'string': return typeof v === 'string';
    case 'string?': return v === undefined || v === null || typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'object?': return v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
    case 'array': return Array.isArray(v);
    case 'rev': return typeof v === 'string' && parseHlc(v) !== null;
  }
}

function versionsOk(sv: unknown): boolean {
  if (sv === undefined || sv === null) return true;
  const v = sv as { b?: unknown; f?: unknown };
  if (typeof v.b !== 'string' || !parseHlc(v.b) || typeof v.f !== 'object' || v.f === null) return false;
  for (const e of Object.values(v.f as Record<string, unknown>)) {
    const entry = e as { r?: unknown; c?: unknown; alt?: unknown };
    if (typeof entry?.r !== 'string' || !parseHlc(entry.r)) return false;
    if (entry.c !== undefined && (typeof entry.c !== 'object' || Object.values(entry.c as object).some((r) => typeof r !== 'string' || !parseHlc(r)))) return false;
    if (entry.alt !== undefined && (!Array.isArray(entry.alt) || entry.alt.some((a) => typeof (a as { r?: unknown })?.r !== 'string' || !parseHlc((a as { r: string }).r)))) return false;
  }
  return true;
}

/**
 * The first problem of a batch, or null: one bad record refuses the whole batch. `textLength`: the
 * length of a record's JSON when the caller has it (a backup line): no text inside a record can be
 * longer than the record, so short ones skip the walk over their fields.
 */
export function findRecordProblem(records: readonly unknown[], textLength?: (index: number) => number): RecordProblem | null {
  const seen = new Map<string, string>();
  for (let index = 0; index < records.length; index++) {
    const rec = records[index] as Partial<ExchangeRecord> | null;
    const table = typeof rec?.table === 'string' ? rec.table : '';
    const doc = rec?.doc;
    const id = typeof doc?.id === 'string' ? doc.id : '';
    const problem = (code: RecordProblemCode, extra: Partial<RecordProblem> = {}): RecordProblem => ({ code, index, table, id, ...extra });
    if (!rec || typeof rec !== 'object' || !doc || typeof doc !== 'object' || Array.isArray(doc)) return problem('notRecord');
    const types = RECORD_TYPES[table];
    if (!types) return problem('unknownTable');
    if (!id) return problem('missingId');
    if (!kindOk('rev', doc.rev)) return problem('badRev', { field: 'rev' });
    for (const [field, kind] of CHECKS.get(table)!) {
      if (!kindOk(kind, doc[field])) return problem(field === 'rev' ? 'badRev' : 'badField', { field, expected: kind });
    }
    if (!versionsOk(doc.sv)) return problem('badVersions', { field: 'sv' });
    if (table === 'installations' && !INSTALLATION_ROLES.includes(doc.role as never)) return problem('badRole', { field: 'role' });
    const long = textLength && textLength(index) <= TEXT_MAX_CHARS ? null : overlong(doc, '');
    if (long) return problem('tooLong', { field: long });
    const other = seen.get(id);
    if (other !== undefined) return problem('duplicateInBatch', { field: other });
    seen.set(id, table);
  }
  return null;
}
