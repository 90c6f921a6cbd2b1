/**
 * Where the data is in a workbook: our own template (recognised by its hidden `_meta` sheet and
 * machine-key row) or somebody else's sheet, whose header row is searched and mapped by synonyms.
 */
import type { WorkBook } from 'xlsx';
import { findHeaderRow, IMPORT_FIELDS, layoutSignature, type ImportField } from './headers';
import type { SourceTable } from './pegawaiImport';
import { sheetRows } from '../io/sheet';
import { COLUMNS, DATA_SHEET, EXAMPLE_ROW, HEADER_ROW, KEY_ROW, META_SHEET, parseMeta, type MetaInfo } from './templates';
import { cleanText } from '../io/values';

export interface DetectedTable {
  table: SourceTable;
  meta: MetaInfo | null;
  /** Header text per column as the user sees it. */
  labels: string[];
  /** Layout signature: a corrected mapping is remembered per layout. */
  signature: string;
  sheetNames: string[];
}

const FIELD_SET = new Set<string>(IMPORT_FIELDS);

function templateTable(wb: WorkBook, meta: MetaInfo): DetectedTable | null {
  const rows = sheetRows(wb.Sheets[DATA_SHEET]);
  const keys = rows[KEY_ROW] ?? [];
  // Only the keys this kind of template defines; anything else in the key row is ignored.
  const allowed = meta.kind === 'pegawai' ? FIELD_SET : new Set(COLUMNS[meta.kind].map((c) => c.key));
  const mapping = keys.map((k) => (allowed.has(cleanText(k)) ? cleanText(k) : ''));
  if (!mapping.some(Boolean)) return null;
  const exampleByKey = new Map(COLUMNS[meta.kind].map((c) => [c.key, c.example]));
  const labels = (rows[HEADER_ROW] ?? []).map(cleanText);
  return {
    table: { sheet: DATA_SHEET, rows, firstDataRow: EXAMPLE_ROW, mapping, example: keys.map((k) => exampleByKey.get(cleanText(k)) ?? '') },
    meta,
    labels,
    signature: `template:${meta.kind}`,
    sheetNames: wb.SheetNames,
  };
}

export function detectTable(wb: WorkBook): DetectedTable | null {
  const meta = wb.SheetNames.includes(META_SHEET) ? parseMeta(sheetRows(wb.Sheets[META_SHEET])) : null;
  if (meta) {
    const t = templateTable(wb, meta);
    if (t) return t;
  }
  let best: DetectedTable | null = null;
  for (const name of wb.SheetNames) {
    if (name === META_SHEET) continue;
    const rows = sheetRows(wb.Sheets[name]);
    const match = findHeaderRow(rows);
    if (!match) continue;
    const width = Math.max(match.labels.length, ...[...match.mapping.keys()].map((c) => c + 1));
    const mapping: (ImportField | '')[] = Array.from({ length: width }, (_, c) => match.mapping.get(c) ?? '');
    if (!best || mapping.filter(Boolean).length > best.table.mapping.filter(Boolean).length) {
      best = {
        table: { sheet: name, rows, firstDataRow: match.headerRow + 1, mapping },
        meta: null,
        labels: Array.from({ length: width }, (_, c) => match.labels[c] ?? ''),
        signature: layoutSignature(match.labels),
        sheetNames: wb.SheetNames,
      };
    }
  }
  return best;
}
