/**
 * Building blocks shared by every form (docs/aturan-kinerja.md §4, §5, §13): paper, kop, title lines,
 * identity blocks, signature blocks, footer and verification code. Only plain pdfmake content
 * objects come out of here; nothing renders.
 */
import type { Content, ContentTable, PageSize, TableCell, CustomTableLayout } from 'pdfmake/interfaces';
import { formatTempatTanggal } from '../domain/dates';
import { formatNip } from '../domain/nip';
import type { PaperSize } from '../domain/office';
import type { PersonSnapshot } from '../domain/skp';
import type { DocKind } from '../domain/verification';
import { withFallbackFonts } from './glyphs';
import { fitWidth, lineHeightPt, textHeightPt, textWidthPt } from './textFit';
import type { MarginsMm, Orientation, PrintOptions } from './model';

export const FONT = 'LiberationSans';
const MM = 72 / 25.4;

/** F4 as Indonesian offices buy it: 215 × 330 mm (not Folio 8.5×13 in, not Legal). */
export const F4_PT = { width: 609.45, height: 935.43 } as const;
export const A4_PT = { width: 595.28, height: 841.89 } as const;

export function pageSizeOf(paper: PaperSize): PageSize {
  return paper === 'F4' ? { ...F4_PT } : 'A4';
}

/** Width and height in points after orientation. */
export function pageDimensions(paper: PaperSize, orientation: Orientation): { width: number; height: number } {
  const p = paper === 'F4' ? F4_PT : A4_PT;
  return orientation === 'landscape' ? { width: p.height, height: p.width } : { width: p.width, height: p.height };
}

export function marginsPt(m: MarginsMm): [number, number, number, number] {
  return [m.left * MM, m.top * MM, m.right * MM, m.bottom * MM];
}

/** The height content may use between the top and bottom margins. */
export function contentHeight(opts: Pick<PrintOptions, 'paper' | 'orientation' | 'margins'>): number {
  return pageDimensions(opts.paper, opts.orientation).height - (opts.margins.top + opts.margins.bottom) * MM;
}

/** Room kept beside a row piece: its padding and a group heading joined to it. */
export const ROW_RESERVE = 40;
/**
 * Room kept beside a table's last row piece, which stays on one page with what follows it: RATING
 * and PREDIKAT lines and the signature block (flowTable).
 */
export const TAIL_RESERVE = 190;

/**
 * The tallest a table row piece may be, in points of text: a page below the repeated heads, less
 * what must stay beside it. Never below a few lines, so a tiny page still prints (more pieces).
 */
export function rowBudget(opts: Pick<PrintOptions, 'paper' | 'orientation' | 'margins'>, headHeight: number, reserve = ROW_RESERVE): number {
  return Math.max(60, contentHeight(opts) - headHeight - reserve);
}

/** The width tables may use between the left and right margins. */
export function contentWidth(opts: Pick<PrintOptions, 'paper' | 'orientation' | 'margins'>): number {
  return pageDimensions(opts.paper, opts.orientation).width - (opts.margins.left + opts.margins.right) * MM;
}

/** What each table column adds around its text: padding on both sides and one grid line. */
export const CELL_CHROME = 2 * 3 + 0.6;

/** Scale relative column weights to exact point widths that add up to the content width. */
export function columnWidths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor(((w / sum) * total - 0.5) * 100) / 100);
}

export const STYLES = {
  title: { fontSize: 11, bold: true, alignment: 'center' as const },
  // Shading a laser printer still prints as a visible screen (#f4f4f4 vanished to white).
  th: { bold: true, fontSize: 8, alignment: 'center' as const, fillColor: '#d4d4d4' },
  num: { fontSize: 7, alignment: 'center' as const, italics: true, fillColor: '#e0e0e0' },
  group: { bold: true, fontSize: 8.5, fillColor: '#e0e0e0' },
  cell: { fontSize: 8.5 },
  small: { fontSize: 7.5 },
  kopInstansi: { fontSize: 12, bold: true, alignment: 'center' as const },
  kopKantor: { fontSize: 14, bold: true, alignment: 'center' as const },
  kopAlamat: { fontSize: 8.5, alignment: 'center' as const },
};

/** Thin black grid: the look of the official samples. */
export const GRID: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const KOP_LOGO_PT = 52;
/** The double rule under the kop and its margin. */
const KOP_RULE_PT = 6.5 + 8;

