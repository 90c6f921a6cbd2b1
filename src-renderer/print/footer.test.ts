/**
 * The footer stays inside what a printer prints: a printer's unprintable border is about 5 mm, so
 * the verification code's line must stay at least 8 mm above the paper's bottom edge whatever the
 * owner's name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, SAMPLE_PEGAWAI, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { prepareDocument } from './documents';
import type { PrintJob, PrintOptions } from './model';
import { installTestFonts } from './pdf.testkit';
import { pdfTextItems } from './pdfText.testkit';

const pack = PERMENPANRB_6_2022;
const MM = 72 / 25.4;
/** Below the baseline, the descenders of 7-pt text. */
const DESCENT = 2;

beforeAll(() => installTestFonts());

const longName = `Raden ${'Mas Panji Wiryo Kusumo '.repeat(13)}`.slice(0, 300).trim();

describe('the footer with a very long name', () => {
  const setups: [string, Partial<PrintOptions>][] = [
    ['A4 portrait', {}],
    ['F4 landscape', { paper: 'F4', orientation: 'landscape' }],
  ];
  it.each(setups)('%s: "Kode verifikasi" is at least 8 mm from the paper edge on every page, and the page count still prints', async (_name, setup) => {
    const opts = { ...SAMPLE_OPTIONS, ...setup };
    const skp = sampleSkp(3, { pegawai: { ...SAMPLE_PEGAWAI, nama: longName } });
    const jobs: PrintJob[] = [
      { kind: 'SKP', skp, pack },
      { kind: 'EVA', evaluation: sampleEvaluation(skp), skp, pack, capaian: 'BAIK' },
      { kind: 'DEK', evaluation: sampleEvaluation(skp), pack, capaian: 'BAIK' },
    ];
    const docs = await Promise.all(jobs.map((j) => prepareDocument(j, opts)));
    const out = await renderComplete(docs, opts, 'nama panjang');
    expect(out.skipped).toEqual([]);
    const items = await pdfTextItems(out.bytes!);
    const kode = items.filter((i) => i.text === 'Kode' || i.text.startsWith('Kode verifikasi'));
    expect(kode.length).toBe(out.pages);
    for (const k of kode) expect(k.y - DESCENT, `page ${k.page}`).toBeGreaterThanOrEqual(8 * MM);
    // The owner line still says whose paper it is and which page.
    const pages = new Set(items.filter((i) => i.text === 'Hal.' || i.text.startsWith('Hal.')).map((i) => i.page));
    expect(pages.size).toBe(out.pages);
    expect(items.some((i) => i.text.startsWith('Raden'))).toBe(true);
  }, 120_000);
});
