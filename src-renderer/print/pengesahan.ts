/**
 * Lembar Pengesahan Tanda Tangan Elektronik (#31): the page added after a signed form (or batch).
 * The forms themselves are not touched: the stamp never lands on a table or a wet-ink signature
 * block, whatever a page holds. The stamp sits at a fixed place, beside the verification QR, and
 * the signature field's rectangle is that same place (STAMP_BOX).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PaperSize } from '../domain/office';
import { formatNip } from '../domain/nip';
import { FONT, pageDimensions, pageSizeOf, PDF_VERSION, qrSizePt } from './layout';
import { fitWidth } from './textFit';

export interface PengesahanDoc {
  title: string;
  ownerNama: string;
  code: string;
}

export interface PengesahanData {
  docs: readonly PengesahanDoc[];
  /** Null for a "PDF siap TTE": the box is left for the instansi's esign service. */
  signer: { name: string; nip: string | null; issuer: string; notAfter: Date } | null;
  /** Already worded ("8 Desember 2026 10.15 WIB"): the worker has no locale of its own. */
  signedAt: string;
  expired: boolean;
}

const MARGIN = 56;
/** Where the stamp is, from the page's top left, in points. */
export const STAMP_BOX = { x: MARGIN, y: 150, width: 300, height: 84 } as const;
const STAMP_PT = 8;

/** The signature field's rectangle for the stamp ([x1, y1, x2, y2] from the bottom left). */
export function stampRect(paper: PaperSize): [number, number, number, number] {
  const { height } = pageDimensions(paper, 'portrait');
  return [STAMP_BOX.x, height - STAMP_BOX.y - STAMP_BOX.height, STAMP_BOX.x + STAMP_BOX.width, height - STAMP_BOX.y];
}

export function stampLines(d: PengesahanData): string[] {
  const fit = (s: string, bold = false) => fitWidth(s, STAMP_BOX.width - 12, STAMP_PT, bold);
  if (!d.signer) return ['Tempat tanda tangan elektronik', '(diisi layanan TTE instansi)'];
  return [
    'Ditandatangani secara elektronik oleh',
    fit(d.signer.name, true),
    d.signer.nip ? `NIP ${formatNip(d.signer.nip)}` : 'NIP tidak tercantum di sertifikat',
    fit(`Waktu: ${d.signedAt}`),
    fit(`Penerbit sertifikat: ${d.signer.issuer}`),
    ...(d.expired ? ['Sertifikat sudah kedaluwarsa saat ditandatangani'] : []),
  ];
}

export function pengesahanDefinition(d: PengesahanData, paper: PaperSize): TDocumentDefinitions {
  const code = d.docs[0]?.code ?? '';
  const { version, size } = qrSizePt(code);
  const lines = stampLines(d);
  const stamp: Content = {
    absolutePosition: { x: STAMP_BOX.x, y: STAMP_BOX.y },
    table: {
      widths: [STAMP_BOX.width - 10],
      heights: [STAMP_BOX.height - 6],
      body: [[{ stack: lines.map((text, i) => ({ text, bold: i === 1, color: i === 5 ? '#9b1c1c' : '#1f3a68' })), fontSize: STAMP_PT }]],
    },
    layout: { hLineColor: () => '#1f3a68', vLineColor: () => '#1f3a68' },
  };
  const qr: Content = code ? { absolutePosition: { x: STAMP_BOX.x + STAMP_BOX.width + 16, y: STAMP_BOX.y }, qr: code, fit: size, version, eccLevel: 'L' } : { text: '' };
  return {
    info: { title: 'Lembar Pengesahan Tanda Tangan Elektronik', creator: 'Kinerja Luring', producer: 'Kinerja Luring' },
    version: PDF_VERSION,
    pageSize: pageSizeOf(paper),
    pageOrientation: 'portrait',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.15 },
    content: [
      { text: 'LEMBAR PENGESAHAN TANDA TANGAN ELEKTRONIK', bold: true, fontSize: 12, alignment: 'center' },
      { text: d.docs.length === 1 ? `untuk ${d.docs[0]!.title} milik ${d.docs[0]!.ownerNama}` : `untuk ${d.docs.length} dokumen dalam berkas ini`, alignment: 'center', margin: [0, 4, 0, 0] },
      stamp,
      qr,
      // The flow continues below the stamp (absolute positions take no room).
      { text: '', margin: [0, STAMP_BOX.y + STAMP_BOX.height - MARGIN - 20, 0, 0] },
      {
        text: [
          'Tanda tangan elektronik ini mencakup seluruh halaman berkas. Keutuhannya dapat diperiksa di menu Verifikasi aplikasi Kinerja Luring atau di pembaca PDF. ',
          'Status pencabutan sertifikat tidak dapat diperiksa tanpa jaringan; periksa di layanan verifikasi resmi.',
        ],
        margin: [0, 0, 0, 10],
      },
      {
        table: {
          headerRows: 1,
          widths: [20, '*', 'auto'],
          body: [
            [{ text: 'No', bold: true }, { text: 'Dokumen', bold: true }, { text: 'Kode verifikasi', bold: true }],
            ...d.docs.map((doc, i) => [String(i + 1), `${doc.title} — ${doc.ownerNama}`, { text: doc.code, fontSize: 7.5 }]),
          ],
        },
      },
    ],
  };
}