/** Kop surat: logo left (optional), instansi and office centred, address, double rule. */
export function kop(opts: PrintOptions): Content {
  const width = contentWidth(opts);
  const lines: Content[] = [
    { text: opts.office.namaInstansi.toUpperCase(), style: 'kopInstansi' },
    { text: opts.office.namaKantor.toUpperCase(), style: 'kopKantor' },
  ];
  if (opts.office.alamat.trim()) lines.push({ text: opts.office.alamat, style: 'kopAlamat' });
  const logoWidth = KOP_LOGO_PT;
  return {
    stack: [
      {
        columns: [
          opts.logo ? { image: opts.logo, fit: [logoWidth, logoWidth], width: logoWidth } : { text: '', width: logoWidth },
          { stack: lines, width: '*' },
          { text: '', width: logoWidth },
        ],
        columnGap: 6,
      },
      {
        canvas: [
          { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 1.8 },
          { type: 'line', x1: 0, y1: 6.5, x2: width, y2: 6.5, lineWidth: 0.5 },
        ],
        margin: [0, 0, 0, 8],
      },
    ],
  };
}

export function titleBlock(lines: readonly string[]): Content {
  return { stack: lines.map((text) => ({ text: text.toUpperCase(), style: 'title' })), margin: [0, 0, 0, 6] };
}

/** "PEMERINTAH KABUPATEN …" left, "PERIODE PENILAIAN: …" right (§4.1). */
export function instansiPeriodLine(instansi: string, periode: string): Content {
  return {
    columns: [
      { text: instansi.toUpperCase(), bold: true, fontSize: 8.5, width: '*' },
      { text: `PERIODE PENILAIAN: ${periode.toUpperCase()}`, bold: true, fontSize: 8.5, alignment: 'right', width: 'auto' },
    ],
    margin: [0, 0, 0, 4],
  };
}

function idLabel(p: PersonSnapshot | null, row: 'nip' | 'pangkat'): string {
  const pppk = p?.status === 'PPPK';
  if (row === 'nip') return pppk ? 'NI PPPK' : 'NIP';
  return pppk ? 'GOLONGAN' : 'PANGKAT/GOL. RUANG';
}

/** The five identity rows of one person (§4.2); empty cells when nobody is set. */
export function identityRows(p: PersonSnapshot | null): [string, string][] {
  return [
    ['NAMA', p?.nama ?? ''],
    [idLabel(p, 'nip'), p ? formatNip(p.nip) : ''],
    [idLabel(p, 'pangkat'), p?.pangkat ?? ''],
    ['JABATAN', p?.jabatan ?? ''],
    ['UNIT KERJA', p?.unit ?? ''],
  ];
}

/** Ratee left, appraiser right, one table with the NO columns (§4.2). */
export function identityTable(width: number, left: { title: string; person: PersonSnapshot | null }, right: { title: string; person: PersonSnapshot | null }): ContentTable {
  const w = columnWidths(width - 6 * CELL_CHROME, [4, 13, 33, 4, 13, 33]);
  const l = identityRows(left.person);
  const r = identityRows(right.person);
  const body: TableCell[][] = [
    [
      { text: 'NO', style: 'th' },
      { text: left.title, style: 'th', colSpan: 2 },
      {},
      { text: 'NO', style: 'th' },
      { text: right.title, style: 'th', colSpan: 2 },
      {},
    ],
    ...l.map(([label, value], i): TableCell[] => [
      { text: String(i + 1), style: 'cell', alignment: 'center' },
      { text: label, style: 'cell' },
      { text: value, style: 'cell', bold: i === 0 },
      { text: String(i + 1), style: 'cell', alignment: 'center' },
      { text: r[i]?.[0] ?? '', style: 'cell' },
      { text: r[i]?.[1] ?? '', style: 'cell', bold: i === 0 },
    ]),
  ];
  return { table: { widths: w, body, dontBreakRows: true }, layout: GRID, margin: [0, 0, 0, 6] };
}

export interface Signer {
  /** "Pegawai yang Dinilai", "Pejabat Penilai Kinerja", "Camat Curug". A comma is added. */
  role: string;
  person: PersonSnapshot | null;
  /** Print the place/date line above the role (right column always; left when configured). */
  withDate: boolean;
}

const SIGN_SPACE = 58;
const SIGN_PT = 9;
const SIGN_GAP = 24;
const SIGN_MARGIN = 14;

