/**
 * The paper as a print shop and a photocopier treat it: every page's QR code must still decode from
 * a 150-dpi scan of a blurred copy, and the DRAF watermark and the table shading must survive a
 * printer's 1-bit halftone at 300 dpi. Rasterised with poppler's pdftoppm (installed by .ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { longEvaluation, longSkp, SAMPLE_OPTIONS, sampleEvaluation, sampleRekap, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { prepareDocument } from './documents';
import { DRAFT_WATERMARK, footerFor, marginsPt, PDF_VERSION, qrSizePt, QR_MODULE_PT, STYLES } from './layout';
import type { PrintJob, PrintOptions } from './model';
import { installTestFonts } from './pdf.testkit';
import { renderPdf } from './render';

const pack = PERMENPANRB_6_2022;

beforeAll(() => installTestFonts());

interface Gray {
  width: number;
  height: number;
  px: Uint8Array;
}

/** Binary PGM (P5) or PBM (P4, 1 = black, turned into 0/255) from pdftoppm. */
function readNetpbm(bytes: Buffer): Gray {
  let pos = 0;
  const token = () => {
    while (/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    const start = pos;
    while (!/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    return bytes.subarray(start, pos).toString('latin1');
  };
  const magic = token();
  const width = Number(token());
  const height = Number(token());
  if (magic === 'P5') token();
  pos++;
  const data = bytes.subarray(pos);
  if (magic === 'P5') return { width, height, px: new Uint8Array(data) };
  const px = new Uint8Array(width * height);
  const rowBytes = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) px[y * width + x] = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255;
  return { width, height, px };
}

function rasterize(pdf: Uint8Array, dpi: number, mode: '-gray' | '-mono'): Gray[] {
  const dir = mkdtempSync(join(tmpdir(), 'kl-shop-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', [mode, '-r', String(dpi), join(dir, 'doc.pdf'), join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('p'))
    .sort()
    .map((f) => readNetpbm(readFileSync(join(dir, f))));
}

/** A photocopy: a 3×3 box blur applied twice (about 1.5 px of spread at 150 dpi) and a greyer black. */
function photocopy(g: Gray): Gray {
  let px = g.px;
  for (let pass = 0; pass < 2; pass++) {
    const out = new Uint8Array(px.length);
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy < 0 || xx < 0 || yy >= g.height || xx >= g.width) continue;
            sum += px[yy * g.width + xx]!;
            n++;
          }
        }
        out[y * g.width + x] = sum / n;
      }
    }
    px = out;
  }
  return { ...g, px: px.map((v) => 60 + (v * 180) / 255) };
}

/** The bottom fifth of the page (the footer) as RGBA for jsQR. */
function decodeFooter(g: Gray): string | null {
  const top = Math.floor(g.height * 0.8);
  const h = g.height - top;
  const rgba = new Uint8ClampedArray(g.width * h * 4);
  for (let i = 0; i < g.width * h; i++) {
    const v = g.px[top * g.width + i]!;
    rgba.set([v, v, v, 255], i * 4);
  }
  return jsQR(rgba, g.width, h)?.data ?? null;
}

