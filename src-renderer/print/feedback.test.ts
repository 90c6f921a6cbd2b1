/**
 * Many feedback notes on one RHK: the UMPAN BALIK column is narrow, so beyond what sits beside the
 * row the notes continue in a full-width lampiran after the form instead of a page of narrow column
 * per dozen notes. Every note still prints, dated, under its RHK number.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIsoTanggal } from '../domain/dates';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { prepareDocument } from './documents';
import type { PrintOptions } from './model';
import { installTestFonts } from './pdf.testkit';
import { pdfPages } from './pdfText.testkit';

const pack = PERMENPANRB_6_2022;

beforeAll(() => installTestFonts());

function withNotes(count: number) {
  const skp = sampleSkp(3);
  const base = sampleEvaluation(skp);
  const first = skp.rhk[0]!.id;
  const notes = Array.from({ length: count }, (_, i) => ({
    id: `ub-${i}`,
    tanggal: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    teks: `Catatan${i + 1} pelayanan administrasi kependudukan diselesaikan tepat waktu dengan bukti register`,
  }));
  return { skp, ev: { ...base, hasil: { ...base.hasil, [first]: { ...base.hasil[first]!, umpanBalik: notes } } }, notes };
}

describe('120 feedback notes on one RHK', () => {
  const setups: [string, number, Partial<PrintOptions>][] = [
    ['A4 landscape', 9, { orientation: 'landscape' }],
    ['F4 landscape', 9, { paper: 'F4', orientation: 'landscape' }],
  ];
  it.each(setups)('%s: every note prints, in a lampiran after the form, in at most %i pages', async (_name, maxPages, setup) => {
    const opts = { ...SAMPLE_OPTIONS, ...setup };
    const { skp, ev, notes } = withNotes(120);
    const doc = await prepareDocument({ kind: 'EVA', evaluation: ev, skp, pack, capaian: 'BAIK' }, opts);
    const out = await renderComplete([doc], opts, 'umpan balik');
    expect(out.skipped).toEqual([]);
    expect(out.loosened).toEqual([]);
    expect(out.pages).toBeLessThanOrEqual(maxPages);
    const pages = (await pdfPages(out.bytes!)).map((p) => p.text);
    const text = pages.join(' ');
    for (const n of notes) expect(text).toContain(n.teks.split(' ')[0]!);
    expect(text).toContain(formatIsoTanggal(notes[119]!.tanggal));
    // The lampiran comes after the form's signatures and names the RHK of each note.
    const lampiran = pages.findIndex((p) => p.includes('LAMPIRAN EVALUASI KINERJA PEGAWAI'));
    const signed = pages.findIndex((p) => p.includes('PREDIKAT KINERJA PEGAWAI'));
    expect(lampiran).toBeGreaterThan(signed);
    expect(pages[lampiran]).toContain('A.1');
  }, 120_000);

  it('a few notes stay in their column, and no lampiran is printed', async () => {
    const { skp, ev } = withNotes(6);
    const opts = { ...SAMPLE_OPTIONS, orientation: 'landscape' as const };
    const out = await renderComplete([await prepareDocument({ kind: 'EVA', evaluation: ev, skp, pack, capaian: 'BAIK' }, opts)], opts, 'sedikit');
    const text = (await pdfPages(out.bytes!)).map((p) => p.text).join(' ');
    expect(text).not.toContain('LAMPIRAN EVALUASI');
    expect(text).toContain('Catatan6');
  }, 60_000);
});
