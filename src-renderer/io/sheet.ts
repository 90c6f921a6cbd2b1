/**
 * Reading and writing workbooks with SheetJS, safely (issue #6 §5, §6). Reading refuses what is not
 * an Excel file, corrupt, empty or password-protected, each with its own code; writing keeps NIP
 * and every other text as text cells so Excel never reformats or evaluates them.
 */
import * as XLSX from 'xlsx';
import { checkZip, type ZipProblem } from './zipGuard';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_ROWS = 30_000;

export type ReadProblem = 'notWorkbook' | 'tooLarge' | 'passwordProtected' | 'corrupt' | 'empty' | 'tooManyRows' | ZipProblem['code'];

export type ReadResult = { ok: true; workbook: XLSX.WorkBook } | { ok: false; code: ReadProblem; params?: Record<string, number> };

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** The OLE container of old .xls files, and of password-protected .xlsx files. */
function isCfb(b: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x);
}

/**
 * Rows SheetJS parses per sheet when a caller caps them: an import's limit plus room for the title
 * and header rows above the data. A sheet claiming a million rows then costs what 30,000 cost; its
 * real length is still known from declaredRows.
 */
export const ROW_SLACK = 100;

export function readWorkbook(bytes: Uint8Array, maxBytes: number = MAX_FILE_BYTES, maxRows?: number, opts: { formulas?: boolean } = {}): ReadResult {
  if (bytes.length > maxBytes) return { ok: false, code: 'tooLarge', params: { maxMb: maxBytes / 1024 / 1024 } };
  // SheetJS would happily read any text file as CSV; only real workbooks are accepted.
  if (!isZip(bytes) && !isCfb(bytes)) return { ok: false, code: 'notWorkbook' };
  // A zip bomb or a file of millions of strings is refused before SheetJS unpacks it in memory.
  const bomb = isZip(bytes) ? checkZip(bytes) : null;
  if (bomb) return { ok: false, code: bomb.code, params: bomb.params };
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: !!opts.formulas,
      cellHTML: false,
      cellStyles: false,
      ...(maxRows ? { sheetRows: maxRows + ROW_SLACK } : {}),
    });
  } catch (err) {
    const text = String((err as Error)?.message ?? err);
    // A password-protected .xlsx is an OLE container holding the encrypted package, never a zip.
    if (isCfb(bytes) && /password|encrypt/i.test(text)) return { ok: false, code: 'passwordProtected' };
    return { ok: false, code: 'corrupt' };
  }
  const hasData = workbook.SheetNames.some((n) => sheetHasData(workbook.Sheets[n]));
  if (!hasData) return { ok: false, code: 'empty' };
  return { ok: true, workbook };
}

/** Whether any cell holds a value, without converting the sheet (the importer converts it once, later). */
function sheetHasData(ws: XLSX.WorkSheet | undefined): boolean {
  const dense = ws?.['!data'] as (XLSX.CellObject | undefined)[][] | undefined;
  if (!dense) return sheetRows(ws).length > 0;
  return dense.some((row) => row?.some((c) => c !== undefined && c.v !== undefined && c.v !== null && c.v !== ''));
}

/** Rows the sheet says it has, including those a row cap left unread (SheetJS keeps them in !fullref). */
export function declaredRows(ws: XLSX.WorkSheet | undefined): number {
  const ref = ws?.['!fullref'] ?? ws?.['!ref'];
  if (!ref) return 0;
  return XLSX.utils.decode_range(ref).e.r + 1;
}

/**
 * Rows up to the last one with a value. When the read stopped at its cap with data still coming,
 * the sheet's own dimension says how long it really is (for the "berisi … baris" sentence); a
 * dimension that merely claims a million rows over a short table is not believed.
 */
export function dataRowCount(rows: unknown[][], ws: XLSX.WorkSheet | undefined, maxRows: number): number {
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.every((v) => v === '' || v === null || v === undefined)) last--;
  const truncated = rows.length >= maxRows + ROW_SLACK && last === rows.length;
  return truncated ? Math.max(last, declaredRows(ws)) : last;
}

/** The first cell holding a formula ("B7"), or null: files this app writes never hold one. */
export function firstFormula(ws: XLSX.WorkSheet | undefined): string | null {
  const dense = ws?.['!data'] as (XLSX.CellObject | undefined)[][] | undefined;
  if (!dense) return null;
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (row[c]?.f) return XLSX.utils.encode_cell({ r, c });
  }
  return null;
}

/** Cell values of a sheet as rows (raw: numbers stay numbers, text stays text, formulas as their cached value). */
export function sheetRows(ws: XLSX.WorkSheet | undefined): unknown[][] {
  if (!ws) return [];
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '', blankrows: true });
}

export function columnLetter(index: number): string {
  return XLSX.utils.encode_col(index);
}

export type CellValue = string | number | Date | null;

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** Column widths in characters. */
  widths?: number[];
  hidden?: boolean;
  /**
   * What makes a sheet one people can type into (written by io/templateWriter.ts; SheetJS CE
   * cannot): 0-based columns whose empty cells are Text-formatted from `fromRow` to `toRow`…
   */
  textColumns?: { columns: number[]; fromRow: number; toRow: number };
  /** …dropdowns fed from a range of another sheet ("Daftar!$A$2:$A$18")… */
  lists?: { column: number; fromRow: number; toRow: number; source: string; title: string }[];
  /** …rows kept on screen while scrolling, and rows hidden (the machine-key row). */
  freezeRows?: number;
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/**
 * A text cell Excel shows verbatim: type string with the Text number format, so "=1+1", a NIP or
 * "-5" is never evaluated, converted to a number or turned into 1,98E+17, even after editing.
 */
function textCell(v: string): XLSX.CellObject {
  return { t: 's', v, z: '@' };
}

function cell(v: CellValue): XLSX.CellObject | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return { t: 'n', v };
  if (v instanceof Date) return { t: 'd', v, z: 'dd-mm-yyyy' };
  return textCell(v);
}

export function buildWorkbook(sheets: readonly SheetSpec[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxC = 0;
    spec.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        const cl = cell(v);
        if (cl) ws[XLSX.utils.encode_cell({ r, c })] = cl;
        maxC = Math.max(maxC, c);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, spec.rows.length - 1), c: maxC } });
    if (spec.widths) ws['!cols'] = spec.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return wb;
}

export function writeWorkbook(wb: XLSX.WorkBook): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
