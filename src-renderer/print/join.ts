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
  for (const bytes of parts) {
    const src = await PDFDocument.load(bytes);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  return out.save({ useObjectStreams: false });
}

/** One file per document, named after its owner; PDFs are compressed already, so stored as is. */
export function zipDocuments(files: readonly Uint8Array[], records: readonly PrintRecord[]): Uint8Array {
  const named: Record<string, Uint8Array> = {};
  files.forEach((f, i) => {
    named[fileNameFor(records[i]!, Object.keys(named))] = f;
  });
  return zipSync(named, { level: 0 });
}
