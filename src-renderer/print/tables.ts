/**
 * The HASIL KERJA and PERILAKU KERJA tables of the SKP (§4.3–§4.6) and of the evaluation form,
 * which is the same table with REALISASI and UMPAN BALIK columns added (§5.1).
 * Rows are described as parts and cut by rowSplit.ts, so no row is ever taller than a page.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatIsoTanggal } from '../domain/dates';
import type { HasilEntry, UmpanBalik } from '../domain/evaluation';
import type { BerakhlakValue } from '../domain/rulepack';
import { groupedRhk, type Aspek, type Perspektif, type Rhk, type Skp } from '../domain/skp';
import { CELL_CHROME, columnWidths, contentWidth, GRID, ROW_RESERVE, rowBudget, TAIL_RESERVE } from './layout';
import type { PrintOptions } from './model';
import { CELL_FONT, joinRows, splitRow, type RowPart, type RowSpec } from './rowSplit';
import { lineHeightPt, textHeightPt, wrapLines } from './textFit';

export const ASPEK_LABEL: Record<Aspek, string> = { KUANTITAS: 'Kuantitas', KUALITAS: 'Kualitas', WAKTU: 'Waktu', BIAYA: 'Biaya' };
export const PERSPEKTIF_LABEL: Record<Perspektif, string> = {
  PENERIMA_LAYANAN: 'Penerima Layanan',
  PROSES_BISNIS: 'Proses Bisnis',
  PENGUATAN_INTERNAL: 'Penguatan Internal',
  ANGGARAN: 'Anggaran',
};
const GROUP_LABEL = { UTAMA: 'A. UTAMA', TAMBAHAN: 'B. TAMBAHAN' } as const;

function rhkText(skp: Pick<Skp, 'pendekatan' | 'jenis'>, r: Rhk): string {
  // Qualitative and JPT forms carry the assignment in the RHK cell (§4.4, §4.5).
  const from = r.penugasanDari.trim();
  return from && (skp.pendekatan === 'KUALITATIF' || skp.jenis === 'JPT') ? `${r.teks} (Penugasan dari: ${from})` : r.teks;
}

function noteLine(u: UmpanBalik): string {
  return u.tanggal ? `${formatIsoTanggal(u.tanggal)}: ${u.teks}` : u.teks;
}

export function feedbackText(h: HasilEntry | undefined): string {
  if (!h) return '';
  return h.umpanBalik.map(noteLine).join('\n');
}

/** A feedback cell keeps at least this many lines beside its row before notes move to the lampiran. */
const FEEDBACK_MIN_LINES = 32;

/**
 * The notes that print in the UMPAN BALIK column, and those that continue in the lampiran. The
 * column is a sixth of the page: a long run of notes would otherwise make page after page of one
 * narrow column beside empty cells. The column keeps what fits beside the rest of the row.
 */
function splitNotes(notes: readonly UmpanBalik[], width: number, besidePt: number): { shown: string; moved: UmpanBalik[] } {
  const lh = lineHeightPt(CELL_FONT);
  const budget = Math.max(besidePt, FEEDBACK_MIN_LINES * lh);
  const heights = notes.map((u) => textHeightPt(noteLine(u), width, CELL_FONT));
  if (heights.reduce((a, b) => a + b, 0) <= budget) return { shown: notes.map(noteLine).join('\n'), moved: [] };
  let used = lh; // the pointer line below the kept notes
  let kept = 0;
  while (kept < notes.length && used + heights[kept]! <= budget) used += heights[kept++]!;
  const moved = notes.slice(kept);
  const pointer = `(${moved.length} umpan balik berikutnya pada Lampiran Umpan Balik)`;
  return { shown: [...notes.slice(0, kept).map(noteLine), pointer].join('\n'), moved };
}

/** A note printed in the lampiran, under the number of its RHK. */
export interface MovedFeedback {
  rhk: string;
  note: UmpanBalik;
}

