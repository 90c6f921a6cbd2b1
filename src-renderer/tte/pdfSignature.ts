/**
 * The PDF side of an electronic signature (#31): a signature field with a visible stamp, the
 * placeholder @signpdf/signpdf fills (it computes the byte ranges and writes the CMS into
 * /Contents), and reading a signature back out for verification. The placeholder is written with
 * @cantoo/pdf-lib, the pdf-lib fork the app already uses; @signpdf's own placeholder helper needs
 * the unmaintained pdf-lib 1.17.
 */
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from '@cantoo/pdf-lib';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { bytesFromHex } from '../exchange/bytes';

/** Bytes reserved for the CMS (hex doubles it): a chain of three 4096-bit certificates fits. */
export const SIGNATURE_BYTES = 16_384;

/** Where the signature field sits: the stamp is already drawn there (print/pengesahan.ts). */
export interface Stamp {
  /** 0-based page; past the end means the last page. */
  page: number;
  /** [x1, y1, x2, y2] in PDF points from the bottom left. */
  rect: [number, number, number, number];
}

export interface FieldOptions {
  /** Signed with the document: the verification codes go here, so the reader's panel shows them. */
  reason: string;
  location: string;
  name: string;
  signingTime: Date;
  stamp: Stamp | null;
  /** The field's name; the instansi's esign service looks it up in a "PDF siap TTE". */
  fieldName: string;
  /** Leave the value empty: a field for someone else's signing service, not a placeholder we fill. */
  emptyField?: boolean;
  /** The forms' verification codes, kept in the document's Keywords too: covered by any signature, ours or the instansi's. */
  codes: readonly string[];
}

/** The dictionary's strings stay in PDFDocEncoding's Latin range; anything else becomes "?". */
const winAnsi = (s: string) => s.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');

/**
 * The document with a signature field (and its stamp) ready to be signed: the /Contents
 * placeholder and the /ByteRange placeholder @signpdf/signpdf looks for. Saved without object
 * streams, so both stay readable in the file.
 */
export async function withSignatureField(pdf: Uint8Array, opts: FieldOptions, append?: Uint8Array): Promise<Uint8Array> {
  // Read and written in one go (pdf-lib otherwise yields every 100 objects, which a worker pays
  // for in clamped timers, print/join.ts), and the pengesahan page appended in the same pass.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  if (append) {
    const extra = await PDFDocument.load(append, { updateMetadata: false, parseSpeed: Infinity });
    for (const page of await doc.copyPages(extra, extra.getPageIndices())) doc.addPage(page);
  }
  if (opts.codes.length > 0) doc.setKeywords([...opts.codes]);
  const ctx = doc.context;
  const pages = doc.getPages();
  const page = pages[Math.min(opts.stamp?.page ?? pages.length - 1, pages.length - 1)]!;

  let value = null;
  if (!opts.emptyField) {
    const byteRange = PDFArray.withContext(ctx);
    byteRange.push(PDFNumber.of(0));
    for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));
    value = ctx.register(
      ctx.obj({
        Type: 'Sig',
        Filter: 'Adobe.PPKLite',
        SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
        ByteRange: byteRange,
        Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
        Reason: PDFString.of(winAnsi(opts.reason)),
        M: PDFString.fromDate(opts.signingTime),
        Name: PDFString.of(winAnsi(opts.name)),
        Location: PDFString.of(winAnsi(opts.location)),
        Prop_Build: { App: { Name: 'Kinerja Luring' } },
      }),
    );
  }
  const rect = opts.stamp?.rect ?? [0, 0, 0, 0];
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: rect,
      ...(value ? { V: value } : {}),
      T: PDFString.of(opts.fieldName),
      // Print (4) and Locked (128): the stamp prints and the field cannot be moved.
      F: 4 | 128,
      P: page.ref,
    }),
  );
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) annots.push(widget);
  else page.node.set(PDFName.of('Annots'), ctx.obj([widget]));
  // SigFlags 3: the document has signatures, and only append to it (a rewrite breaks them).
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ SigFlags: 3, Fields: [widget] }));
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The CMS, its zero padding removed. */
  cms: Uint8Array;
  /** The signed bytes: both ranges joined. */
  signed: Uint8Array;
  /** The last signed byte is the file's last byte: nothing was appended after signing. */
  coversWholeFile: boolean;
  reason: string;
  signingTime: Date | null;
  subFilter: string;
}

export const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

function pdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A PDF literal string's text (the escapes pdf-lib writes). */
function literal(s: string): string {
  return s.replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
}

/** Every filled signature in the file, in the order they appear; `text`: the file as latin1, when the caller already has it. */
export function findSignatures(pdf: Uint8Array, text = latin1(pdf)): FoundSignature[] {
  const out: FoundSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) continue;
    const hex = text.slice(b + 1, c - 1).replace(/\s/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) continue;
    const raw = bytesFromHex(hex);
    const signed = new Uint8Array(b + d);
    signed.set(pdf.subarray(0, b), 0);
    signed.set(pdf.subarray(c, c + d), b);
    // The signature dictionary around this /ByteRange: its /Reason, /M and /SubFilter.
    const start = text.lastIndexOf('<<', m.index);
    const dict = text.slice(Math.max(0, start), text.indexOf('>>', c) + 2);
    const str = (key: string) => {
      const k = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dict);
      return k ? literal(k[1]!) : '';
    };
    out.push({
      byteRange: [a, b, c, d],
      cms: trimDer(raw),
      signed,
      coversWholeFile: c + d === pdf.length,
      reason: str('Reason'),
      signingTime: pdfDate(str('M')),
      subFilter: /\/SubFilter\s*\/([^\s/>]+)/.exec(dict)?.[1] ?? '',
    });
  }
  return out;
}

/** The DER value without the zero padding after it (its length is in its header). */
function trimDer(raw: Uint8Array): Uint8Array {
  if (raw.length < 2 || raw[0] !== 0x30) return raw;
  const first = raw[1]!;
  if (first < 0x80) return raw.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + raw[2 + i]!;
  return raw.subarray(0, Math.min(raw.length, 2 + n + len));
}

/** The document's Keywords (pdf-lib writes them as UTF-16 hex; others as a literal string). */
export function keywordsOf(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(/\/Keywords\s*(?:<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\))/g)) {
    if (m[2] !== undefined) {
      out.push(literal(m[2]));
      continue;
    }
    const hex = m[1]!.replace(/\s/g, '');
    const bytes = bytesFromHex(hex);
    const utf16 = bytes[0] === 0xfe && bytes[1] === 0xff;
    out.push(utf16 ? new TextDecoder('utf-16be').decode(bytes.subarray(2)) : latin1(bytes));
  }
  return out.join(' ');
}
