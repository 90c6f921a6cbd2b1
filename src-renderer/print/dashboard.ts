/**
 * The dashboard on one landscape page for the camat's meeting (issue #17). Not an official form:
 * no verification code or signature, but the same fonts, grid and palette as the forms. Charts are
 * drawn as pdfmake vectors from the same numbers as the tables beside them, so they stay sharp on
 * any printer and need no browser to render.
 */
import type { CanvasElement, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AppraiserRow } from '../domain/appraiserSpread';
import type { EvaluationProgressRow, SkpProgressRow, TrendRow } from '../domain/dashboard';
import { SKP_PROGRESS_KEYS } from '../domain/dashboard';
import type { PaperSize } from '../domain/office';
import { PREDIKATS, type Predikat, type RulePack } from '../domain/rulepack';
import { CELL_CHROME, columnWidths, FONT, GRID, marginsPt, pageDimensions, pageSizeOf, PDF_VERSION, STYLES } from './layout';
import { BAND_COLOR, PREDIKAT_COLORS } from './palette';
import { lineHeightPt, textHeightPt } from './textFit';

export interface DashboardPrintData {
  pack: RulePack;
  paper: PaperSize;
  kantor: string;
  instansi: string;
  periodTitle: string;
  /** "Dicetak 2 Desember 2026". */
  printedOn: string;
  scopeLine: string;
  office: { nama: string; capaian: string; n: number; all: number; counts: Record<Predikat, number>; bands: Partial<Record<Predikat, [number, number]>>; guideline: string; warnings: string[]; ok: string; empty: string };
  appraisers: AppraiserRow[];
  /** Words for the marks, and the note under the table. */
  appraiserMark: Record<'LONGGAR' | 'KETAT', string>;
  appraiserHint: string;
  skp: SkpProgressRow[];
  skpLabels: Record<(typeof SKP_PROGRESS_KEYS)[number], string>;
  evaluations: EvaluationProgressRow[];
  trend: TrendRow[];
  /** Short predikat headings for the narrow tables ("SB", "B" …), explained in a legend line. */
  short: Record<Predikat, string>;
  labels: { title: string; capaian: string; office: string; appraiser: string; skp: string; eval: string; trend: string; unit: string; total: string; belum: string; draf: string; final: string; others: string; appraiserName: string; rated: string; mean: string; period: string };
}

/**
 * At most this many rows per table, and only as many as fit the table's share of the page (names
 * may wrap); the rest are summed in one "N lainnya" row, so the page never spills onto a second.
 */
export const DASHBOARD_ROWS = { skp: 12, appraisers: 12 } as const;
/** Points of rows the appraiser table may use beside the office chart. */
const APPRAISER_BUDGET = 190;
/** Points above the bottom tables' rows: title, top row (chart or appraisers) and the headings. */
const ABOVE_BOTTOM_ROWS = 36 + 250 + 8 + 12 + 24;
const ROW_CHROME = 2 + 2 + 0.6;
const MARGINS = { top: 10, right: 10, bottom: 10, left: 10 };
const small = { fontSize: 7 };
const th = (text: string): TableCell => ({ text, style: 'th', fontSize: 7 });
const td = (text: string | number, extra: Record<string, unknown> = {}): TableCell => ({ text: String(text), ...small, ...extra });

function barChart(width: number, height: number, data: { count: number; color: string; band?: [number, number]; label: string }[]): Content {
  const max = Math.max(1, ...data.map((d) => Math.max(d.count, d.band ? d.band[1] : 0)));
  const axis = 12;
  const plotH = height - axis;
  const slot = width / data.length;
  const y = (v: number) => plotH - (v / max) * (plotH - 8);
  const shapes: CanvasElement[] = [{ type: 'line', x1: 0, y1: plotH, x2: width, y2: plotH, lineWidth: 0.6 }];
  data.forEach((d, i) => {
    const x = i * slot + slot * 0.2;
    const w = slot * 0.6;
    if (d.band) shapes.push({ type: 'rect', x: x - 3, y: y(d.band[1]), w: w + 6, h: Math.max(1.5, y(d.band[0]) - y(d.band[1])), color: BAND_COLOR, fillOpacity: 0.35, lineColor: BAND_COLOR, lineWidth: 0.5 });
    if (d.count > 0) shapes.push({ type: 'rect', x, y: y(d.count), w, h: plotH - y(d.count), color: d.color, lineColor: '#000000', lineWidth: 0.3 });
  });
  return {
    stack: [
      { canvas: shapes },
      { columns: data.map((d) => ({ text: `${d.label}\n${d.count}`, fontSize: 6.5, alignment: 'center' as const, width: slot })), columnGap: 0, margin: [0, 1, 0, 0] },
    ],
  };
}