export interface EvaluationColumns {
  hasil: Readonly<Record<string, HasilEntry>>;
  /** Filled by hasilKerjaTable: the notes of each RHK that continue in the lampiran. */
  moved?: Map<string, UmpanBalik[]>;
}

/** A long table cut before its last row, so that row can stay with what follows it (flowTable). */
export interface FlowTable {
  widths: number[];
  headerRows: number;
  body: TableCell[][];
}

type Layout = {
  heads: string[];
  weights: number[];
  /** The parts of one RHK row, given the column widths. */
  row: (no: number, r: Rhk, w: number[]) => RowSpec;
};

function layoutFor(skp: Skp, evalCols: EvaluationColumns | null, opts: PrintOptions): Layout {
  const realisasiHeads = evalCols ? ['REALISASI BERDASARKAN BUKTI DUKUNG', 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG'] : [];
  // Which notes print beside their row, per RHK; the rest go to the lampiran (splitNotes).
  const extraParts = (r: Rhk, w: number[], rhkCol: number): RowPart[] => {
    if (!evalCols) return [];
    const h = evalCols.hasil[r.id];
    const n = w.length;
    const beside = Math.max(textHeightPt(rhkText(skp, r), w[rhkCol]!, CELL_FONT), textHeightPt(h?.realisasi ?? '', w[n - 2]!, CELL_FONT));
    const { shown, moved } = splitNotes(h?.umpanBalik ?? [], w[n - 1]!, beside);
    if (moved.length > 0) evalCols.moved?.set(r.id, moved);
    return [
      { kind: 'text', text: h?.realisasi ?? '' },
      { kind: 'text', text: shown },
    ];
  };
  const extraWeights = evalCols ? [20, 20] : [];
  const intervensi = (r: Rhk) => r.intervensi?.teks ?? '';
  // Office choice (Pengaturan › Cetak): the same heading on every variant of the form.
  const intervensiHead = `RENCANA HASIL KERJA ${opts.kolomIntervensi} YANG DIINTERVENSI`;

  if (skp.jenis === 'JPT') {
    return {
      heads: ['NO', 'RENCANA HASIL KERJA', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', 'PERSPEKTIF', ...realisasiHeads],
      weights: [4, 26, 28, 14, 14, ...extraWeights],
      row: (no, r, w) => ({
        markAt: 1,
        parts: [
          { kind: 'same', text: String(no) },
          { kind: 'text', text: rhkText(skp, r) },
          { kind: 'nested', widths: [w[2]!, w[3]!], rows: r.indikator.map((i) => [i.teks, i.target]) },
          { kind: 'text', text: r.perspektif ? PERSPEKTIF_LABEL[r.perspektif] : '' },
          ...extraParts(r, w, 1),
        ],
      }),
    };
  }
  if (skp.pendekatan === 'KUALITATIF') {
    return {
      heads: ['NO', intervensiHead, 'RENCANA HASIL KERJA', 'UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET', ...realisasiHeads],
      weights: [4, 24, 28, 44, ...extraWeights],
      row: (no, r, w) => ({
        markAt: 2,
        parts: [
          { kind: 'same', text: String(no) },
          { kind: 'text', text: intervensi(r) },
          { kind: 'text', text: rhkText(skp, r) },
          { kind: 'list', items: r.indikator.length ? r.indikator.map((i) => (i.target.trim() ? `${i.teks}: ${i.target}` : i.teks)) : ['-'] },
          ...extraParts(r, w, 2),
        ],
      }),
    };
  }
  return {
    heads: ['NO', intervensiHead, 'RENCANA HASIL KERJA', 'ASPEK', 'INDIKATOR KINERJA INDIVIDU', 'TARGET', ...realisasiHeads],
    weights: [4, 19, 21, 10, 27, 13, ...extraWeights],
    row: (no, r, w) => ({
      markAt: 2,
      parts: [
        { kind: 'same', text: String(no) },
        { kind: 'text', text: intervensi(r) },
        { kind: 'text', text: rhkText(skp, r) },
        { kind: 'nested', widths: [w[3]!, w[4]!, w[5]!], rows: r.indikator.map((i) => [i.aspek ? ASPEK_LABEL[i.aspek] : '', i.teks, i.target]) },
        ...extraParts(r, w, 2),
      ],
    }),
  };
}

function headRows(heads: readonly string[], section: string): TableCell[][] {
  const n = heads.length;
  return [
    [{ text: section, style: 'th', colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))],
    heads.map((text) => ({ text, style: 'th' })),
    heads.map((_, i) => ({ text: `(${i + 1})`, style: 'num' })),
  ];
}

/** Height of the section, head and numbering rows that repeat on every page. */
function headHeight(heads: readonly string[], w: readonly number[]): number {
  const tallest = Math.max(...heads.map((h, i) => textHeightPt(h, w[i]!, 8, true)));
  return tallest + 2 * lineHeightPt(8) + 3 * 4.6;
}

/**
 * HASIL KERJA: section row, column heads and the (1) (2) … numbering row repeat on every page;
 * A. UTAMA and B. TAMBAHAN group rows with numbering restarting per group. A group row is joined to
 * its first RHK so a heading never ends a page alone.
 */
export function hasilKerjaTable(skp: Skp, evalCols: EvaluationColumns | null, opts: PrintOptions): FlowTable & { moved: MovedFeedback[] } {
  const moved = new Map<string, UmpanBalik[]>();
  const layout = layoutFor(skp, evalCols && { ...evalCols, moved }, opts);
  const n = layout.heads.length;
  // Each column loses its padding and one line to the grid; widths are the text widths.
  const w = columnWidths(contentWidth(opts) - n * CELL_CHROME, layout.weights);
  const head = headHeight(layout.heads, w);
  const spanRow = (text: string, style: string): TableCell[] => [{ text, style, colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))];
  const body: TableCell[][] = headRows(layout.heads, 'HASIL KERJA');
  const lastId = skp.rhk.length > 0 ? groupedRhk(skp.rhk).flatMap((g) => g.items).at(-1)?.rhk.id : undefined;
  for (const { group, items } of groupedRhk(skp.rhk)) {
    const piecesOf = (no: number, rhk: Rhk) => splitRow(layout.row(no, rhk, w), w, rowBudget(opts, head, rhk.id === lastId ? TAIL_RESERVE : ROW_RESERVE));
    const rows = items.length === 0 ? [spanRow('-', 'cell')] : items.flatMap(({ no, rhk }) => piecesOf(no, rhk));
    body.push(joinRows([spanRow(GROUP_LABEL[group], 'group'), rows[0]!], w), ...rows.slice(1));
  }
  const lampiran = groupedRhk(skp.rhk).flatMap(({ group, items }) =>
    items.flatMap(({ no, rhk }) => (moved.get(rhk.id) ?? []).map((note) => ({ rhk: `${group === 'UTAMA' ? 'A' : 'B'}.${no}`, note }))),
  );
  return { widths: w, headerRows: 3, body, moved: lampiran };
}

