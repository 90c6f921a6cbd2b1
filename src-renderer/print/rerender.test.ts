/**
 * A prepared document may be rendered more than once: the batch renders it again after another
 * document of the slice threw or came out incomplete, and renders a loosened copy twice. pdfmake
 * writes layout state (and its image keys) into the content objects, so every render must start
 * from content it has not touched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { longEvaluation, longSkp, SAMPLE_OPTIONS, SAMPLE_PEGAWAI, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { renderComplete } from './batch';
import { documentDefinition, prepareDocument, type PreparedDoc } from './documents';
import type { PrintOptions } from './model';
import { installTestFonts } from './pdf.testkit';
import { pdfPages } from './pdfText.testkit';
import { renderPdf } from './render';

const pack = PERMENPANRB_6_2022;

beforeAll(() => installTestFonts());

/** A 1×1 PNG, whole; and the same file cut short, as a half-copied scan arrives. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const GOOD_SIGNATURE = `data:image/png;base64,${PNG_1PX}`;
const TRUNCATED_SIGNATURE = `data:image/png;base64,${PNG_1PX.slice(0, 40)}`;

async function pageTexts(docs: readonly PreparedDoc[], opts: PrintOptions): Promise<string[]> {
  return (await pdfPages(await renderPdf(documentDefinition(docs, opts, 'x')))).map((p) => p.text);
}

describe('rendering the same prepared documents again', () => {
  it('an evaluation and an SKP print the same pages on the first, second and third render', async () => {
    const skp = longSkp();
    const opts: PrintOptions = { ...SAMPLE_OPTIONS, orientation: 'landscape', tandaTangan: { [SAMPLE_PEGAWAI.employeeId!]: GOOD_SIGNATURE } };
    const eva = await prepareDocument({ kind: 'EVA', evaluation: longEvaluation(skp), skp, pack, capaian: 'BAIK' }, opts);
    const first = await pageTexts([eva], opts);
    expect(await pageTexts([eva], opts)).toEqual(first);
    expect(await pageTexts([eva], opts)).toEqual(first);

    const portrait = { ...opts, orientation: 'portrait' as const };
    const skpDoc = await prepareDocument({ kind: 'SKP', skp, pack }, portrait);
    const once = await pageTexts([skpDoc], portrait);
    await pageTexts([skpDoc], portrait);
    expect(await pageTexts([skpDoc], portrait)).toEqual(once);
  }, 120_000);

  it('a batch with one truncated signature prints the two good forms exactly as alone, and names the bad one', async () => {
    const skps = [sampleSkp(3), sampleSkp(2), sampleSkp(4)].map((s, i) => ({
      ...s,
      id: `skp-${i}`,
      pegawai: { ...s.pegawai, employeeId: `emp-${i}`, nama: `Pegawai Nomor ${i + 1}`, nip: `19800101200501100${i + 1}` },
    }));
    const opts: PrintOptions = { ...SAMPLE_OPTIONS, orientation: 'landscape', tandaTangan: { 'emp-0': GOOD_SIGNATURE, 'emp-1': TRUNCATED_SIGNATURE, 'emp-2': GOOD_SIGNATURE } };
    const docs = await Promise.all(skps.map((skp) => prepareDocument({ kind: 'EVA', evaluation: sampleEvaluation(skp, { id: `eva-${skp.id}`, employeeId: skp.employeeId }), skp, pack, capaian: 'BAIK' }, opts)));
    const alone = [await pageTexts([docs[0]!], opts), await pageTexts([docs[2]!], opts)];

    const out = await renderComplete(docs, opts, 'tiga');
    expect(out.skipped.map((s) => [s.record.ownerNama, s.reason])).toEqual([['Pegawai Nomor 2', 'error']]);
    // The reason is the picture, not a file pdfmake was refused after a first render renamed it.
    expect(out.skipped[0]!.detail).toMatch(/corrupt PNG/);
    expect(out.skipped[0]!.detail).not.toMatch(/\$\$pdfmake\$\$|denied/);
    const pages = (await pdfPages(out.bytes!)).map((p) => p.text);
    expect(pages).toEqual([...alone[0]!, ...alone[1]!]);
  }, 120_000);
});