function officeBlock(d: DashboardPrintData, width: number): Content {
  const o = d.office;
  const head: Content = { text: [{ text: `${d.labels.office} — ${o.nama}`, bold: true }, o.capaian ? `  (${d.labels.capaian}: ${o.capaian})` : ''], fontSize: 8.5, margin: [0, 0, 0, 3] };
  if (o.empty) return { stack: [head, { text: o.empty, ...small, italics: true }] };
  const chart = barChart(
    width,
    95,
    PREDIKATS.map((p) => ({ label: d.pack.predikatLabels[p], count: o.counts[p], color: PREDIKAT_COLORS[p], band: o.bands[p] })),
  );
  const widths = columnWidths(width - 6 * CELL_CHROME, [1, 1, 1, 1, 1, 1]);
  const table: Content = {
    table: {
      widths,
      body: [
        [...PREDIKATS.map((p) => th(d.pack.predikatLabels[p])), th(d.labels.total)],
        [...PREDIKATS.map((p) => td(`${o.counts[p]}${o.bands[p] ? ` (${o.bands[p]![0]}–${o.bands[p]![1]})` : ''}`, { alignment: 'center' })), td(`${o.n} / ${o.all}`, { alignment: 'center' })],
      ],
    },
    layout: GRID,
    margin: [0, 3, 0, 2],
  };
  return {
    stack: [
      head,
      chart,
      table,
      o.guideline ? { text: o.guideline, ...small } : { text: '' },
      o.warnings.length ? { ul: o.warnings, ...small, margin: [0, 1, 0, 0] } : { text: o.ok, ...small, bold: true, margin: [0, 1, 0, 0] },
    ],
  };
}

/** The rows that fit `budget` points (leaving room for the "N lainnya" row when some do not). */
function capped<T>(rows: readonly T[], max: number, budget: number, heightOf: (row: T) => number): { shown: T[]; rest: T[] } {
  const fits = (n: number, withRest: boolean) => n <= max - (withRest ? 1 : 0) && rows.slice(0, n).reduce((a, r) => a + heightOf(r), 0) + (withRest ? lineHeightPt(7) + ROW_CHROME : 0) <= budget;
  if (fits(rows.length, false)) return { shown: [...rows], rest: [] };
  let n = 0;
  while (n < rows.length && fits(n + 1, true)) n++;
  return { shown: rows.slice(0, n), rest: rows.slice(n) };
}

const rowHeight = (text: string, width: number) => textHeightPt(text, width - 6, 7) + ROW_CHROME;

function appraiserTable(d: DashboardPrintData, width: number): Content {
  // Marked appraisers first, so the page never drops the ones the meeting should talk about.
  const ordered = [...d.appraisers].sort((a, b) => Number(!!b.mark) - Number(!!a.mark));
  const widths = columnWidths(width - 9 * CELL_CHROME, [30, 7, 5, 5, 5, 5, 5, 13, 22]);
  const { shown, rest } = capped(ordered, DASHBOARD_ROWS.appraisers, APPRAISER_BUDGET, (r) => Math.max(rowHeight(r.nama, widths[0]!), r.mark ? rowHeight(d.appraiserMark[r.mark], widths[8]!) : 0));
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2).replace('.', ',') : '–');
  const body: TableCell[][] = [
    [th(d.labels.appraiserName), th(d.labels.rated), ...PREDIKATS.map((p) => th(d.short[p])), th(d.labels.mean), th('')],
    ...shown.map((r) => [
      td(r.nama),
      td(r.n, { alignment: 'center' }),
      ...PREDIKATS.map((p) => td(r.counts[p], { alignment: 'center' })),
      td(`${fmt(r.mean)} / ${fmt(r.officeMean)}`, { alignment: 'center' }),
      td(r.mark ? d.appraiserMark[r.mark] : '', { bold: true }),
    ]),
  ];
  if (rest.length) body.push([td(d.labels.others.replace('{count}', String(rest.length))), td(rest.reduce((a, r) => a + r.n, 0), { alignment: 'center' }), ...PREDIKATS.map((p) => td(rest.reduce((a, r) => a + r.counts[p], 0), { alignment: 'center' })), td(''), td('')]);
  return {
    stack: [
      { text: d.labels.appraiser, bold: true, fontSize: 8.5, margin: [0, 0, 0, 3] },
      d.appraisers.length ? { table: { widths, headerRows: 1, body, dontBreakRows: true }, layout: GRID } : { text: '-', ...small },
      { text: d.appraiserHint, fontSize: 6.5, italics: true, margin: [0, 2, 0, 0] },
      { text: PREDIKATS.map((p) => `${d.short[p]} = ${d.pack.predikatLabels[p]}`).join(' · '), fontSize: 6.5, margin: [0, 1, 0, 0] },
    ],
  };
}

