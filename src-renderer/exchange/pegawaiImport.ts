/**
 * Importing employees from a sheet (issue #6 §2–§4): rows are read into candidate records with
 * per-cell errors (sheet, Excel row, column), then compared with the database into a plan —
 * baru, berubah (with the field changes), tidak berubah, galat — that the user confirms before
 * anything is written. Pure: runs in the import worker and in unit tests.
 */
import type { CalendarDate } from '../domain/dates';
import { EMPLOYEE_STATUSES, type EmployeeStatus } from '../domain/golongan';
import {
  emptyEmployeeFields,
  employeeFieldsOf, findAtasanCycle, JENIS_JABATAN, JENJANG_BY_JENIS, printedName, validateEmployee,
  type Employee, type EmployeeField, type EmployeeFields, type FieldIssue, type JenisJabatan, type JenjangJf,
} from '../domain/pegawai';
import { diffFields, type FieldChange } from '../domain/records';
import { unitPath, type Unit } from '../domain/unit';
import { id as messages } from '../i18n/messages';
import { foldHeader, type ImportField } from './headers';
import { columnLetter } from '../io/sheet';
import { cleanText, parseGolongan, parseNipCell, parseTanggal, splitNameAndGelar } from '../io/values';

export interface ImportError {
  sheet: string;
  /** Excel row number (1-based), 0 for file-level problems. */
  row: number;
  /** Excel column letter, '' when the problem is not one cell. */
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface SourceTable {
  sheet: string;
  rows: unknown[][];
  /** 0-based index of the first data row. */
  firstDataRow: number;
  /** Column index → field key ('' = ignored). An array, never an object keyed by header text. */
  mapping: readonly string[];
  /** The template's example row (the first data row), skipped when left unchanged. */
  example?: unknown[];
}

export interface ParsedRow {
  row: number;
  values: Partial<EmployeeFields>;
  unitName: string;
  atasanNip: string;
  errors: ImportError[];
}

function byFolded<T extends string>(codes: readonly T[], label: (c: T) => string, extra: Record<string, T> = {}): Map<string, T> {
  const m = new Map<string, T>();
  for (const c of codes) {
    m.set(foldHeader(c), c);
    m.set(foldHeader(label(c)), c);
  }
  for (const [k, v] of Object.entries(extra)) m.set(foldHeader(k), v);
  return m;
}

const STATUS = byFolded(EMPLOYEE_STATUSES, (s) => messages[`pegawai.status.${s}`], { 'PPPK Paruh Waktu': 'PPPK_PW', 'Calon PNS': 'CPNS', 'Pegawai Negeri Sipil': 'PNS' });
/** Every way national exports write it: L/P, M/F (SIASN), 1/2, words in both languages. */
const SEX = new Map<string, 'L' | 'P'>([
  ...(['l', 'lk', 'laki', 'lakilaki', 'pria', '1', 'm', 'male'].map((k) => [k, 'L']) as [string, 'L'][]),
  ...(['p', 'pr', 'perempuan', 'wanita', '2', 'f', 'female'].map((k) => [k, 'P']) as [string, 'P'][]),
]);
const JENIS = byFolded(JENIS_JABATAN, (j) => messages[`pegawai.jenisJabatan.${j}`], { 'Jabatan Fungsional Tertentu': 'FUNGSIONAL_KEAHLIAN', 'Jabatan Fungsional Umum': 'PELAKSANA', Struktural: 'PENGAWAS' });
const JENJANG_LIST = [...new Set(Object.values(JENJANG_BY_JENIS).flat())] as JenjangJf[];
const JENJANG = byFolded(JENJANG_LIST, (j) => messages[`pegawai.jenjang.${j}`]);

/** Reads the mapped cells of each data row; empty rows and an unchanged example row are skipped. */
export function parseEmployeeRows(t: SourceTable): ParsedRow[] {
  const out: ParsedRow[] = [];
  const col = (field: ImportField) => t.mapping.indexOf(field);
  const has = (field: ImportField) => col(field) >= 0;
  for (let r = t.firstDataRow; r < t.rows.length; r++) {
    const raw = t.rows[r] ?? [];
    if (raw.every((v) => cleanText(v) === '')) continue;
    if (t.example && r === t.firstDataRow && t.example.every((v, i) => cleanText(v) === cleanText(raw[i]))) continue;
    const rowNo = r + 1;
    const errors: ImportError[] = [];
    const values: Partial<EmployeeFields> = {};
    const cellOf = (field: ImportField) => raw[col(field)];
    const err = (field: ImportField, code: string, params?: Record<string, string | number>) =>
      errors.push({ sheet: t.sheet, row: rowNo, column: has(field) ? columnLetter(col(field)) : '', code, ...(params ? { params } : {}) });
    const text = (field: ImportField) => (has(field) ? cleanText(cellOf(field)) : '');

    if (has('nip')) {
      const nip = parseNipCell(cellOf('nip'));
      if (nip.ok) values.nip = nip.value;
      else err('nip', nip.code, nip.params);
    } else err('nip', 'nipColumnMissing');

    if (has('namaLengkap') && text('namaLengkap')) Object.assign(values, splitNameAndGelar(cellOf('namaLengkap')));
    if (has('nama') && text('nama')) {
      // "Drs. Asep, M.Si." in a plain name column with no gelar columns: split it too.
      if (!has('gelarDepan') && !has('gelarBelakang')) Object.assign(values, splitNameAndGelar(cellOf('nama')));
      else values.nama = text('nama');
    }
    if (has('gelarDepan') && text('gelarDepan')) values.gelarDepan = text('gelarDepan');
    if (has('gelarBelakang') && text('gelarBelakang')) values.gelarBelakang = text('gelarBelakang').replace(/^,\s*/, '');

    const coded = <T extends string>(field: ImportField, map: Map<string, T>, code: string, set: (v: T) => void) => {
      const v = text(field);
      if (!v) return;
      const found = map.get(foldHeader(v));
      if (found) set(found);
      else err(field, code, { text: v });
    };
    coded('status', STATUS, 'statusUnknown', (v) => (values.status = v as EmployeeStatus));
    coded('jenisKelamin', SEX, 'sexUnknown', (v) => (values.jenisKelamin = v));
    coded('jenisJabatan', JENIS, 'jenisJabatanUnknown', (v) => (values.jenisJabatan = v as JenisJabatan));
    coded('jenjang', JENJANG, 'jenjangUnknown', (v) => (values.jenjang = v as JenjangJf));

    for (const field of ['tanggalLahir', 'tmtGolongan'] as const) {
      if (!has(field)) continue;
      const d = parseTanggal(cellOf(field));
      if (d.ok) {
        if (d.value) values[field] = d.value;
      } else err(field, d.code, d.params);
    }
    if (has('golongan')) {
      const g = parseGolongan(cellOf('golongan'));
      if (g.ok) {
        if (g.value) values.golongan = g.value;
      } else err('golongan', g.code, g.params);
    }
    if (text('jabatan')) values.jabatan = text('jabatan');

    let atasanNip = '';
    if (has('atasanNip') && text('atasanNip')) {
      const a = parseNipCell(cellOf('atasanNip'));
      if (a.ok) atasanNip = a.value;
      else err('atasanNip', a.code === 'nipNumeric' ? 'atasanNipNumeric' : 'atasanNipInvalid', { text: text('atasanNip') });
    }
    out.push({ row: rowNo, values, unitName: text('unit'), atasanNip, errors });
  }
  return out;
}

export interface PlannedCreate {
  row: number;
  id: string;
  fields: EmployeeFields;
}

export interface PlannedUpdate {
  row: number;
  id: string;
  /** The revision the plan was made against; the commit refuses if it changed meanwhile. */
  rev: string;
  fields: EmployeeFields;
  nama: string;
  changes: FieldChange[];
}

/** What the import does with one data row of the sheet; the preview shows every row this way. */
export type RowOutcome = 'baru' | 'berubah' | 'tidakBerubah' | 'dilewati' | 'galat';

export interface PlannedRow {
  row: number;
  outcome: RowOutcome;
  /** The record's id (an existing one's, or the one a new row gets); null for a row refused before it had one. */
  id: string | null;
  /** The record as it will be (or is, for 'tidakBerubah' and 'dilewati'); null when the row could not be read into one. */
  fields: EmployeeFields | null;
  changes: FieldChange[];
}

export interface EmployeePlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  skipped: number;
  errors: ImportError[];
  /** Rows with at least one error (never written). */
  errorRows: number;
  /**
   * What the admin should look at but may import anyway (a TMT in the future, a birth year out of
   * range, a NIP whose sex or birth date disagrees with the record): shown per row in the preview.
   */
  warnings: ImportError[];
  warningRows: number;
  totalRows: number;
  /** When the database was read for this plan (ISO); the commit checks what changed since. */
  madeAt: string;
  /** Every data row in sheet order with its outcome, for the row preview. */
  rows: PlannedRow[];
}

