import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { prepareDocument } from './documents';
import { joinPdfs, zipDocuments } from './join';
import { installTestFonts } from './pdf.testkit';
import { pdfPages } from './pdfText.testkit';

const pack = PERMENPANRB_6_2022;
beforeAll(() => installTestFonts());

describe('joining the slices of a batch', () => {
  it('one PDF with the slices’ pages in order, each document still numbered and coded on its own', async () => {
    const skp = sampleSkp(3);
    const people = ['Ani', 'Budi', 'Citra', 'Dodi'].map((nama, i) => ({ ...skp.pegawai, nama, nip: `19900315201503100${i}` }));
    const docs = await Promise.all(people.map((pegawai) => prepareDocument({ kind: 'EVA', evaluation: sampleEvaluation({ ...skp, pegawai }, { pegawai }), skp, pack, capaian: 'BAIK' }, SAMPLE_OPTIONS)));
    const a = await renderComplete(docs.slice(0, 2), SAMPLE_OPTIONS, 'a');
    const b = await renderComplete(docs.slice(2), SAMPLE_OPTIONS, 'b');
    const joined = await joinPdfs([a.bytes!, b.bytes!], 'Evaluasi TRIWULAN I');
    const pages = await pdfPages(joined);
    expect(pages).toHaveLength(a.pages + b.pages);
    const owners = pages.map((p) => /Dokumen milik (\w+)/.exec(p.text)![1]);
    expect([...new Set(owners)]).toEqual(['Ani', 'Budi', 'Citra', 'Dodi']);
    const citra = pages.filter((p) => p.text.includes('Dokumen milik Citra'));
    citra.forEach((p, i) => expect(p.text).toContain(`Hal. ${i + 1} dari ${citra.length}`));
    expect(citra[0]!.text).toContain(docs[2]!.record.code);
  });

  it('joins without yielding to the event loop (each yield waits ≥ 4 ms on a loaded PC: 2 s for a 0.3 s join)', async () => {
    const skp = sampleSkp(3);
    const docs = await Promise.all(Array.from({ length: 6 }, (_, i) => prepareDocument({ kind: 'EVA', evaluation: sampleEvaluation(skp, { id: `e${i}` }), skp, pack, capaian: 'BAIK' }, SAMPLE_OPTIONS)));
    const a = await renderComplete(docs.slice(0, 3), SAMPLE_OPTIONS, 'a');
    const b = await renderComplete(docs.slice(3), SAMPLE_OPTIONS, 'b');
    await joinPdfs([a.bytes!, b.bytes!], 'warm'); // pdf-lib is imported on first use
    const timers = vi.spyOn(globalThis, 'setTimeout');
    let yields: number;
    let joined: Uint8Array;
    try {
      joined = await joinPdfs([a.bytes!, b.bytes!], 'x');
      yields = timers.mock.calls.filter(([, ms]) => !ms).length;
    } finally {
      timers.mockRestore();
    }
    expect(yields).toBe(0);
    expect((await pdfPages(joined)).length).toBe(a.pages + b.pages);
  });

  it('per-document files go into a zip named after their owners', async () => {
    const zip = zipDocuments([new Uint8Array([1]), new Uint8Array([2])], [
      { kind: 'EVA', periodId: '2026-TRIWULANAN-1', ownerNama: 'Ani', nip: '1' },
      { kind: 'EVA', periodId: '2026-TRIWULANAN-1', ownerNama: 'Ani', nip: '1' },
    ] as never);
    expect(Object.keys(unzipSync(zip))).toEqual(['EVA-2026-TRIWULANAN-1-Ani-1.pdf', 'EVA-2026-TRIWULANAN-1-Ani-1-2.pdf']);
  });
});