function signatureColumn(s: Signer | null, opts: PrintOptions): Content {
  if (!s) return { text: '' };
  const scan = s.person?.employeeId ? opts.tandaTangan[s.person.employeeId] : undefined;
  const nip = s.person?.nip ? formatNip(s.person.nip) : '';
  const nipLabel = s.person?.status === 'PPPK' ? 'NI PPPK.' : 'NIP.';
  return {
    stack: [
      { text: s.withDate ? formatTempatTanggal(opts.office.tempat, opts.tanggal) : ' ' },
      { text: `${s.role},` },
      scan ? { image: scan, fit: [150, SIGN_SPACE], alignment: 'center', height: SIGN_SPACE } : { text: ' ', margin: [0, SIGN_SPACE - 10, 0, 0] },
      { text: s.person?.nama || ' ', bold: true, decoration: opts.garisBawahNama ? 'underline' : undefined },
      ...(opts.pangkatPenandatangan && s.person?.pangkat ? [{ text: s.person.pangkat }] : []),
      { text: nip ? `${nipLabel} ${nip}` : ' ' },
    ],
    alignment: 'center',
    fontSize: SIGN_PT,
  };
}

/** Height of a run of text lines at `fontSize`, wrapped to `width`. */
function linesPt(texts: readonly string[], width: number, fontSize: number, bold = false): number {
  return texts.reduce((h, t) => h + textHeightPt(t, width, fontSize, bold), 0);
}

/** How tall the kop prints (estimated like every row height: textFit.ts). */
export function kopHeightPt(opts: PrintOptions): number {
  const w = contentWidth(opts) - 2 * KOP_LOGO_PT - 2 * 6;
  const text =
    textHeightPt(opts.office.namaInstansi.toUpperCase(), w, STYLES.kopInstansi.fontSize, true) +
    textHeightPt(opts.office.namaKantor.toUpperCase(), w, STYLES.kopKantor.fontSize, true) +
    (opts.office.alamat.trim() ? textHeightPt(opts.office.alamat, w, STYLES.kopAlamat.fontSize) : 0);
  return Math.max(text, opts.logo ? KOP_LOGO_PT : 0) + KOP_RULE_PT;
}

/** How tall a titleBlock of these lines prints. */
export function titleHeightPt(lines: readonly string[], opts: PrintOptions): number {
  return linesPt(lines.map((l) => l.toUpperCase()), contentWidth(opts), STYLES.title.fontSize, true) + 6;
}

/** How tall instansiPeriodLine prints: the instansi wraps beside the period. */
export function instansiPeriodHeightPt(instansi: string, periode: string, opts: PrintOptions): number {
  const right = textWidthPt(`PERIODE PENILAIAN: ${periode.toUpperCase()}`, 8.5, true);
  return Math.max(textHeightPt(instansi.toUpperCase(), Math.max(contentWidth(opts) - right, 40), 8.5, true), lineHeightPt(8.5)) + 4;
}

function signatureColumnPt(s: Signer | null, width: number, opts: PrintOptions): number {
  if (!s) return 0;
  const scan = s.person?.employeeId ? opts.tandaTangan[s.person.employeeId] : undefined;
  const pangkat = opts.pangkatPenandatangan && s.person?.pangkat ? [s.person.pangkat] : [];
  return (
    linesPt([' ', `${s.role},`], width, SIGN_PT) +
    (scan ? SIGN_SPACE : SIGN_SPACE - 10 + lineHeightPt(SIGN_PT)) +
    textHeightPt(s.person?.nama || ' ', width, SIGN_PT, true) +
    linesPt([...pangkat, `NIP. ${s.person?.nip ?? ''}`], width, SIGN_PT)
  );
}

/** How tall signatureBlock prints: the taller column (a long name wraps) and its top margin. */
export function signatureHeightPt(left: Signer | null, right: Signer | null, opts: PrintOptions): number {
  const w = (contentWidth(opts) - SIGN_GAP) / 2;
  return SIGN_MARGIN + Math.max(signatureColumnPt(left, w, opts), signatureColumnPt(right, w, opts));
}

/**
 * Two signature columns (left may be null for a single signer on the right). The block is
 * unbreakable: pdfmake moves it whole to the next page rather than split it (§13.3).
 */
export function signatureBlock(left: Signer | null, right: Signer | null, opts: PrintOptions): Content {
  return {
    unbreakable: true,
    stack: [{ columns: [signatureColumn(left, opts), signatureColumn(right, opts)], columnGap: SIGN_GAP }],
    margin: [0, SIGN_MARGIN, 0, 0],
  };
}

