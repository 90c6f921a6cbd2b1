import * as fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, readWorkbook, sheetRows, writeWorkbook, type CellValue, type SheetSpec } from './sheet';
import { escapeText, writeWorkbookStreamed } from './xlsxStream';

function readBack(bytes: Uint8Array): { names: string[]; rows: Record<string, unknown[][]>; wb: XLSX.WorkBook } {
  const read = readWorkbook(bytes, 200 * 1024 * 1024);
  if (!read.ok) throw new Error(`not read: ${read.code}`);
  const rows: Record<string, unknown[][]> = {};
  for (const n of read.workbook.SheetNames) rows[n] = sheetRows(read.workbook.Sheets[n]);
  return { names: read.workbook.SheetNames, rows, wb: read.workbook };
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('=1+1', '-5', '197109152003121001', '<b>&amp;</b> "x"', '_x0041_', 'a_x00e9_b', '\u0001\u0007bel', ' spasi ', 'baris\nbaru', '{"id":"e-1","nama":"Siti"}'),
);
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)), fc.constant(null));
const sheet = (name: string): fc.Arbitrary<SheetSpec> =>
  fc.record({ rows: fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 25 }), hidden: fc.boolean() }).map((s) => ({ name, ...s, rows: [['Judul'], ...s.rows] }));

describe('writeWorkbookStreamed', () => {
  it('SheetJS reads back every cell of every sheet exactly as written, in order, hidden sheets hidden', () => {
    // What a reader of the file sees: every row as wide as the sheet, empty cells as '', a row without a value as []; a line
    // break "\r\n" reads as "\n" (SheetJS, like Excel, normalises it).
    const expected = (s: SheetSpec) => {
      const width = s.rows.reduce((w, r) => Math.max(w, r.length), 1);
      return s.rows.map((r) => r.every((v) => v === null || v === '') ? [] : Array.from({ length: width }, (_, c) => { const v = r[c]; return v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/\r\n/g, '\n') : v; }));
    };
    fc.assert(
      fc.property(fc.tuple(sheet('Petunjuk'), sheet('Pegawai'), sheet('_rekaman')), (sheets) => {
        const back = readBack(writeWorkbookStreamed(sheets));
        expect(back.names).toEqual(['Petunjuk', 'Pegawai', '_rekaman']);
        for (const s of sheets) expect(back.rows[s.name]).toEqual(expected(s));
        expect(back.wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual(sheets.map((s) => (s.hidden ? 1 : 0)));
      }),
      { numRuns: 80 },
    );
  });

  it('keeps "&amp;" as written, which a package written by SheetJS read back as "&" (and so failed its readable check)', () => {
    const sheets = [{ name: 'P', rows: [['Judul'], ['<b>&amp;</b> "x"']] }];
    expect(readBack(writeWorkbookStreamed(sheets)).rows.P![1]).toEqual(['<b>&amp;</b> "x"']);
    expect(readBack(writeWorkbook(buildWorkbook(sheets))).rows.P![1]).toEqual(['<b>&</b> "x"']);
  });

  it('keeps text that looks like an escape, a control character or a formula as the very text written', () => {
    const odd = ['_x0041_', 'A_x005F_B', '\u0001\u001f', '=HYPERLINK("x")', '1,5E+17', 'tab\there', '&lt;'];
    const back = readBack(writeWorkbookStreamed([{ name: 'Data', rows: [odd] }]));
    expect(back.rows.Data).toEqual([odd]);
    expect(escapeText('_x0041_')).toBe('_x005F_x0041_');
  });

  it('writes text cells in the Text format, numbers as numbers, column widths and an empty row kept in place', () => {
    const bytes = writeWorkbookStreamed([{ name: 'Pegawai', rows: [['NIP', 'Jumlah'], [], ['197109152003121001', 12]], widths: [24, 10] }]);
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
    const ws = wb.Sheets.Pegawai!;
    expect(ws.A3).toMatchObject({ t: 's', v: '197109152003121001', z: '@' });
    expect(ws.B3).toMatchObject({ t: 'n', v: 12 });
    expect(ws['!cols']?.map((c) => Math.round(c.wch ?? 0))).toEqual([24, 10]);
    expect(sheetRows(ws)).toEqual([['NIP', 'Jumlah'], ['', ''], ['197109152003121001', 12]]);
    // A file Excel opens: the parts its package format requires are all there.
    const names = Object.keys(unzipSync(bytes));
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']));
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)).toContain('<dimension ref="A1:B3"/>');
  });

  it('compresses a sheet far larger than one block into a file that reads back whole', () => {
    const rows: CellValue[][] = Array.from({ length: 20_000 }, (_, i) => [i + 1, 'employees', `e-${i}`, JSON.stringify({ id: `e-${i}`, nama: `Pegawai ${i}` })]);
    const bytes = writeWorkbookStreamed([{ name: '_rekaman', rows, hidden: true }, { name: 'Petunjuk', rows: [['Baca saya']] }]);
    const back = readBack(bytes);
    expect(back.rows._rekaman).toHaveLength(20_000);
    expect(back.rows._rekaman![19_999]).toEqual(rows[19_999]);
  });
});