export interface PlanOptions {
  /** An NIP already in the database: update it, or leave it alone. */
  existing: 'update' | 'skip';
  today: CalendarDate;
  newId?: () => string;
  /** ISO time the existing records were read (default: now). */
  readAt?: string;
}

const FIELD_TO_IMPORT: Partial<Record<EmployeeField, ImportField>> = {
  nip: 'nip', nama: 'nama', gelarDepan: 'gelarDepan', gelarBelakang: 'gelarBelakang', status: 'status', jenisKelamin: 'jenisKelamin',
  tanggalLahir: 'tanggalLahir', golongan: 'golongan', tmtGolongan: 'tmtGolongan', jabatan: 'jabatan', jenisJabatan: 'jenisJabatan',
  jenjang: 'jenjang', unitId: 'unit', atasanId: 'atasanNip',
};

/**
 * Compares parsed rows with the database. Empty cells never erase what is already stored. The atasan
 * is found by NIP in the same file or in the database; units by name.
 */
export function planEmployeeImport(table: SourceTable, parsed: readonly ParsedRow[], existing: readonly Employee[], units: readonly Unit[], opts: PlanOptions): EmployeePlan {
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const byNip = new Map(existing.filter((e) => !e.deleted).map((e) => [e.nip, e]));
  const unitRef = unitResolver(units);
  const colOf = (field: EmployeeField) => {
    const f = FIELD_TO_IMPORT[field];
    const i = f ? table.mapping.indexOf(f) : -1;
    if (i < 0 && field === 'nama') {
      const j = table.mapping.indexOf('namaLengkap');
      return j >= 0 ? columnLetter(j) : '';
    }
    return i >= 0 ? columnLetter(i) : '';
  };

  // Pass 1: ids for every NIP in the file, so an atasan may be a row further down.
  const seen = new Map<string, number>();
  const idOfRow = new Map<number, string>();
  const fileNipToId = new Map<string, string>();
  const errors: ImportError[] = [];
  const rowErrors = new Map<number, ImportError[]>();
  const fail = (row: number, e: ImportError) => rowErrors.set(row, [...(rowErrors.get(row) ?? []), e]);
  const warnings: ImportError[] = [];
  for (const p of parsed) {
    for (const e of p.errors) fail(p.row, e);
    const nip = p.values.nip;
    if (!nip) continue;
    const first = seen.get(nip);
    if (first !== undefined) {
      fail(p.row, { sheet: table.sheet, row: p.row, column: colOf('nip'), code: 'nipDuplicateInFile', params: { first } });
      continue;
    }
    seen.set(nip, p.row);
    const id = byNip.get(nip)?.id ?? newId();
    idOfRow.set(p.row, id);
    fileNipToId.set(nip, id);
  }

  // Pass 2: full candidate records.
  const candidates: { p: ParsedRow; id: string; prev: Employee | undefined; fields: EmployeeFields }[] = [];
  const outcomes = new Map<number, PlannedRow>();
  let skipped = 0;
  for (const p of parsed) {
    const id = idOfRow.get(p.row);
    // A row that already failed is still checked for unit and atasan, so all its problems show at once.
    const failedEarlier = !id || rowErrors.has(p.row);
    const prev = byNip.get(p.values.nip ?? '');
    if (!failedEarlier && prev && opts.existing === 'skip') {
      skipped++;
      outcomes.set(p.row, { row: p.row, outcome: 'dilewati', id: prev.id, fields: employeeFieldsOf(prev), changes: [] });
      continue;
    }
    const base: EmployeeFields = prev ? employeeFieldsOf(prev) : emptyEmployeeFields();
    const fields: EmployeeFields = { ...base, ...p.values };
    if (p.unitName) {
      const unit = unitRef(p.unitName);
      if (typeof unit === 'string') fields.unitId = unit;
      else fail(p.row, { sheet: table.sheet, row: p.row, column: colOf('unitId'), code: unit.code, params: { text: p.unitName, ...(unit.example ? { example: unit.example } : {}) } });
    }
    if (p.atasanNip) {
      const atasanId = fileNipToId.get(p.atasanNip) ?? byNip.get(p.atasanNip)?.id;
      if (!atasanId) fail(p.row, { sheet: table.sheet, row: p.row, column: colOf('atasanId'), code: 'atasanUnknown', params: { nip: p.atasanNip } });
      else fields.atasanId = atasanId;
    }
    if (failedEarlier || !id) {
      outcomes.set(p.row, { row: p.row, outcome: 'galat', id: id ?? null, fields, changes: [] });
      continue;
    }
    for (const issue of validateEmployee(fields, { today: opts.today, selfId: id })) {
      const found = { sheet: table.sheet, row: p.row, column: colOf(issue.field), code: 'fieldIssue', params: fieldIssueParams(issue) };
      if (issue.severity === 'error') fail(p.row, found);
      else warnings.push(found);
    }
    candidates.push({ p, id, prev, fields });
  }

  // Atasan cycles across the merged picture (database + file).
  const atasanOf = new Map<string, string | null>(existing.map((e) => [e.id, e.atasanId]));
  for (const c of candidates) if (!rowErrors.has(c.p.row)) atasanOf.set(c.id, c.fields.atasanId);
  const names = new Map<string, string>(existing.map((e) => [e.id, printedName(e)]));
  for (const c of candidates) names.set(c.id, printedName(c.fields));
  for (const c of candidates) {
    if (rowErrors.has(c.p.row)) continue;
    const cycle = findAtasanCycle(c.id, c.fields.atasanId, (x) => atasanOf.get(x) ?? null);
    if (cycle) fail(c.p.row, { sheet: table.sheet, row: c.p.row, column: colOf('atasanId'), code: 'atasanCycle', params: { chain: cycle.map((x) => names.get(x) ?? '?').join(' → ') } });
  }

  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  let unchanged = 0;
  for (const c of candidates) {
    const planned = (outcome: RowOutcome, changes: FieldChange[] = []) => outcomes.set(c.p.row, { row: c.p.row, outcome, id: c.id, fields: c.fields, changes });
    if (rowErrors.has(c.p.row)) {
      planned('galat');
      continue;
    }
    if (!c.prev) {
      creates.push({ row: c.p.row, id: c.id, fields: c.fields });
      planned('baru');
      continue;
    }
    const changes = diffFields(employeeFieldsOf(c.prev), c.fields);
    planned(changes.length === 0 ? 'tidakBerubah' : 'berubah', changes);
    if (changes.length === 0) unchanged++;
    else updates.push({ row: c.p.row, id: c.id, rev: c.prev.rev, fields: c.fields, nama: printedName(c.fields), changes });
  }
  for (const list of rowErrors.values()) errors.push(...list);
  errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  // A row refused later (an atasan cycle) shows its errors, not its warnings.
  const kept = warnings.filter((w) => !rowErrors.has(w.row));
  return {
    creates,
    updates,
    unchanged,
    skipped,
    errors,
    errorRows: rowErrors.size,
    warnings: kept,
    warningRows: new Set(kept.map((w) => w.row)).size,
    totalRows: parsed.length,
    madeAt: opts.readAt ?? new Date().toISOString(),
    rows: parsed.map((p) => outcomes.get(p.row) ?? { row: p.row, outcome: 'galat', id: null, fields: null, changes: [] }),
  };
}