/**
 * Page numbers per document inside a batch PDF. pdfmake numbers pages across the whole file, but
 * the footer must say "Hal. 2 dari 3" of this employee's form. pdfmake draws every page's header
 * before any footer, so the header callback of a section records which pages it owns and the
 * footer reads its position from that list.
 */
export function sectionPageCounter(): { header: (page: number) => null; position: (page: number) => { x: number; y: number } } {
  const pages = new Set<number>();
  return {
    header: (page) => {
      pages.add(page);
      return null;
    },
    position: (page) => {
      const sorted = [...pages].sort((a, b) => a - b);
      return { x: sorted.indexOf(page) + 1, y: sorted.length };
    },
  };
}

/**
 * Characters of an upper-case code printed in QR versions 1–3 at the lowest error correction: one
 * fewer than the standard's 25, 47 and 77, because pdfmake's encoder writes a code that fills its
 * version exactly with a terminator too many, and no reader decodes it (printShop.test.ts).
 */
const QR_ALNUM_CAPACITY = [24, 46, 76] as const;
/** A photocopy keeps modules of 2 pt readable at 150 dpi; the code is short, so L suffices. */
export const QR_MODULE_PT = 2;
/** Four modules of blank paper around the code, as scanners need. */
export const QR_QUIET_PT = 4 * QR_MODULE_PT;

/** Side of the printed code in points: modules of the smallest version that holds it. */
export function qrSizePt(code: string): { version: number; size: number } {
  const i = QR_ALNUM_CAPACITY.findIndex((cap) => code.length <= cap);
  const version = i < 0 ? 4 : i + 1;
  return { version, size: (17 + 4 * version) * QR_MODULE_PT };
}

const FOOTER_PT = 7.5;

/** Who a footer names: a person ("Dokumen milik …") or, for a unit recap, the unit. */
export interface DocFrame {
  kind: DocKind;
  ownerNama: string;
  nip: string;
  /** PPPK staff print "NI PPPK" in the footer as on the form. */
  pppk: boolean;
  code: string;
}

/** Footer: owner, page x of y of this document, and the verification QR with its code. */
export function footerFor(frame: DocFrame, opts: PrintOptions, position: (page: number) => { x: number; y: number }) {
  const [left, , right] = marginsPt(opts.margins);
  const { version, size } = qrSizePt(frame.code);
  const gap = QR_QUIET_PT + 4;
  const nip = frame.kind !== 'RKP' && frame.nip ? ` (${frame.pppk ? 'NI PPPK' : 'NIP'} ${formatNip(frame.nip)})` : '';
  const lead = frame.kind === 'RKP' ? 'Rekapitulasi' : 'Dokumen milik';
  // One line, whatever the name: a wrapped owner line pushed the code into a printer's unprintable
  // border. The name gives way ("…"); NIP, page and code never do.
  const room = contentWidth(opts) - size - gap - textWidthPt(`${lead} ${nip} · Hal. 999 dari 999`, FOOTER_PT) - 2;
  const owner = `${lead} ${fitWidth(frame.ownerNama, Math.max(room, 40), FOOTER_PT)}${nip}`;
  return (page: number): Content => {
    const { x, y } = position(page);
    return withFallbackFonts({
      columns: [
        {
          stack: [
            { text: `${owner} · Hal. ${x} dari ${y}`, italics: true },
            { text: `Kode verifikasi: ${frame.code}`, fontSize: 7 },
          ],
          width: '*',
          fontSize: FOOTER_PT,
          margin: [0, 14, 0, 0],
        },
        { qr: frame.code, fit: size, width: size, version, eccLevel: 'L' },
      ],
      // The gap and the top margin are the code's quiet zone (the page edge is blank below it).
      columnGap: gap,
      margin: [left, QR_QUIET_PT, right, 0],
    });
  };
}

/**
 * Drawn over the page with transparency (so the file declares PDF 1.4): about 20% grey, dark
 * enough to survive a laser printer's 1-bit halftone (a test checks it at 300 dpi) and light enough
 * to read the form through.
 */
export const DRAFT_WATERMARK = { text: 'DRAF', color: '#555555', opacity: 0.3, bold: true, fontSize: 150 };

/** Transparency (the watermark) needs PDF 1.4; pdfmake would declare 1.3. */
export const PDF_VERSION = '1.4';