/** PERILAKU KERJA: the seven BerAKHLAK values with their guides, expectations, and feedback on evaluations. */
export function perilakuTable(
  berakhlak: readonly BerakhlakValue[],
  ekspektasi: Readonly<Record<string, string>>,
  umpanBalik: Readonly<Record<string, string>> | null,
  opts: PrintOptions,
): FlowTable {
  const heads = ['NO', 'PERILAKU KERJA', 'EKSPEKTASI KHUSUS PIMPINAN', ...(umpanBalik ? ['UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG'] : [])];
  const n = heads.length;
  const w = columnWidths(contentWidth(opts) - n * CELL_CHROME, umpanBalik ? [4, 44, 26, 26] : [4, 56, 40]);
  const head = headHeight(heads, w);
  const lh = lineHeightPt(CELL_FONT);
  const rows = berakhlak.flatMap((v, i) =>
    splitRow(
      {
        markAt: 2,
        parts: [
          { kind: 'same', text: String(i + 1) },
          {
            kind: 'block',
            cell: { stack: [{ text: v.nama, bold: true }, { ul: [...v.panduan] }] as Content[], style: 'cell' },
            height: lh + v.panduan.reduce((sum, p) => sum + textHeightPt(p, w[1]! - 10, CELL_FONT), 0),
          },
          { kind: 'text', text: ekspektasi[v.code] ?? '' },
          ...(umpanBalik ? [{ kind: 'text' as const, text: umpanBalik[v.code] ?? '' }] : []),
        ],
      },
      w,
      rowBudget(opts, head, i === berakhlak.length - 1 ? TAIL_RESERVE : ROW_RESERVE),
    ),
  );
  return { widths: w, headerRows: 3, body: [...headRows(heads, 'PERILAKU KERJA'), ...rows] };
}