export const UNIT_PATH_SEPARATOR = ' › ';

/** How a unit is written in a sheet: its name when unique, else its path ("Kecamatan Curug › Seksi Pemerintahan"). */
export function unitLabels(units: readonly Unit[]): Map<string, string> {
  const live = units.filter((u) => !u.deleted);
  const count = new Map<string, number>();
  for (const u of live) count.set(foldHeader(u.nama), (count.get(foldHeader(u.nama)) ?? 0) + 1);
  const byId = new Map(live.map((u) => [u.id, u]));
  return new Map(live.map((u) => [u.id, (count.get(foldHeader(u.nama)) ?? 0) > 1 ? unitPath(u.id, byId).join(UNIT_PATH_SEPARATOR) : u.nama]));
}

/** The units a template's dropdown offers: active ones, written as unitLabels writes them. */
export function unitChoices(units: readonly Unit[]): string[] {
  const labels = unitLabels(units);
  return units
    .filter((u) => !u.deleted && u.aktif)
    .map((u) => labels.get(u.id)!)
    .sort((a, b) => a.localeCompare(b, 'id'));
}

/**
 * Finds a unit by its path or, when unique, by its name. A name or a path shared by several units
 * is ambiguous (never resolved to whichever was read last), and an inactive unit is never chosen:
 * the row is refused and says so, because staff placed in a deactivated duplicate disappear from lists.
 */
