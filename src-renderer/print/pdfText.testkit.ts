/** Test-only (unit and e2e): the text and page sizes of a PDF, read with pdfjs-dist. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  text: string;
  width: number;
  height: number;
}

/** Each page's text with items joined by spaces and whitespace collapsed, plus its size in points. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    // pdfmake writes a word per text item; join items that touch, put a space at gaps and line ends.
    let text = '';
    let last: { x: number; y: number } | null = null;
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const x = it.transform[4] as number;
      const y = it.transform[5] as number;
      if (last && (Math.abs(y - last.y) > 1 || x - last.x > 1)) text += ' ';
      text += it.str;
      last = { x: x + it.width, y };
    }
    text = text.replace(/\s+/g, ' ').trim();
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pages.push({ text, width: Math.round((x1 - x0) * 100) / 100, height: Math.round((y1 - y0) * 100) / 100 });
  }
  await doc.destroy();
  return pages;
}

export interface PdfTextItem {
  page: number;
  text: string;
  x: number;
  /** From the bottom edge of the page, in points (the baseline). */
  y: number;
}

/** Every text item with its page (1-based) and position, for tests about where something prints. */
export async function pdfTextItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: PdfTextItem[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const it of content.items) if ('str' in it && it.str.trim()) out.push({ page: i, text: it.str, x: it.transform[4] as number, y: it.transform[5] as number });
  }
  await doc.destroy();
  return out;
}
