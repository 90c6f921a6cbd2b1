/**
 * Big workbooks written a block of rows at a time into a zip that fflate compresses as it goes
 * (issue #33). A package part of 60 MB of records written through SheetJS existed three times in
 * the page — as cell objects, as each sheet's XML string and as the zip — and a five-year office's
 * full package passed 1 GB of heap. Here only one block of rows (~64 KB of XML) is text at a time;
 * the rest is already compressed bytes. SheetJS CE cannot write a workbook in pieces, and ExcelJS's
 * "streaming" writer keeps every entry in JSZip until the end, hence this small writer.
 *
 * It writes only what the Sinkronisasi package needs — text cells in the Text format (as SheetJS
 * writes them, so Excel never turns a NIP into 1,97E+17), numbers, column widths, hidden sheets —
 * and SheetJS reads the result back cell for cell (xlsxStream.test.ts). Templates people fill keep
 * io/templateWriter.ts; small exports keep io/sheet.ts.
 */
import { strToU8, ZipDeflate, type Zip } from 'fflate';
import { zipCollector } from './zipOut';
import type { CellValue, SheetSpec } from './sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Rows are handed to the compressor in blocks of about this many characters. */
const BLOCK_CHARS = 1 << 16;
/** cellXfs index 1: number format 49 is Excel's built-in Text ("@"). */
const TEXT_STYLE = 1;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot carry are the point
const NOT_XML = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g;

/**
 * Text as an OOXML string: XML's five specials as entities; characters XML 1.0 cannot carry as
 * `_xHHHH_` (what Excel and SheetJS write); and a literal `_xHHHH_` in the text escaped as
 * `_x005F_xHHHH_`, so a reader does not turn it into a character.
 */
export function escapeText(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => ENTITIES[c]!)
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);
}

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's column width for `chars` characters: their pixels (7 each in Calibri 11) plus 5 of padding, in 1/256 characters. */
function excelWidth(chars: number): number {
  return Math.round(((chars * 7 + 5) / 7) * 256) / 256;
}

function cellXml(v: CellValue, ref: string): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
  if (v instanceof Date) throw new TypeError('xlsxStream writes no dates: a package carries dates as text');
  return `<c r="${ref}" t="inlineStr" s="${TEXT_STYLE}"><is><t xml:space="preserve">${escapeText(String(v))}</t></is></c>`;
}

/** One zip entry fed by blocks of text. */
function entry(zip: Zip, name: string): { write(text: string): void; end(): void } {
  const file = new ZipDeflate(name, { level: 6 });
  zip.add(file);
  let parts: string[] = [];
  let size = 0;
  const flush = (final: boolean) => {
    file.push(strToU8(parts.join('')), final);
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= BLOCK_CHARS) flush(false);
    },
    end: () => flush(true),
  };
}

function writeSheet(zip: Zip, path: string, spec: SheetSpec): void {
  const out = entry(zip, path);
  const width = spec.rows.reduce((w, r) => Math.max(w, r.length), 1);
  out.write(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${columnName(width - 1)}${Math.max(1, spec.rows.length)}"/>`);
  if (spec.widths?.length) out.write(`<cols>${spec.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${excelWidth(w)}" customWidth="1"/>`).join('')}</cols>`);
  out.write('<sheetData>');
  spec.rows.forEach((row, r) => {
    const cells = row.map((v, c) => cellXml(v, `${columnName(c)}${r + 1}`)).join('');
    if (cells) out.write(`<row r="${r + 1}">${cells}</row>`);
  });
  out.write('</sheetData></worksheet>');
  out.end();
}

function writeSmall(zip: Zip, path: string, xml: string): void {
  const out = entry(zip, path);
  out.write(XML_HEAD + xml);
  out.end();
}

const STYLES =
  `<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * The workbook of `sheets`, in their order, each sheet's XML compressed as it is made. Sheets are
 * read one row at a time, so a caller may hand rows it builds lazily in the future; today the
 * package's rows are arrays already and what this saves is everything SheetJS made of them.
 */
export function writeWorkbookStreamed(sheets: readonly SheetSpec[]): Uint8Array {
  const out = zipCollector();
  const { zip } = out;
  const n = sheets.length;
  const sheetPath = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  writeSmall(zip, '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    Array.from({ length: n }, (_, i) => `<Override PartName="/${sheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>');
  writeSmall(zip, '_rels/.rels', `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  writeSmall(zip, 'xl/workbook.xml',
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>');
  writeSmall(zip, 'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG_REL_NS}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`);
  writeSmall(zip, 'xl/styles.xml', STYLES);
  sheets.forEach((spec, i) => writeSheet(zip, sheetPath(i), spec));
  return out.bytes();
}
