/**
 * Putting the slices of a batch back together. Each worker renders a contiguous slice to its own
 * PDF; the slices are joined page by page in order (pdf-lib copies pages with their resources, so
 * each slice keeps its own fonts and page labels). Per-document files go into a stored zip.
 */
import { zipSync } from 'fflate';
import type { PrintRecord } from './documents';
import { fileNameFor } from './output';

export async function joinPdfs(parts: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  if (parts.length === 1) return parts[0]!;
  // Loaded on first join only: evaluating pdf-lib costs every print worker's start otherwise.
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  const out = await PDFDocument.create();
  out.setTitle(title);
  out.setCreator('Kinerja Luring');
  out.setProducer('Kinerja Luring');
  // pdf-lib yields to the event loop every 100 objects read and every 50 written (setTimeout 0,
  // clamped to 4 ms and later under load): in a worker with nothing else to do that made a 0.3 s
  // join take 2 s. Read and write in one go; cancelling terminates the worker anyway.
  for (const bytes of parts) {
    const src = await PDFDocument.load(bytes, { parseSpeed: Infinity, updateMetadata: false });
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return out.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** One file per document, named after its owner; PDFs are compressed already, so stored as is. */
export function zipDocuments(files: readonly Uint8Array[], records: readonly PrintRecord[]): Uint8Array {
  const named: Record<string, Uint8Array> = {};
  files.forEach((f, i) => {
    named[fileNameFor(records[i]!, Object.keys(named))] = f;
  });
  return zipSync(named, { level: 0 });
}
