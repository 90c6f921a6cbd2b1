/**
 * The SKP template of a unit (with its sub-units) or of the whole office for one year (issue #15 §3):
 * one row per indicator, each employee's current SKP pre-filled and three empty rows for him below
 * it, the "RHK atasan" dropdown of each block listing *his* atasan's RHK texts (a hidden sheet, one
 * column per atasan), and an "Ekspektasi" sheet with one row per employee and one column per
 * BerAKHLAK value. Pure: data in, sheets out (io/templateWriter.ts writes them).
 */
import { printedName, type Employee } from '../domain/pegawai';
import type { BerakhlakValue } from '../domain/rulepack';
import type { Skp } from '../domain/skp';
import { unitScope, type Unit } from '../domain/unit';
import { id as messages } from '../i18n/messages';
import type { CellValue, SheetSpec } from '../io/sheet';
import { COLUMNS, EXAMPLE_ROW, templateSheets, type MetaInfo } from './templates';

export const EKSPEKTASI_SHEET = 'Ekspektasi';
export const RHK_ATASAN_SHEET = 'RhkAtasan';
/** Empty rows left under each employee's block for new RHK or indicators. */
export const BLANK_ROWS_PER_EMPLOYEE = 3;

export interface SkpTemplateInput {
  meta: MetaInfo & { year: number };
  /** The employees the file is for, in the order they are listed. */
  employees: readonly Employee[];
  /** Every SKP of the year in the office (the employees' own and their atasan's). */
  skps: readonly Skp[];
  unitNames: readonly string[];
  berakhlak: readonly BerakhlakValue[];
}

/**
 * Who a template for a unit lists: active employees of the unit and its sub-units (the whole office
 * when unitId is null), unit by unit in tree order, the unit head first, then by name.
 */
export function employeesInScope(employees: readonly Employee[], units: readonly Unit[], unitId: string | null): Employee[] {
  const live = units.filter((u) => !u.deleted);
  const order = new Map(unitScope(live, unitId).map((id, i) => [id, i]));
  const heads = new Set(live.map((u) => u.headId).filter(Boolean));
  return employees
    .filter((e) => !e.deleted && e.aktif && (unitId === null || (e.unitId !== null && order.has(e.unitId))))
    .sort(
      (a, b) =>
        (order.get(a.unitId ?? '') ?? 1e9) - (order.get(b.unitId ?? '') ?? 1e9) ||
        Number(heads.has(b.id)) - Number(heads.has(a.id)) ||
        a.nama.localeCompare(b.nama, 'id'),
    );
}

/** The newest live SKP of an employee for the year. */
export function skpOf(skps: readonly Skp[], employeeId: string, year: number): Skp | undefined {
  return skps.filter((s) => s.employeeId === employeeId && s.year === year && !s.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

function column(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function rowsOf(e: Employee, skp: Skp | undefined): CellValue[][] {
  const nama = printedName(e);
  const out: CellValue[][] = [];
  for (const r of skp?.rhk ?? []) {
    const jenis = r.jenis === 'UTAMA' ? 'Utama' : 'Tambahan';
    const indicators = r.indikator.length > 0 ? r.indikator : [null];
    indicators.forEach((ind, i) => {
      // The RHK is written on its first row only; the rows below continue it.
      out.push([e.nip, nama, i === 0 ? jenis : '', i === 0 ? r.teks : '', i === 0 ? (r.intervensi?.teks ?? '') : '', ind?.aspek ? messages[`skp.aspek.${ind.aspek}`] : '', ind?.teks ?? '', ind?.target ?? '']);
    });
  }
  for (let i = 0; i < BLANK_ROWS_PER_EMPLOYEE; i++) out.push([e.nip, nama, '', '', '', '', '', '']);
  return out;
}

export function skpTemplateSheets(input: SkpTemplateInput): SheetSpec[] {
  const { meta, employees, skps } = input;
  const year = meta.year;
  const blocks = employees.map((e) => ({ e, rows: rowsOf(e, skpOf(skps, e.id, year)) }));
  const data = blocks.flatMap((b) => b.rows);
  const sheets = templateSheets('skp', { ...meta, kind: 'skp' }, data, input.unitNames, false);
  const dataSheet = sheets.find((s) => s.name === 'Data')!;

  // One hidden column per atasan that has an SKP this year, listing its RHK texts.
  const atasanColumns = new Map<string, number>();
  const atasanLists: string[][] = [];
  for (const { e } of blocks) {
    if (!e.atasanId || atasanColumns.has(e.atasanId)) continue;
    const texts = (skpOf(skps, e.atasanId, year)?.rhk ?? []).map((r) => r.teks).filter((t) => t.trim() !== '');
    if (texts.length === 0) continue;
    atasanColumns.set(e.atasanId, atasanLists.length);
    atasanLists.push(texts);
  }
  const rhkAtasanCol = COLUMNS.skp.findIndex((c) => c.key === 'rhkAtasan');
  let at = EXAMPLE_ROW;
  for (const { e, rows } of blocks) {
    const c = e.atasanId ? atasanColumns.get(e.atasanId) : undefined;
    if (c !== undefined) {
      const col = column(c);
      dataSheet.lists = [
        ...(dataSheet.lists ?? []),
        { column: rhkAtasanCol, fromRow: at, toRow: at + rows.length - 1, source: `${RHK_ATASAN_SHEET}!$${col}$1:$${col}$${atasanLists[c]!.length}`, title: COLUMNS.skp[rhkAtasanCol]!.header },
      ];
    }
    at += rows.length;
  }
  const height = Math.max(0, ...atasanLists.map((l) => l.length));
  const atasanRows: CellValue[][] = Array.from({ length: height }, (_, r) => atasanLists.map((l) => l[r] ?? null));

  const values = input.berakhlak;
  const ekspektasi: SheetSpec = {
    name: EKSPEKTASI_SHEET,
    rows: [
      ['NIP', 'Nama', ...values.map((v) => v.nama)],
      ['nip', 'nama', ...values.map((v) => v.code)],
      ...employees.map((e) => [e.nip, printedName(e), ...values.map((v) => skpOf(skps, e.id, year)?.ekspektasi[v.code] ?? '')]),
    ],
    widths: [22, 26, ...values.map(() => 30)],
    textColumns: { columns: [0], fromRow: 2, toRow: 2 + employees.length + 50 },
    freezeRows: 2,
    hiddenRows: [1],
  };
  const meta_ = sheets.pop()!;
  return [...sheets, ekspektasi, ...(atasanRows.length > 0 ? [{ name: RHK_ATASAN_SHEET, rows: atasanRows, hidden: true }] : []), meta_];
}
