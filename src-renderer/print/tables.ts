/**
 * The HASIL KERJA and PERILAKU KERJA tables of the SKP (§4.3–§4.6) and of the evaluation form,
 * which is the same table with REALISASI and UMPAN BALIK columns added (§5.1).
 *
 * One RHK with several indicators is one table row whose indicator columns hold a nested table:
 * pdfmake splits rowSpan groups across pages and leaves the RHK text behind, while a single row
 * with dontBreakRows moves to the next page whole, so the RHK cell always spans its indicators.
 */
import type { Content, ContentTable, TableCell, CustomTableLayout } from 'pdfmake/interfaces';
import { formatIsoTanggal } from '../domain/dates';
import type { HasilEntry } from '../domain/evaluation';
import type { BerakhlakValue } from '../domain/rulepack';
import { groupedRhk, type Aspek, type Perspektif, type Rhk, type Skp } from '../domain/skp';
import { CELL_CHROME, columnWidths, GRID } from './layout';

export const ASPEK_LABEL: Record<Aspek, string> = { KUANTITAS: 'Kuantitas', KUALITAS: 'Kualitas', WAKTU: 'Waktu', BIAYA: 'Biaya' };
export const PERSPEKTIF_LABEL: Record<Perspektif, string> = {
  PENERIMA_LAYANAN: 'Penerima Layanan',
  PROSES_BISNIS: 'Proses Bisnis',
  PENGUATAN_INTERNAL: 'Penguatan Internal',
  ANGGARAN: 'Anggaran',
};
const GROUP_LABEL = { UTAMA: 'A. UTAMA', TAMBAHAN: 'B. TAMBAHAN' } as const;

const PAD_X = 3;
const PAD_Y = 2;

/** Inner grid of the nested indicator table: lines only between its own rows and columns. */
function innerGrid(rows: number, cols: number): CustomTableLayout {
  return {
    ...GRID,
    hLineWidth: (i) => (i === 0 || i === rows ? 0 : 0.6),
    vLineWidth: (i) => (i === 0 || i === cols ? 0 : 0.6),
  };
}

/**
 * The indicator sub-rows of one RHK inside the cell that spans `widths.length` outer columns.
 * Negative margins cancel the outer cell's padding so the inner lines meet the outer grid.
 */
function nestedRows(widths: readonly number[], rows: readonly (readonly string[])[]): TableCell {
  return {
    colSpan: widths.length,
    table: { widths: [...widths], body: rows.map((r) => r.map((text) => ({ text, style: 'cell' }))) },
    layout: innerGrid(rows.length, widths.length),
    margin: [-PAD_X, -PAD_Y, -PAD_X, -PAD_Y],
  };
}

function rhkText(skp: Pick<Skp, 'pendekatan' | 'jenis'>, r: Rhk): string {
  // Qualitative and JPT forms carry the assignment in the RHK cell (§4.4, §4.5).
  const from = r.penugasanDari.trim();
  return from && (skp.pendekatan === 'KUALITATIF' || skp.jenis === 'JPT') ? `${r.teks} (Penugasan dari: ${from})` : r.teks;
}

export function feedbackText(h: HasilEntry | undefined): string {
  if (!h) return '';
  return h.umpanBalik.map((u) => (u.tanggal ? `${formatIsoTanggal(u.tanggal)}: ${u.teks}` : u.teks)).join('\n');
}

export interface EvaluationColumns {
  hasil: Readonly<Record<string, HasilEntry>>;
}

type Layout = {
  heads: string[];
  weights: number[];
  /** Outer cells for one RHK, given the column widths. */
  row: (no: number, r: Rhk, w: number[]) => TableCell[];
};

