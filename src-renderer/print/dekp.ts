/** DOKUMEN EVALUASI KINERJA PEGAWAI (§5.2): one page for promotion files, three identity blocks. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Evaluation } from '../domain/evaluation';
import type { CapaianOrganisasi, RulePack } from '../domain/rulepack';
import type { PersonSnapshot } from '../domain/skp';
import type { CanonicalContent } from '../domain/verification';
import { CELL_CHROME, columnWidths, contentHeight, contentWidth, identityRows, instansiPeriodHeightPt, instansiPeriodLine, kop, kopHeightPt, signatureBlock, signatureHeightPt, titleBlock, titleHeightPt } from './layout';
import { CELL_FONT, cutTextAfter, LANJUTAN, ROW_CHROME } from './rowSplit';
import { lineHeightPt, textHeightPt } from './textFit';
import { flowTable } from './tables';
import type { PrintOptions } from './model';
import { evaluationPeriodTitle } from './evaluasi';
import { periodePenilaian, personContent, ROLE_PEGAWAI, ROLE_PENILAI } from './skp';

/** The CATATAN/REKOMENDASI box: the follow-up recommendations written after the evaluation became final. */
export function catatanText(ev: Pick<Evaluation, 'rekomendasi'>): string {
  const r = ev.rekomendasi;
  const lines = [
    r.pengembangan.trim() && `Pengembangan kompetensi: ${r.pengembangan.trim()}`,
    r.penghargaan.trim() && `Penghargaan: ${r.penghargaan.trim()}`,
    r.pembinaan.trim() && `Pembinaan: ${r.pembinaan.trim()}`,
  ].filter(Boolean);
  return lines.join('\n');
}

/** The emblem above the DEKP title and its margin. */
const LAMBANG_PT = 56 + 6;

function personBlock(no: number, title: string, p: PersonSnapshot | null): TableCell[][] {
  const rows = identityRows(p);
  return [
    [
      { text: String(no), style: 'cell', alignment: 'center', rowSpan: rows.length + 1, bold: true },
      { text: title, style: 'cell', bold: true, colSpan: 2 },
      {},
    ],
    ...rows.map(([label, value], i): TableCell[] => [{}, { text: label, style: 'cell' }, { text: value, style: 'cell', bold: i === 0 }]),
  ];
}

/** Room the page estimate keeps free: it errs towards more lines, this covers rounding and grid lines. */
const SLACK_PT = 16;

/** How tall a table row of these [text, width, bold] cells prints. */
function rowPt(cells: readonly [string, number, boolean][]): number {
  return Math.max(...cells.map(([t, w, b]) => textHeightPt(t, w, CELL_FONT, b))) + ROW_CHROME;
}