type UnitRefProblem = { code: 'unitUnknown' | 'unitAmbiguous' | 'unitPathAmbiguous' | 'unitInactive'; example?: string };

function unitResolver(units: readonly Unit[]): (text: string) => string | UnitRefProblem {
  const live = units.filter((u) => !u.deleted);
  const byId = new Map(live.map((u) => [u.id, u]));
  const byName = new Map<string, Unit[]>();
  const byPath = new Map<string, Unit[]>();
  const add = (map: Map<string, Unit[]>, key: string, u: Unit) => map.set(key, [...(map.get(key) ?? []), u]);
  for (const u of live) {
    add(byName, foldHeader(u.nama), u);
    add(byPath, foldHeader(unitPath(u.id, byId).join(' ')), u);
  }
  const pick = (found: Unit[], byPathText: boolean): string | UnitRefProblem => {
    // An active unit wins over inactive namesakes; several active ones are ambiguous.
    const active = found.filter((u) => u.aktif);
    if (active.length === 1) return active[0]!.id;
    if (active.length > 1 && byPathText) return { code: 'unitPathAmbiguous' };
    if (active.length > 1) return { code: 'unitAmbiguous', example: unitPath(active[0]!.id, byId).join(UNIT_PATH_SEPARATOR) };
    return { code: 'unitInactive' };
  };
  return (text) => {
    const isPath = /[›>/]/.test(text);
    const path = byPath.get(foldHeader(text.split(/[›>/]/).join(' '))) ?? [];
    if (isPath && path.length > 0) return pick(path, true);
    const named = byName.get(foldHeader(text)) ?? [];
    if (named.length > 0) return pick(named, false);
    return path.length > 0 ? pick(path, true) : { code: 'unitUnknown' };
  };
}

function fieldIssueParams(issue: FieldIssue): Record<string, string | number> {
  return { field: issue.field, issue: issue.code, ...(issue.params ?? {}) };
}