function layoutFor(skp: Skp, evalCols: EvaluationColumns | null): Layout {
  const realisasiHeads = evalCols ? ['REALISASI BERDASARKAN BUKTI DUKUNG', 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG'] : [];
  const extraCells = (r: Rhk): TableCell[] =>
    evalCols
      ? [
          { text: evalCols.hasil[r.id]?.realisasi ?? '', style: 'cell' },
          { text: feedbackText(evalCols.hasil[r.id]), style: 'cell' },
        ]
      : [];
  const extraWeights = evalCols ? [20, 20] : [];
  const intervensi = (r: Rhk) => r.intervensi?.teks ?? '';

  if (skp.jenis === 'JPT') {
    return {
      heads: ['NO', 'RENCANA HASIL KERJA', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', 'PERSPEKTIF', ...realisasiHeads],
      weights: [4, 26, 28, 14, 14, ...extraWeights],
      row: (no, r, w) => [
        { text: String(no), style: 'cell', alignment: 'center' },
        { text: rhkText(skp, r), style: 'cell' },
        nestedRows([w[2]!, w[3]!], r.indikator.map((i) => [i.teks, i.target])),
        {},
        { text: r.perspektif ? PERSPEKTIF_LABEL[r.perspektif] : '', style: 'cell' },
        ...extraCells(r),
      ],
    };
  }
  if (skp.pendekatan === 'KUALITATIF') {
    return {
      heads: ['NO', 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', 'RENCANA HASIL KERJA', 'UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET', ...realisasiHeads],
      weights: [4, 24, 28, 44, ...extraWeights],
      row: (no, r) => [
        { text: String(no), style: 'cell', alignment: 'center' },
        { text: intervensi(r), style: 'cell' },
        { text: rhkText(skp, r), style: 'cell' },
        { ul: r.indikator.map((i) => (i.target.trim() ? `${i.teks}: ${i.target}` : i.teks)), style: 'cell' },
        ...extraCells(r),
      ],
    };
  }
  return {
    heads: ['NO', 'RENCANA HASIL KERJA PIMPINAN/ATASAN YANG DIINTERVENSI', 'RENCANA HASIL KERJA', 'ASPEK', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', ...realisasiHeads],
    weights: [4, 19, 21, 10, 27, 13, ...extraWeights],
    row: (no, r, w) => [
      { text: String(no), style: 'cell', alignment: 'center' },
      { text: intervensi(r), style: 'cell' },
      { text: rhkText(skp, r), style: 'cell' },
      nestedRows([w[3]!, w[4]!, w[5]!], r.indikator.map((i) => [i.aspek ? ASPEK_LABEL[i.aspek] : '', i.teks, i.target])),
      {},
      {},
      ...extraCells(r),
    ],
  };
}

/**
 * HASIL KERJA: section row, column heads and the (1) (2) … numbering row repeat on every page;
 * A. UTAMA and B. TAMBAHAN group rows with numbering restarting per group.
 */
export function hasilKerjaTable(skp: Skp, width: number, evalCols: EvaluationColumns | null): ContentTable {
  const layout = layoutFor(skp, evalCols);
  const n = layout.heads.length;
  // Each column loses its padding and one line to the grid; widths are the text widths.
  const w = columnWidths(width - n * CELL_CHROME, layout.weights);
  const spanRow = (text: string, style: string): TableCell[] => [{ text, style, colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))];
  const body: TableCell[][] = [
    spanRow('HASIL KERJA', 'th'),
    layout.heads.map((text) => ({ text, style: 'th' })),
    layout.heads.map((_, i) => ({ text: `(${i + 1})`, style: 'num' })),
  ];
  for (const { group, items } of groupedRhk(skp.rhk)) {
    body.push(spanRow(GROUP_LABEL[group], 'group'));
    if (items.length === 0) body.push(spanRow('-', 'cell'));
    for (const { no, rhk } of items) body.push(layout.row(no, rhk, w));
  }
  return { table: { headerRows: 3, dontBreakRows: true, widths: w, body }, layout: GRID, margin: [0, 0, 0, 6] };
}

/** PERILAKU KERJA: the seven BerAKHLAK values with their guides, expectations, and feedback on evaluations. */
export function perilakuTable(
  berakhlak: readonly BerakhlakValue[],
  ekspektasi: Readonly<Record<string, string>>,
  width: number,
  umpanBalik: Readonly<Record<string, string>> | null,
): ContentTable {
  const heads = ['NO', 'PERILAKU KERJA', 'EKSPEKTASI KHUSUS PIMPINAN', ...(umpanBalik ? ['UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG'] : [])];
  const n = heads.length;
  const w = columnWidths(width - n * CELL_CHROME, umpanBalik ? [4, 44, 26, 26] : [4, 56, 40]);
  const body: TableCell[][] = [
    [{ text: 'PERILAKU KERJA', style: 'th', colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))],
    heads.map((text) => ({ text, style: 'th' })),
    heads.map((_, i) => ({ text: `(${i + 1})`, style: 'num' })),
    ...berakhlak.map((v, i): TableCell[] => [
      { text: String(i + 1), style: 'cell', alignment: 'center' },
      {
        stack: [{ text: v.nama, bold: true }, { ul: [...v.panduan] }] as Content[],
        style: 'cell',
      },
      { text: ekspektasi[v.code] ?? '', style: 'cell' },
      ...(umpanBalik ? [{ text: umpanBalik[v.code] ?? '', style: 'cell' }] : []),
    ]),
  ];
  return { table: { headerRows: 3, dontBreakRows: true, widths: w, body }, layout: GRID, margin: [0, 0, 0, 6] };
}

/** A bold label with its value on one line: "RATING HASIL KERJA: SESUAI EKSPEKTASI". */
export function labelLine(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, bold: true }, { text: value.toUpperCase(), bold: true }], fontSize: 9, margin: [0, 2, 0, 4] };
}