export function dekpContent(ev: Evaluation, pack: RulePack, capaian: CapaianOrganisasi | '', opts: PrintOptions): Content[] {
  const width = contentWidth(opts);
  const w = columnWidths(width - 3 * CELL_CHROME, [5, 35, 60]);
  const catatanWidth = w[1]! + w[2]! + CELL_CHROME;
  const people: [string, PersonSnapshot | null][] = [
    ['PEGAWAI YANG DINILAI', ev.pegawai],
    ['PEJABAT PENILAI KINERJA', ev.penilai],
    ['ATASAN PEJABAT PENILAI KINERJA', ev.atasanPenilai],
  ];
  const capaianText = capaian ? pack.capaianLabels[capaian].toUpperCase() : '-';
  const predikatText = ev.predikat ? pack.predikatLabels[ev.predikat].toUpperCase() : '-';
  const titles = ['DOKUMEN EVALUASI KINERJA PEGAWAI', `PERIODE: ${evaluationPeriodTitle(ev)}`];
  const periode = periodePenilaian(ev.mulai, ev.selesai);
  const signers = [{ role: ROLE_PEGAWAI, person: ev.pegawai, withDate: true }, { role: ROLE_PENILAI, person: ev.penilai, withDate: true }] as const;

  // The page estimate (textFit.ts): everything above the catatan, the catatan row's own chrome, the signatures.
  const above =
    (opts.lambang ? LAMBANG_PT : kopHeightPt(opts)) +
    titleHeightPt(titles, opts) +
    instansiPeriodHeightPt(opts.office.namaInstansi, periode, opts) +
    people.reduce(
      (h, [title, p]) => h + rowPt([[title, catatanWidth, true]]) + identityRows(p).reduce((r, [label, value], i) => r + rowPt([[label, w[1]!, false], [value, w[2]!, i === 0]]), 0),
      0,
    ) +
    rowPt([['EVALUASI KINERJA', catatanWidth, true]]) +
    rowPt([['CAPAIAN KINERJA ORGANISASI', w[1]!, false], [capaianText, w[2]!, true]]) +
    rowPt([['PREDIKAT KINERJA PEGAWAI', w[1]!, false], [predikatText, w[2]!, true]]);
  // The heading line, the text's margins, and one line for "(lanjutan)" on a continued piece.
  const catatanChrome = 2 * lineHeightPt(CELL_FONT) + 2 + 18 + ROW_CHROME;
  const signatures = signatureHeightPt(signers[0], signers[1], opts);
  const page = contentHeight(opts);
  const text = catatanText(ev) || ' ';
  // One page for promotion files whenever the catatan leaves room for it.
  const fits = above + catatanChrome + textHeightPt(text, catatanWidth, CELL_FONT) + signatures + SLACK_PT <= page;
  // Otherwise the catatan fills what page 1 leaves, and each later piece leaves room for the
  // signatures, which stay with the last one.
  const catatan = fits ? [text] : cutTextAfter(text, catatanWidth, page - above - catatanChrome - SLACK_PT, page - signatures - catatanChrome - SLACK_PT);
  const catatanRows = catatan.map((piece, i): TableCell[] => [
    { text: '5', style: 'cell', alignment: 'center', bold: true },
    {
      stack: i === 0 ? [{ text: 'CATATAN/REKOMENDASI', bold: true }, { text: piece, margin: [0, 2, 0, 18] }] : [{ text: [{ text: `${LANJUTAN} `, italics: true }, piece] }],
      style: 'cell',
      colSpan: 2,
    },
    {},
  ]);
  const body: TableCell[][] = [
    ...people.flatMap(([title, p], i) => personBlock(i + 1, title, p)),
    [
      { text: '4', style: 'cell', alignment: 'center', rowSpan: 3, bold: true },
      { text: 'EVALUASI KINERJA', style: 'cell', bold: true, colSpan: 2 },
      {},
    ],
    [{}, { text: 'CAPAIAN KINERJA ORGANISASI', style: 'cell' }, { text: capaianText, style: 'cell', bold: true }],
    [{}, { text: 'PREDIKAT KINERJA PEGAWAI', style: 'cell' }, { text: predikatText, style: 'cell', bold: true }],
    ...catatanRows,
  ];
  // The reference DEKP carries the national emblem instead of a kop when the office supplies one.
  const head: Content[] = opts.lambang ? [{ image: opts.lambang, fit: [56, 56], alignment: 'center', margin: [0, 0, 0, 6] }] : [kop(opts)];
  const content: Content[] = [
    ...head,
    titleBlock(titles),
    instansiPeriodLine(opts.office.namaInstansi, periode),
    // DEKP: both signers carry their own place/date line (§5.2); they stay with the last row.
    ...flowTable({ widths: w, headerRows: 0, body }, [signatureBlock(signers[0], signers[1], opts)]),
  ];
  return fits ? [{ unbreakable: true, stack: content }] : content;
}

export function dekpCanonical(ev: Evaluation, pack: RulePack, capaian: CapaianOrganisasi | ''): CanonicalContent {
  return [
    ['periode', `${evaluationPeriodTitle(ev)} ${periodePenilaian(ev.mulai, ev.selesai)}`],
    ['status', ev.status],
    ...personContent('pegawai', ev.pegawai),
    ...personContent('penilai', ev.penilai),
    ...personContent('atasanPenilai', ev.atasanPenilai),
    ['capaian', capaian ? pack.capaianLabels[capaian] : ''],
    ['predikat', ev.predikat ? pack.predikatLabels[ev.predikat] : ''],
    ['catatan', catatanText(ev)],
  ];
}
