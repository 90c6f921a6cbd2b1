/**
 * Writes the sheets people fill (templates, and exports meant to be filled and imported back) with
 * ExcelJS, because SheetJS CE writes neither data validation nor formats on empty cells: without
 * them a NIP typed into row 4 became 1.97102E+17 and every row was refused. SheetJS still reads
 * every file (io/sheet.ts); this module only writes.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetSpec } from './sheet';

const TEXT = '@';

/** ExcelJS has range validations (Worksheet#dataValidations) but its typings omit them. */
type WithRangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function put(cell: ExcelJS.Cell, v: CellValue): void {
  if (v === null || v === '') return;
  if (typeof v === 'string') {
    // Text stays text: a NIP, "=1+1" or "-5" is never turned into a number or a formula.
    cell.value = v;
    cell.numFmt = TEXT;
  } else if (v instanceof Date) {
    cell.value = v;
    cell.numFmt = 'dd-mm-yyyy';
  } else cell.value = v;
}

function addSheet(book: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = book.addWorksheet(spec.name, {
    state: spec.hidden ? 'hidden' : 'visible',
    ...(spec.freezeRows ? { views: [{ state: 'frozen' as const, ySplit: spec.freezeRows, xSplit: 0 }] } : {}),
  });
  spec.widths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  spec.rows.forEach((row, r) => row.forEach((v, c) => put(ws.getCell(r + 1, c + 1), v)));
  const text = spec.textColumns;
  if (text) {
    for (const c of text.columns) {
      // The column style carries Text past the last prepared row; each empty cell carries it too,
      // because Excel and LibreOffice apply a cell's own format first.
      ws.getColumn(c + 1).numFmt = TEXT;
      for (let r = text.fromRow; r <= text.toRow; r++) ws.getCell(r + 1, c + 1).numFmt = TEXT;
    }
  }
  for (const list of spec.lists ?? []) {
    const col = ws.getColumn(list.column + 1).letter;
    (ws as unknown as WithRangeValidations).dataValidations.add(`${col}${list.fromRow + 1}:${col}${list.toRow + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [list.source],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: list.title,
      error: 'Pilih salah satu nilai dari daftar (sheet Daftar).',
    });
  }
  for (const r of spec.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
}

export async function writeStyledWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Kinerja Luring';
  for (const spec of sheets) addSheet(book, spec);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