describe('a QR code that survives a photocopy', () => {
  it.each([
    [24, 1],
    [25, 2],
    [42, 2],
    [46, 2],
    [47, 3],
    [60, 3],
  ])('a %i-character code uses QR version %i with 2-pt modules', (len, version) => {
    const q = qrSizePt('K'.repeat(len));
    expect(q.version).toBe(version);
    expect(q.size / (17 + 4 * version)).toBeGreaterThanOrEqual(QR_MODULE_PT);
  });

  it('every code length from 20 to 76 (the most version 3, the largest a footer holds, takes) decodes from the footer at 150 dpi after a blur (a code that fills its version exactly did not)', async () => {
    const lengths = Array.from({ length: 57 }, (_, i) => 20 + i);
    // Codes as the app makes them: KL-EVA-0-2026B11-… without a NIP, then the hash.
    const codes = lengths.map((n) => 'KL-EVA-0-2026B11-7Q4M2XK9DPW3HZ8RT5NVB6YC1JSF0GLAE'.padEnd(n, '7Q4M2XK9').slice(0, n));
    const def = {
      defaultStyle: { font: 'LiberationSans' },
      pageMargins: marginsPt(SAMPLE_OPTIONS.margins),
      content: codes.map((c, i) => ({ text: `Halaman ${c}`, pageBreak: i > 0 ? ('before' as const) : undefined })),
      footer: (page: number) => footerFor({ kind: 'EVA', ownerNama: 'Tanpa NIP', nip: '', pppk: false, code: codes[page - 1]! }, SAMPLE_OPTIONS, () => ({ x: 1, y: 1 }))(page),
    };
    const pages = rasterize(await renderPdf(def as never), 150, '-gray');
    const unread = codes.filter((c, i) => decodeFooter(photocopy(pages[i]!)) !== c).map((c) => c.length);
    expect(unread).toEqual([]);
  }, 120_000);

  const setups: [string, Partial<PrintOptions>][] = [
    ['A4 portrait', {}],
    ['F4 landscape', { paper: 'F4', orientation: 'landscape' }],
  ];
  it.each(setups)('%s: every page of a batch decodes at 150 dpi after a blur, and says the printed code', async (_name, setup) => {
    const opts = { ...SAMPLE_OPTIONS, ...setup };
    const skp = longSkp();
    const jobs: PrintJob[] = [
      { kind: 'SKP', skp: sampleSkp(3), pack },
      { kind: 'EVA', evaluation: longEvaluation(skp), skp, pack, capaian: 'BAIK' },
      { kind: 'DEK', evaluation: sampleEvaluation(sampleSkp(2)), pack, capaian: 'BAIK' },
      { kind: 'RKP', rekap: sampleRekap() },
    ];
    const docs = await Promise.all(jobs.map((j) => prepareDocument(j, opts)));
    const out = await renderComplete(docs, opts, 'qr');
    const pages = rasterize(out.bytes!, 150, '-gray');
    expect(pages.length).toBe(out.pages);
    const codes = docs.map((d) => d.record.code);
    const read = pages.map((p) => decodeFooter(photocopy(p)));
    expect(read.filter((c) => c === null)).toEqual([]);
    // Each document's pages carry its own code, in batch order.
    expect([...new Set(read)]).toEqual(codes);
  }, 120_000);
});

describe('print-shop safe', () => {
  const darkShare = (g: Gray, x0: number, y0: number, x1: number, y1: number) => {
    let dark = 0;
    for (let y = Math.floor(y0 * g.height); y < y1 * g.height; y++) for (let x = Math.floor(x0 * g.width); x < x1 * g.width; x++) dark += g.px[y * g.width + x]! < 128 ? 1 : 0;
    return dark / ((x1 - x0) * g.width * (y1 - y0) * g.height);
  };

  it('the DRAF watermark and the head shading still show on a 1-bit 300-dpi render', async () => {
    const def = {
      version: PDF_VERSION,
      defaultStyle: { font: 'LiberationSans' },
      styles: STYLES,
      watermark: DRAFT_WATERMARK,
      // An empty shaded head cell filling the top third of the page; nothing else printed.
      content: [{ table: { widths: ['*'], heights: [250], body: [[{ text: '', style: 'th' }]] }, layout: 'noBorders' }],
    };
    const [page] = rasterize(await renderPdf(def as never), 300, '-mono');
    // The shading: a screen of dots inside the cell.
    expect(darkShare(page!, 0.2, 0.1, 0.8, 0.3)).toBeGreaterThan(0.05);
    // The watermark: dots across the middle of the page, where nothing else is printed.
    expect(darkShare(page!, 0.3, 0.45, 0.7, 0.6)).toBeGreaterThan(0.05);
  });

  it('declares PDF 1.4, as the watermark uses transparency', async () => {
    const out = await renderComplete([await prepareDocument({ kind: 'SKP', skp: { ...sampleSkp(1), status: 'DRAF' }, pack }, SAMPLE_OPTIONS)], SAMPLE_OPTIONS, 'v');
    const head = new TextDecoder('latin1').decode(out.bytes!.subarray(0, 9));
    expect(head).toBe('%PDF-1.4\n');
    expect(new TextDecoder('latin1').decode(out.bytes!)).toContain('/ca 0.3');
  });
});
