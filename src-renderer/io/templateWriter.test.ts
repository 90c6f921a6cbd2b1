import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/pegawai';
import type { Unit } from '../domain/unit';
import { detectTable } from '../exchange/importTable';
import { parseEmployeeRows, planEmployeeImport, unitChoices } from '../exchange/pegawaiImport';
import { INPUT_ROWS, templateSheets, type MetaInfo } from '../exchange/templates';
import { readWorkbook, writeWorkbook } from './sheet';
import { writeStyledWorkbook } from './templateWriter';

const meta: MetaInfo = { kind: 'pegawai', schemaVersion: 5, appVersion: '0.2.0', officeId: 'office-1', exportedAt: '2026-12-02T00:00:00Z' };
const sync = { createdAt: '', updatedAt: '', updatedBy: 'office-1', rev: 'r1', deleted: false };
const units: Unit[] = [
  { id: 'u-kec', nama: 'Kecamatan Curug', parentId: null, headId: null, aktif: true, ...sync },
  { id: 'u-pem', nama: 'Seksi Pemerintahan', parentId: 'u-kec', headId: null, aktif: true, ...sync },
  { id: 'u-old', nama: 'Seksi Lama', parentId: 'u-kec', headId: null, aktif: false, ...sync },
];

/** The parts of the written file, as Excel and LibreOffice read them. */
async function written() {
  const bytes = await writeStyledWorkbook(templateSheets('pegawai', meta, [], unitChoices(units), true));
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);
  const book = text('xl/workbook.xml');
  const sheetFile = (name: string) => {
    const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(book)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))?.[1];
    return text(`xl/${target}`);
  };
  return { bytes, book, data: sheetFile('Data'), styles: text('xl/styles.xml') };
}

/** Style index → number format code, from styles.xml (49 is Excel's built-in "@"). */
function formatsByStyle(styles: string): string[] {
  const custom = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  return [...xfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => (m[1] === '49' ? '@' : (custom.get(m[1]!) ?? m[1]!)));
}

describe('the Pegawai template people type into', () => {
  it('NIP and NIP-atasan cells are Text-formatted even where empty, on every row down to the last prepared one', async () => {
    const { data, styles } = await written();
    const fmt = formatsByStyle(styles);
    // Excel row 3 is the example; 2,000 more rows below it are prepared.
    const last = 3 + INPUT_ROWS;
    for (const ref of ['A4', 'A500', `A${last}`, 'N4', `N${last}`]) {
      const style = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(data)?.[1];
      expect(fmt[Number(style)], ref).toBe('@');
    }
    // A name cell is not forced to text, and nothing beyond the prepared rows is written cell by cell.
    expect(data).not.toMatch(/<c r="B4" s=/);
    expect(data).not.toContain(`<c r="A${last + 1}"`);
  });

  it('dropdowns for status, sex, golongan, jenis jabatan, jenjang and unit, fed from Daftar, with active units only', async () => {
    const { data, bytes } = await written();
    const validations = [...data.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => ({ attrs: m[1]!, formula: m[2]! }));
    const byColumn = new Map(validations.map((v) => [/sqref="([A-Z]+)3:/.exec(v.attrs)?.[1], v]));
    expect([...byColumn.keys()].sort()).toEqual(['E', 'F', 'H', 'K', 'L', 'M']);
    for (const v of validations) {
      expect(v.attrs).toContain('type="list"');
      expect(v.attrs).toContain(`:${/sqref="([A-Z]+)/.exec(v.attrs)![1]}${3 + INPUT_ROWS}"`);
      expect(v.formula).toMatch(/^Daftar!\$[A-Z]\$2:\$[A-Z]\$\d+$/);
    }
    // The unit list holds the two active units and not the inactive one.
    const wb = XLSX.read(bytes);
    const unitRange = byColumn.get('M')!.formula.replace('Daftar!', '').replaceAll('$', '');
    const listed = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Daftar']!, { header: 1, range: unitRange }).flat();
    expect(listed).toEqual(['Kecamatan Curug', 'Seksi Pemerintahan']);
  });

  it('the header row is frozen and the machine-key row hidden, yet the importer still finds the keys', async () => {
    const { data, book, bytes } = await written();
    expect(data).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
    expect(data).toMatch(/<row r="2"[^>]*hidden="1"/);
    expect(book).toMatch(/<sheet [^>]*name="_meta"[^>]*state="hidden"/);

    // Filled and saved again by another program (SheetJS here), it imports.
    const wb = XLSX.read(bytes);
    XLSX.utils.sheet_add_aoa(wb.Sheets['Data']!, [['199001152015031002', 'Budi Hartono', '', '', 'PNS', 'L', '15-01-1990', 'Penata Muda (III/a)', '', 'Analis', 'Pelaksana', '', 'Kecamatan Curug › Seksi Pemerintahan', '']], { origin: 'A4' });
    const read = readWorkbook(writeWorkbook(wb));
    if (!read.ok) throw new Error(read.code);
    const t = detectTable(read.workbook)!;
    expect(t.meta?.kind).toBe('pegawai');
    const p = planEmployeeImport(t.table, parseEmployeeRows(t.table), [] as Employee[], units, { existing: 'update', today: { year: 2026, month: 12, day: 2 }, newId: () => 'n1' });
    expect(p.errors).toEqual([]);
    expect(p.creates[0]?.fields).toMatchObject({ nip: '199001152015031002', golongan: 'III/a', unitId: 'u-pem' });
  });
});
