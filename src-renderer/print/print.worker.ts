/**
 * Renders print jobs off the main thread: a 500-form batch takes many seconds in pdfmake, and the
 * screen must stay usable (and cancellable) meanwhile. Cancel = the client terminates this worker.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import { zipSync } from 'fflate';
import bold from '../../assets/fonts/LiberationSans-Bold.ttf?inline';
import italic from '../../assets/fonts/LiberationSans-Italic.ttf?inline';
import regular from '../../assets/fonts/LiberationSans-Regular.ttf?inline';
import { documentDefinition, prepareDocument, type PreparedDoc } from './documents';
import type { PrintRequest, PrintResponse } from './printProtocol';
import { base64Of, installFonts, renderPdf } from './render';
import { countPages, fileNameFor } from './output';

const ctx = self as unknown as { postMessage(m: PrintResponse, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<PrintRequest>) => void) | null };

installFonts({ regular: base64Of(regular), bold: base64Of(bold), italic: base64Of(italic) });

async function prepareAll(req: Extract<PrintRequest, { jobs: unknown }>): Promise<PreparedDoc[]> {
  const docs: PreparedDoc[] = [];
  for (const [i, job] of req.jobs.entries()) {
    docs.push(await prepareDocument(job, req.opts));
    if (i % 25 === 0 || i === req.jobs.length - 1) ctx.postMessage({ type: 'progress', phase: 'prepare', unit: 'count', done: i + 1, total: req.jobs.length });
  }
  return docs;
}

async function handle(req: PrintRequest): Promise<void> {
  const docs = await prepareAll(req);
  if (req.type === 'bare') {
    const def = documentDefinition(docs, req.opts, req.title);
    const t0 = performance.now();
    const bytes = await renderPdf(def);
    ctx.postMessage({ type: 'bare', ms: performance.now() - t0, pages: countPages(bytes) });
    return;
  }
  let bytes: Uint8Array;
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
    bytes = await renderPdf(documentDefinition(docs, req.opts, req.title));
    pages = countPages(bytes);
  } else {
    const files: Record<string, Uint8Array> = {};
    for (const [i, d] of docs.entries()) {
      const pdf = await renderPdf(documentDefinition([d], req.opts, d.record.title));
      pages += countPages(pdf);
      files[fileNameFor(d.record, Object.keys(files))] = pdf;
      ctx.postMessage({ type: 'progress', phase: 'render', unit: 'count', done: i + 1, total: docs.length });
    }
    // PDFs are already compressed; storing them keeps zipping instant.
    bytes = zipSync(files, { level: 0 });
  }
  ctx.postMessage({ type: 'done', bytes, records: docs.map((d) => d.record), pages }, [bytes.buffer]);
}

ctx.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => ctx.postMessage({ type: 'failed', detail: String((err as Error)?.message ?? err) }));
};