/**
 * The table, then what must not be separated from its last row (RATING lines, the signature
 * block): that row moves into a second borderless-joined table kept unbreakable with them. The
 * heads stay with the first row (keepWithHeaderRows).
 */
export function flowTable(t: FlowTable, after: readonly Content[]): Content[] {
  const table = (body: TableCell[][], headerRows: number): Content => ({
    table: { widths: t.widths, body, headerRows, keepWithHeaderRows: headerRows ? 1 : 0, dontBreakRows: true },
    layout: GRID,
  });
  if (t.body.length - t.headerRows <= 1) return [{ unbreakable: true, stack: [table(t.body, t.headerRows), ...after] }];
  return [table(t.body.slice(0, -1), t.headerRows), { unbreakable: true, stack: [table(t.body.slice(-1), 0), ...after] }];
}

/** A bold label with its value on one line: "RATING HASIL KERJA: SESUAI EKSPEKTASI". */
export function labelLine(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, bold: true }, { text: value.toUpperCase(), bold: true }], fontSize: 9, margin: [0, 2, 0, 4] };
}

/**
 * A labelled paragraph that may run over pages, as one text node per line. pdfmake breaks a long
 * paragraph between pages and draws the footer in between, so the completeness check could no longer
 * find it as one piece; a line is never broken. Lines are measured bold, the wider estimate, so
 * pdfmake never wraps one of them again.
 */
export function lineByLine(label: string, text: string, width: number, fontSize: number): Content[] {
  const lines = wrapLines(`${label} ${text.trim()}`, width, fontSize, true);
  return lines.map((l, i): Content => {
    const t = l.text || ' ';
    if (i > 0 || !t.startsWith(label)) return { text: t, fontSize };
    return { text: [{ text: label, bold: true }, t.slice(label.length)], fontSize };
  });
}

/**
 * LAMPIRAN UMPAN BALIK: the notes that did not fit beside their RHK, full width, a row per note
 * under its RHK number and date, on pages after the signed form.
 */
export function feedbackLampiranTable(moved: readonly MovedFeedback[], opts: PrintOptions): FlowTable {
  const heads = ['RHK', 'TANGGAL', 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG'];
  const w = columnWidths(contentWidth(opts) - heads.length * CELL_CHROME, [6, 16, 78]);
  const budget = rowBudget(opts, lineHeightPt(8) + 4.6, ROW_RESERVE);
  const rows = moved.flatMap((m) =>
    splitRow(
      {
        markAt: 2,
        parts: [
          { kind: 'same', text: m.rhk },
          { kind: 'text', text: m.note.tanggal ? formatIsoTanggal(m.note.tanggal) : '-' },
          { kind: 'text', text: m.note.teks },
        ],
      },
      w,
      budget,
    ),
  );
  return { widths: w, headerRows: 1, body: [heads.map((text) => ({ text, style: 'th' })), ...rows] };
}
