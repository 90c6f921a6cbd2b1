/**
 * The DEKP is one page for promotion files whenever its content leaves room; the page estimate
 * decides, before any render, whether the form is held together. Scanned across the window where
 * the catatan stops fitting, with the long names and long texts real offices type: the form as
 * defined (no loosened fallback) prints whole, the heading stays with its text, and the form is one
 * page whenever it fits in one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import type { PersonSnapshot } from '../domain/skp';
import { longRekap, numberedWords, SAMPLE_OPTIONS, SAMPLE_PEGAWAI, sampleEvaluation, sampleSkp } from '../sample/printSamples';
import { incompleteDocs, textLeaves } from './completeness';
import { documentDefinition, prepareDocument, type PreparedDoc } from './documents';
import type { PrintJob, PrintOptions } from './model';
import { installTestFonts } from './pdf.testkit';
import { pdfTextItems } from './pdfText.testkit';
import { renderDrawn } from './render';

const pack = PERMENPANRB_6_2022;

beforeAll(() => installTestFonts());

/** Words of ordinary length, `n` characters in all. */
function prose(n: number): string {
  const words = 'pelatihan kompetensi teknis pelayanan administrasi kependudukan secara daring bagi seluruh staf seksi'.split(' ');
  let s = '';
  for (let i = 0; s.length < n; i++) s += (s ? ' ' : '') + words[i % words.length];
  return s.slice(0, n).trimEnd();
}

/** Rendered as defined: complete (nothing pdfmake dropped), with each text item's page. */
async function renderBare(doc: PreparedDoc, opts: PrintOptions) {
  const { bytes, drawn } = await renderDrawn(documentDefinition([doc], opts, 'x'));
  const complete = incompleteDocs([textLeaves(doc.content)], drawn).length === 0;
  return { complete, items: await pdfTextItems(bytes) };
}

function dekp(catatan: string, pegawai: PersonSnapshot = SAMPLE_PEGAWAI): PrintJob {
  const skp = sampleSkp(2, { pegawai });
  return { kind: 'DEK', evaluation: sampleEvaluation(skp, { rekomendasi: { pengembangan: catatan, penghargaan: '', pembinaan: '' } }), pack, capaian: 'BAIK' };
}

const longPerson: PersonSnapshot = { ...SAMPLE_PEGAWAI, nama: `Raden ${'Mas Panji Wiryo Kusumo '.repeat(13)}`.slice(0, 300).trim(), jabatan: prose(160) };

describe('the DEKP page estimate', () => {
  const setups: [string, Partial<PrintOptions>, PersonSnapshot, number][] = [
    ['A4, an ordinary name', {}, SAMPLE_PEGAWAI, 10],
    ['F4, an ordinary name', { paper: 'F4' }, SAMPLE_PEGAWAI, 50],
    ['A4, a 300-character name and a long jabatan', {}, longPerson, 10],
  ];
  it.each(setups)('%s: catatan of 1,000 to 2,000 characters (steps as listed) print whole, heading with text, one page when it fits', async (_name, setup, person, step) => {
    const opts: PrintOptions = { ...SAMPLE_OPTIONS, ...setup };
    const problems: string[] = [];
    let onePage = 0;
    for (let n = 1000; n <= 2000; n += step) {
      const doc = await prepareDocument(dekp(prose(n), person), opts);
      const { complete, items } = await renderBare(doc, opts);
      const pages = Math.max(...items.map((i) => i.page));
      // pdfmake writes a word per text item.
      const pageOf = (word: string) => items.find((i) => i.text === word)?.page;
      if (!complete) problems.push(`${n}: something not printed`);
      // The heading and the first words of the catatan on one page.
      if (pageOf('CATATAN/') !== pageOf('Pengembangan')) problems.push(`${n}: heading alone at the foot of a page`);
      // The kop and the title open page 1: no gap where a held-together form was pushed down.
      if (pageOf('DOKUMEN') !== 1 || pageOf('DINILAI') !== 1) problems.push(`${n}: page 1 without the title`);
      if (pages === 1) onePage++;
      // Where the estimate used to hold a form together that did not fit (1,430–1,530), it still fits.
      else if (person === SAMPLE_PEGAWAI && n <= 1500) problems.push(`${n}: two pages where one holds it`);
      // A second page holds more than a stray line: the last catatan piece travels with the signatures.
      if (pages > 1 && !items.some((i) => i.page === pages && i.text.startsWith('Pejabat'))) problems.push(`${n}: signatures not on the last page`);
    }
    expect(problems.join("\n")).toBe("");
    // The ordinary forms fit on one page at the short end of the window.
    if (person === SAMPLE_PEGAWAI) expect(onePage).toBeGreaterThan(0);
  }, 600_000);
});

describe('long texts on the rekap', () => {
  it.each([4000, 4750, 6000, 9000])('a justifikasi of %i characters prints whole as defined', async (n) => {
    const doc = await prepareDocument({ kind: 'RKP', rekap: { ...longRekap(), justifikasi: numberedWords('alasan', Math.ceil(n / 9)).slice(0, n) } }, SAMPLE_OPTIONS);
    const { complete } = await renderBare(doc, SAMPLE_OPTIONS);
    expect(complete).toBe(true);
  }, 120_000);
});