function skpTable(d: DashboardPrintData, width: number, budget: number): Content {
  const widths = columnWidths(width - 5 * CELL_CHROME, [52, 12, 12, 12, 12]);
  const { shown, rest } = capped(d.skp, DASHBOARD_ROWS.skp, budget, (r) => rowHeight(`${'  '.repeat(r.depth)}${r.nama || '-'}`, widths[0]!));
  const sum = (k: (typeof SKP_PROGRESS_KEYS)[number]) => rest.reduce((a, r) => a + r.counts[k], 0);
  const body: TableCell[][] = [
    [th(d.labels.unit), ...SKP_PROGRESS_KEYS.map((k) => th(d.skpLabels[k]))],
    ...shown.map((r) => [td(`${'  '.repeat(r.depth)}${r.nama || '-'}`), ...SKP_PROGRESS_KEYS.map((k) => td(r.counts[k], { alignment: 'center' }))]),
  ];
  if (rest.length) body.push([td(d.labels.others.replace('{count}', String(rest.length))), ...SKP_PROGRESS_KEYS.map((k) => td(sum(k), { alignment: 'center' }))]);
  return { stack: [{ text: d.labels.skp, bold: true, fontSize: 8.5, margin: [0, 0, 0, 3] }, { table: { widths, headerRows: 1, body, dontBreakRows: true }, layout: GRID }] };
}

function periodTable(d: DashboardPrintData, width: number): Content {
  const widths = columnWidths(width - 10 * CELL_CHROME, [18, 8, 8, 8, 9, 9, 9, 9, 9, 8]);
  const byId = new Map(d.trend.map((r) => [r.periodId, r]));
  const body: TableCell[][] = [
    [th(d.labels.period), th(d.labels.belum), th(d.labels.draf), th(d.labels.final), ...PREDIKATS.map((p) => th(d.short[p])), th(d.labels.total)],
    ...d.evaluations.map((r) => {
      const tr = byId.get(r.periodId);
      return [td(r.title), td(r.belum, { alignment: 'center' }), td(r.draf, { alignment: 'center' }), td(r.final, { alignment: 'center' }), ...PREDIKATS.map((p) => td(tr?.counts[p] ?? 0, { alignment: 'center' })), td(tr?.n ?? 0, { alignment: 'center' })];
    }),
  ];
  return { stack: [{ text: `${d.labels.eval}; ${d.labels.trend.toLowerCase()}`, bold: true, fontSize: 8.5, margin: [0, 0, 0, 3] }, { table: { widths, headerRows: 1, body, dontBreakRows: true }, layout: GRID }] };
}

export function dashboardDefinition(d: DashboardPrintData): TDocumentDefinitions {
  const page = pageDimensions(d.paper, 'landscape');
  const margins = marginsPt(MARGINS);
  const width = page.width - margins[0] - margins[2];
  const gap = 14;
  const half = (width - gap) / 2;
  return {
    info: { title: d.labels.title, creator: 'Kinerja Luring', producer: 'Kinerja Luring' },
    version: PDF_VERSION,
    pageSize: pageSizeOf(d.paper),
    pageOrientation: 'landscape',
    pageMargins: margins,
    defaultStyle: { font: FONT, fontSize: 8, lineHeight: 1.05 },
    styles: STYLES,
    content: [
      {
        columns: [
          { text: [{ text: `${d.instansi.toUpperCase()} — ${d.kantor.toUpperCase()}\n`, bold: true, fontSize: 10 }, { text: d.labels.title.toUpperCase(), bold: true, fontSize: 10 }], width: '*' },
          { text: `${d.printedOn}\n${d.scopeLine}`, fontSize: 7.5, alignment: 'right', width: 'auto' },
        ],
        margin: [0, 0, 0, 6],
      },
      { columns: [{ stack: [officeBlock(d, half)], width: half }, { stack: [appraiserTable(d, half)], width: half }], columnGap: gap, margin: [0, 0, 0, 8] },
      { columns: [{ stack: [skpTable(d, half, page.height - margins[1] - margins[3] - ABOVE_BOTTOM_ROWS)], width: half }, { stack: [periodTable(d, half)], width: half }], columnGap: gap },
    ],
  };
}
