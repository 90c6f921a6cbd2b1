/** Rekap predikat per unit and period, signed by the unit head (§5.3 "format penetapan predikat", §7). */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { countPredikat } from '../domain/distribution';
import { formatNip } from '../domain/nip';
import { PREDIKATS, type Predikat } from '../domain/rulepack';
import type { CanonicalContent } from '../domain/verification';
import { CELL_CHROME, columnWidths, contentWidth, GRID, instansiPeriodLine, kop, ROW_RESERVE, rowBudget, signatureBlock, TAIL_RESERVE, titleBlock } from './layout';
import type { PrintOptions, RekapData } from './model';
import { splitRow } from './rowSplit';
import { flowTable, labelLine, lineByLine } from './tables';
import { lineHeightPt } from './textFit';

function percent(count: number, total: number): string {
  if (total === 0) return '0%';
  return `${(Math.round((count / total) * 1000) / 10).toLocaleString('id-ID')}%`;
}

function rated(r: RekapData): Predikat[] {
  return r.rows.flatMap((row) => (row.predikat ? [row.predikat] : []));
}

/**
 * What the recap says of the distribution. It claims compliance only when there is something to
 * judge: a capaian set and at least one final evaluation (a draft predikat can still change).
 */
export function verdict(r: RekapData): Content {
  if (!r.judged && r.capaian && r.rows.some((row) => row.predikat)) return { text: '' };
  const missing = [
    !r.capaian && 'capaian organisasi belum ditetapkan',
    !r.rows.some((row) => row.status === 'FINAL' && row.predikat) && 'belum ada evaluasi final',
  ].filter(Boolean);
  if (missing.length > 0) return { text: [{ text: 'Belum dapat dinilai: ', bold: true }, `${missing.join('; ')}.`], fontSize: 8.5, margin: [0, 0, 0, 2] };
  if (r.peringatan.length > 0) {
    return { stack: [{ text: 'Catatan terhadap pedoman distribusi:', bold: true }, { ul: r.peringatan }], fontSize: 8.5, margin: [0, 0, 0, 2] };
  }
  return { text: 'Sebaran predikat sesuai dengan pedoman pola distribusi.', fontSize: 8.5, margin: [0, 0, 0, 2] };
}

export function rekapContent(r: RekapData, opts: PrintOptions): Content[] {
  const width = contentWidth(opts);
  const list = rated(r);
  const counts = countPredikat(list);
  const wDist = columnWidths(width * 0.6 - 3 * CELL_CHROME, [50, 20, 30]);
  const distBody: TableCell[][] = [
    [{ text: 'PREDIKAT KINERJA PEGAWAI', style: 'th' }, { text: 'JUMLAH', style: 'th' }, { text: 'PERSENTASE', style: 'th' }],
    ...PREDIKATS.map((p): TableCell[] => [
      { text: r.pack.predikatLabels[p], style: 'cell' },
      { text: String(counts[p]), style: 'cell', alignment: 'center' },
      { text: percent(counts[p], list.length), style: 'cell', alignment: 'center' },
    ]),
    [
      { text: 'JUMLAH DINILAI', style: 'cell', bold: true },
      { text: String(list.length), style: 'cell', alignment: 'center', bold: true },
      { text: list.length ? '100%' : '0%', style: 'cell', alignment: 'center', bold: true },
    ],
  ];
  const w = r.showUnit ? columnWidths(width - 5 * CELL_CHROME, [5, 32, 27, 20, 16]) : columnWidths(width - 4 * CELL_CHROME, [5, 38, 35, 22]);
  const head = 2 * lineHeightPt(8);
  const listBody: TableCell[][] = [
    (r.showUnit ? ['NO', 'NAMA / NIP', 'JABATAN', 'UNIT KERJA', 'PREDIKAT'] : ['NO', 'NAMA / NIP', 'JABATAN', 'PREDIKAT']).map((text) => ({ text, style: 'th' })),
    ...r.rows.flatMap((row, i) =>
      splitRow(
        {
          markAt: 1,
          parts: [
            { kind: 'same', text: String(i + 1) },
            { kind: 'text', text: row.nip ? `${row.nama}\n${formatNip(row.nip)}` : row.nama },
            { kind: 'text', text: row.jabatan },
            ...(r.showUnit ? [{ kind: 'text' as const, text: row.unit || '-' }] : []),
            { kind: 'text', text: row.predikat ? r.pack.predikatLabels[row.predikat] : row.status === 'DRAF' ? 'Belum dinilai (Draf)' : 'Belum dinilai' },
          ],
        },
        w,
        rowBudget(opts, head, i === r.rows.length - 1 ? TAIL_RESERVE : ROW_RESERVE),
      ),
    ),
  ];
  const kepalaRole = r.kepala?.jabatan.trim() || `Kepala ${r.kepalaUnit}`;
  return [
    kop(opts),
    titleBlock(['REKAPITULASI PREDIKAT KINERJA PEGAWAI', r.unitNama, `PERIODE: ${r.periodTitle}`]),
    instansiPeriodLine(opts.office.namaInstansi, r.periodText),
    labelLine('CAPAIAN KINERJA ORGANISASI', r.capaian ? r.pack.capaianLabels[r.capaian] : '-'),
    { table: { widths: wDist, body: distBody, dontBreakRows: true }, layout: GRID, margin: [0, 0, 0, 4] },
    { text: r.scopeLine, fontSize: 8.5, margin: [0, 0, 0, 2] },
    r.pedoman ? { text: r.pedoman, fontSize: 8.5, margin: [0, 0, 0, 2] } : { text: '' },
    verdict(r),
    r.justifikasi.trim() ? { stack: lineByLine('Justifikasi:', r.justifikasi, width, 8.5), margin: [0, 0, 0, 8] } : { text: '', margin: [0, 0, 0, 6] },
    ...flowTable({ widths: w, headerRows: 1, body: listBody }, [signatureBlock(null, { role: kepalaRole, person: r.kepala, withDate: true }, opts)]),
  ];
}

export function rekapCanonical(r: RekapData): CanonicalContent {
  return [
    ['unit', r.unitNama],
    ['periode', `${r.periodTitle} ${r.periodText}`],
    ['capaian', r.capaian ? r.pack.capaianLabels[r.capaian] : ''],
    ['kepala', r.kepala ? `${r.kepala.nama} ${r.kepala.nip}` : ''],
    ['justifikasi', r.justifikasi],
    ['cakupan', r.scopeLine],
    ...r.rows.map((row): [string, string] => [`daftar.${row.nip || row.nama}`, `${row.nama} | ${row.jabatan}${r.showUnit ? ` | ${row.unit}` : ''} | ${row.predikat ? r.pack.predikatLabels[row.predikat] : ''}`]),
  ];
}
