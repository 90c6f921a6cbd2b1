/**
 * The employee import's row preview (#30 item 3): every data row of the sheet as it was read, what
 * the import will do with it (baru, berubah with old → new, tidak berubah, dilewati, galat), and its
 * errors and warnings beside it, so nobody confirms an import from counts alone. Pure: built in the
 * import worker from the plan, shown on screen, tested in a table.
 */
import { printedName, type Employee, type EmployeeField, type EmployeeFields } from '../domain/pegawai';
import type { Unit } from '../domain/unit';
import type { ImportField } from './headers';
import { columnLetter } from '../io/sheet';
import { cleanText } from '../io/values';
import { unitLabels, type EmployeePlan, type ImportError, type ParsedRow, type RowOutcome, type SourceTable } from './pegawaiImport';

/** The columns of the preview, in order: who, what, and where they sit. */
export const PREVIEW_COLUMNS = ['nip', 'nama', 'tanggalLahir', 'golongan', 'tmtGolongan', 'jabatan', 'unitId', 'atasanId'] as const;
export type PreviewColumn = (typeof PREVIEW_COLUMNS)[number];

/** Which preview column shows a mapped sheet column (several name columns feed the one name). */
const COLUMN_OF: Partial<Record<ImportField, PreviewColumn>> = {
  nip: 'nip', nama: 'nama', namaLengkap: 'nama', gelarDepan: 'nama', gelarBelakang: 'nama', tanggalLahir: 'tanggalLahir',
  golongan: 'golongan', tmtGolongan: 'tmtGolongan', jabatan: 'jabatan', unit: 'unitId', atasanNip: 'atasanId',
};

/** A changed field marks the column that shows it (the name column shows the name and both gelar). */
export const PREVIEW_COLUMN_OF_FIELD: Partial<Record<EmployeeField, PreviewColumn>> = {
  nip: 'nip', nama: 'nama', gelarDepan: 'nama', gelarBelakang: 'nama', tanggalLahir: 'tanggalLahir', golongan: 'golongan',
  tmtGolongan: 'tmtGolongan', jabatan: 'jabatan', unitId: 'unitId', atasanId: 'atasanId',
};

export interface RowChange {
  field: EmployeeField;
  /** Codes and ISO dates as stored (the screen words them); a unit or atasan by its name. */
  from: string;
  to: string;
}

export interface RowPreview {
  row: number;
  outcome: RowOutcome;
  /** The record's values (codes, ISO dates), or the file's own text in a cell that was refused. */
  cells: Record<PreviewColumn, string>;
  // The lists are left out when empty: 12,000 rows cross from the worker, and empty arrays were half the cost.
  /** Columns whose cell was refused: they show what the file says. */
  refused?: PreviewColumn[];
  changes?: RowChange[];
  errors?: ImportError[];
  warnings?: ImportError[];
}

function byRow(list: readonly ImportError[]): Map<number, ImportError[]> {
  const m = new Map<number, ImportError[]>();
  for (const e of list) m.set(e.row, [...(m.get(e.row) ?? []), e]);
  return m;
}

/** Builds the preview of every row the plan covers, in sheet order. */
export function employeeRowPreview(table: SourceTable, parsed: readonly ParsedRow[], plan: EmployeePlan, existing: readonly Employee[], units: readonly Unit[]): RowPreview[] {
  const unitLabel = unitLabels(units);
  const names = new Map<string, string>(existing.filter((e) => !e.deleted).map((e) => [e.id, printedName(e)]));
  const nipToId = new Map<string, string>(existing.filter((e) => !e.deleted).map((e) => [e.nip, e.id]));
  for (const r of plan.rows) {
    if (!r.id || !r.fields) continue;
    names.set(r.id, printedName(r.fields));
    nipToId.set(r.fields.nip, r.id);
  }
  const errors = byRow(plan.errors);
  const warnings = byRow(plan.warnings);
  const parsedByRow = new Map(parsed.map((p) => [p.row, p]));
  const letterToColumn = new Map<string, { index: number; column: PreviewColumn }>();
  table.mapping.forEach((f, index) => {
    const column = COLUMN_OF[f as ImportField];
    if (column) letterToColumn.set(columnLetter(index), { index, column });
  });
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '');
  const labelOf = (id: string | null) => (id ? (unitLabel.get(id) ?? '') : '');
  const shown = (field: string, v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (field === 'unitId') return labelOf(String(v));
    if (field === 'atasanId') return nameOf(String(v));
    return String(v);
  };

  return plan.rows.map((r) => {
    const p = parsedByRow.get(r.row);
    const rowErrors = errors.get(r.row) ?? [];
    const cells = r.fields ? cellsOf(r.fields, nameOf, labelOf) : readCells(p, nipToId, nameOf);
    const refused = new Set<PreviewColumn>();
    for (const e of rowErrors) {
      const at = letterToColumn.get(e.column);
      if (!at) continue;
      refused.add(at.column);
      // The file's own text, not what the record held before: the admin fixes the sheet.
      cells[at.column] = cleanText(table.rows[r.row - 1]?.[at.index]);
    }
    const preview: RowPreview = { row: r.row, outcome: r.outcome, cells };
    if (refused.size > 0) preview.refused = PREVIEW_COLUMNS.filter((c) => refused.has(c));
    if (r.changes.length > 0) preview.changes = r.changes.map((c) => ({ field: c.field as EmployeeField, from: shown(c.field, c.from), to: shown(c.field, c.to) }));
    if (rowErrors.length > 0) preview.errors = rowErrors;
    const rowWarnings = warnings.get(r.row);
    if (rowWarnings) preview.warnings = rowWarnings;
    return preview;
  });
}

function cellsOf(f: EmployeeFields, nameOf: (id: string | null) => string, labelOf: (id: string | null) => string): Record<PreviewColumn, string> {
  return {
    nip: f.nip, nama: printedName(f), tanggalLahir: f.tanggalLahir, golongan: f.golongan, tmtGolongan: f.tmtGolongan,
    jabatan: f.jabatan, unitId: labelOf(f.unitId), atasanId: nameOf(f.atasanId),
  };
}

/** A row refused before it became a record: what could be read of it. */
function readCells(p: ParsedRow | undefined, nipToId: ReadonlyMap<string, string>, nameOf: (id: string | null) => string): Record<PreviewColumn, string> {
  const v = p?.values ?? {};
  const atasan = p?.atasanNip ? nameOf(nipToId.get(p.atasanNip) ?? null) || p.atasanNip : '';
  return {
    nip: v.nip ?? '', nama: printedName({ nama: v.nama ?? '', gelarDepan: v.gelarDepan ?? '', gelarBelakang: v.gelarBelakang ?? '' }),
    tanggalLahir: v.tanggalLahir ?? '', golongan: v.golongan ?? '', tmtGolongan: v.tmtGolongan ?? '', jabatan: v.jabatan ?? '',
    unitId: p?.unitName ?? '', atasanId: atasan,
  };
}

/** The preview's filters: the whole sheet, or only the rows that need a look. */
export type RowFilter = 'semua' | 'galat' | 'peringatan' | 'berubah' | 'baru';
export const ROW_FILTERS: readonly RowFilter[] = ['semua', 'galat', 'peringatan', 'berubah', 'baru'];

export function matchesFilter(r: RowPreview, f: RowFilter): boolean {
  if (f === 'semua') return true;
  if (f === 'galat') return r.outcome === 'galat';
  if (f === 'peringatan') return (r.warnings?.length ?? 0) > 0;
  return r.outcome === f;
}
