/**
 * Renders print jobs off the main thread: a 500-form batch takes many seconds in pdfmake, and the
 * screen must stay usable (and cancellable) meanwhile. The client runs one of these per core on a
 * slice of the batch and asks one of them to join the slices. Cancel = the client terminates them.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import bold from '../../assets/fonts/LiberationSans-Bold.ttf?inline';
import italic from '../../assets/fonts/LiberationSans-Italic.ttf?inline';
import regular from '../../assets/fonts/LiberationSans-Regular.ttf?inline';
import arabicBold from '../../assets/fonts/NotoSansArabic-Bold.ttf?inline';
import arabic from '../../assets/fonts/NotoSansArabic-Regular.ttf?inline';
import { renderComplete, type SkippedDoc } from '../print/batch';
import { dashboardDefinition } from '../print/dashboard';
import { documentDefinition, prepareDocument, type PreparedDoc, type PrintRecord } from '../print/documents';
import { joinPdfs, zipDocuments } from '../print/join';
import type { PrintRequest, PrintResponse } from './printProtocol';
import { base64Of, installFonts, renderPdf } from '../print/render';
import { countPages } from '../print/output';
import { workerScope } from './workerSession';

const ctx = workerScope<PrintRequest, PrintResponse>();

installFonts({ regular: base64Of(regular), bold: base64Of(bold), italic: base64Of(italic), arabic: base64Of(arabic), arabicBold: base64Of(arabicBold) });
ctx.postMessage({ type: 'ready' });

async function prepareAll(req: Extract<PrintRequest, { jobs: unknown }>): Promise<PreparedDoc[]> {
  const docs: PreparedDoc[] = [];
  for (const [i, job] of req.jobs.entries()) {
    docs.push(await prepareDocument(job, req.opts));
    if (i % 25 === 0 || i === req.jobs.length - 1) ctx.postMessage({ type: 'progress', phase: 'prepare', unit: 'count', done: i + 1, total: req.jobs.length });
  }
  return docs;
}

async function print(req: Extract<PrintRequest, { type: 'print' }>): Promise<void> {
  const t0 = performance.now();
  const docs = await prepareAll(req);
  const t1 = performance.now();
  const files: Uint8Array[] = [];
  const records: PrintRecord[] = [];
  const skipped: SkippedDoc[] = [];
  let pages = 0;
  if (req.output === 'SATU_PDF') {
    // pdfmake reports progress after every item it draws (hundreds of thousands in a batch):
    // pass on only whole-percent steps, or the messages cost more than the drawing.
    let lastPct = -1;
    (pdfMake as unknown as { setProgressCallback(cb: (p: number) => void): void }).setProgressCallback((p) => {
      const pct = Math.floor(p * 100);
      if (pct === lastPct) return;
      lastPct = pct;
      ctx.postMessage({ type: 'progress', phase: 'render', unit: 'percent', done: pct, total: 100 });
    });
    const out = await renderComplete(docs, req.opts, req.title);
    if (out.bytes) files.push(out.bytes);
    records.push(...out.printed);
    skipped.push(...out.skipped);
    pages = out.pages;
  } else {
    for (const [i, d] of docs.entries()) {
      const out = await renderComplete([d], req.opts, d.record.title);
      if (out.bytes) files.push(out.bytes);
      records.push(...out.printed);
      skipped.push(...out.skipped);
      pages += out.pages;
      ctx.postMessage({ type: 'progress', phase: 'render', unit: 'count', done: i + 1, total: docs.length });
    }
  }
  const ms = { prepare: t1 - t0, render: performance.now() - t1 };
  ctx.postMessage({ type: 'part', files, records, skipped, pages, ms }, files.map((f) => f.buffer as ArrayBuffer));
}

async function join(req: Extract<PrintRequest, { type: 'join' }>): Promise<void> {
  const t0 = performance.now();
  const bytes = req.output === 'SATU_PDF' ? await joinPdfs(req.parts, req.title) : zipDocuments(req.parts, req.records);
  ctx.postMessage({ type: 'joined', bytes, ms: performance.now() - t0 }, [bytes.buffer as ArrayBuffer]);
}

/** Loaded on first use: node-forge and pkijs would cost every print worker's start otherwise. */
const signing = () => import('../tte/signOutput');

async function handle(req: PrintRequest): Promise<void> {
  if (req.type === 'print') return print(req);
  if (req.type === 'join') return join(req);
  if (req.type === 'tte') {
    const outcome = await (await signing()).signOutput(req.req);
    ctx.postMessage({ type: 'tte', outcome }, outcome.ok ? [outcome.bytes.buffer as ArrayBuffer] : []);
    return;
  }
  if (req.type === 'tteWarm') {
    await (await signing()).warmSigning();
    ctx.postMessage({ type: 'rendered', bytes: new Uint8Array(0), pages: 0 });
    return;
  }
  if (req.type === 'tteReady') {
    const bytes = await (await signing()).prepareForEsign(req.req);
    ctx.postMessage({ type: 'rendered', bytes, pages: 0 }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  if (req.type === 'dashboard') {
    const bytes = await renderPdf(dashboardDefinition(req.data));
    ctx.postMessage({ type: 'rendered', bytes, pages: countPages(bytes) }, [bytes.buffer as ArrayBuffer]);
    return;
  }
  // The same work as a run, on one thread: prepare (codes) and render; a run adds checking and joining.
  const t0 = performance.now();
  const docs = await prepareAll(req);
  const bytes = await renderPdf(documentDefinition(docs, req.opts, req.title));
  ctx.postMessage({ type: 'bare', ms: performance.now() - t0, pages: countPages(bytes) });
}

ctx.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => ctx.postMessage({ type: 'failed', detail: String((err as Error)?.message ?? err) }));
};
