/** DOKUMEN EVALUASI KINERJA PEGAWAI (§5.2): one page for promotion files, three identity blocks. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Evaluation } from '../domain/evaluation';
import type { CapaianOrganisasi, RulePack } from '../domain/rulepack';
import type { PersonSnapshot } from '../domain/skp';
import type { CanonicalContent } from '../domain/verification';
import { CELL_CHROME, columnWidths, contentHeight, contentWidth, identityRows, instansiPeriodLine, kop, rowBudget, signatureBlock, TAIL_RESERVE, titleBlock } from './layout';
import { CELL_FONT, cutText, LANJUTAN } from './rowSplit';
import { textHeightPt } from './textFit';
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

/** Kop, table and signatures take about this much of the page; the catatan gets the rest. */
const DEKP_FIXED_PT = 560;

export function dekpContent(ev: Evaluation, pack: RulePack, capaian: CapaianOrganisasi | '', opts: PrintOptions): Content[] {
  const width = contentWidth(opts);
  const w = columnWidths(width - 3 * CELL_CHROME, [5, 35, 60]);
  const catatanWidth = w[1]! + w[2]! + CELL_CHROME;
  // Every catatan piece may be the last row, which keeps the signatures beside it.
  const catatan = cutText(catatanText(ev) || ' ', catatanWidth, rowBudget(opts, 0, TAIL_RESERVE));
  const catatanRows = catatan.map((text, i): TableCell[] => [
    { text: '5', style: 'cell', alignment: 'center', bold: true },
    {
      stack: i === 0 ? [{ text: 'CATATAN/REKOMENDASI', bold: true }, { text, margin: [0, 2, 0, 18] }] : [{ text: [{ text: `${LANJUTAN} `, italics: true }, text] }],
      style: 'cell',
      colSpan: 2,
    },
    {},
  ]);
  const body: TableCell[][] = [
    ...personBlock(1, 'PEGAWAI YANG DINILAI', ev.pegawai),
    ...personBlock(2, 'PEJABAT PENILAI KINERJA', ev.penilai),
    ...personBlock(3, 'ATASAN PEJABAT PENILAI KINERJA', ev.atasanPenilai),
    [
      { text: '4', style: 'cell', alignment: 'center', rowSpan: 3, bold: true },
      { text: 'EVALUASI KINERJA', style: 'cell', bold: true, colSpan: 2 },
      {},
    ],
    [{}, { text: 'CAPAIAN KINERJA ORGANISASI', style: 'cell' }, { text: capaian ? pack.capaianLabels[capaian].toUpperCase() : '-', style: 'cell', bold: true }],
    [{}, { text: 'PREDIKAT KINERJA PEGAWAI', style: 'cell' }, { text: ev.predikat ? pack.predikatLabels[ev.predikat].toUpperCase() : '-', style: 'cell', bold: true }],
    ...catatanRows,
  ];
  // The reference DEKP carries the national emblem instead of a kop when the office supplies one.
  const head: Content[] = opts.lambang ? [{ image: opts.lambang, fit: [56, 56], alignment: 'center', margin: [0, 0, 0, 6] }] : [kop(opts)];
  const content: Content[] = [
    ...head,
    titleBlock(['DOKUMEN EVALUASI KINERJA PEGAWAI', `PERIODE: ${evaluationPeriodTitle(ev)}`]),
    instansiPeriodLine(opts.office.namaInstansi, periodePenilaian(ev.mulai, ev.selesai)),
    // DEKP: both signers carry their own place/date line (§5.2); they stay with the last row.
    ...flowTable({ widths: w, headerRows: 0, body }, [
      signatureBlock({ role: ROLE_PEGAWAI, person: ev.pegawai, withDate: true }, { role: ROLE_PENILAI, person: ev.penilai, withDate: true }, opts),
    ]),
  ];
  // One page for promotion files whenever the catatan leaves room for it.
  const fits = DEKP_FIXED_PT + textHeightPt(catatanText(ev), catatanWidth, CELL_FONT) <= contentHeight(opts);
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
