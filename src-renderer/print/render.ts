/**
 * pdfmake set up for offline use: the bundled Liberation Sans family (SIL OFL, assets/fonts) in
 * pdfmake's virtual file system, and URL and local-file access denied, so a document can never make
 * pdfmake fetch a font or an image. Images (logo, scanned signatures) arrive as data URLs.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { ARABIC_FONT } from './glyphs';
import { FONT } from './layout';

/** Base64 of the font files; the worker passes Vite-inlined assets, tests read the files. */
export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  /** Noto Sans Arabic, the fallback for names in Arabic script (glyphs.ts). */
  arabic: string;
  arabicBold: string;
}

let installed = false;

export function installFonts(fonts: FontFiles): void {
  if (installed) return;
  const pm = pdfMake as unknown as {
    addVirtualFileSystem(vfs: Record<string, string>): void;
    setFonts(f: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    localAccessPolicy?: (path: string) => boolean;
  };
  pm.addVirtualFileSystem({
    'LiberationSans-Regular.ttf': fonts.regular,
    'LiberationSans-Bold.ttf': fonts.bold,
    'LiberationSans-Italic.ttf': fonts.italic,
    'NotoSansArabic-Regular.ttf': fonts.arabic,
    'NotoSansArabic-Bold.ttf': fonts.arabicBold,
  });
  // No bold-italic file is shipped: the forms never use it, and Bold stands in if one ever does.
  // Arabic has no italic: the upright face stands in.
  pm.setFonts({
    [FONT]: { normal: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf', italics: 'LiberationSans-Italic.ttf', bolditalics: 'LiberationSans-Bold.ttf' },
    [ARABIC_FONT]: { normal: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf', italics: 'NotoSansArabic-Regular.ttf', bolditalics: 'NotoSansArabic-Bold.ttf' },
  });
  pm.setUrlAccessPolicy(() => false);
  // The browser build has no setter; the property is what its printer reads.
  pm.localAccessPolicy = () => false;
  installed = true;
}

/** The strings pdfkit is asked to draw during the current render, or null outside one. */
let drawing: string[] | null = null;
let hooked = false;

/**
 * pdfmake hands every piece of text it places to pdfkit's `text()`; wrapping that method on the
 * document prototype lets a render report what it really drew (completeness.ts). pdfmake does not
 * expose pdfkit, so the prototype is reached through a first tiny document.
 */
async function hookText(): Promise<void> {
  if (hooked) return;
  const doc = (await pdfMake.createPdf({ content: ' ', defaultStyle: { font: FONT } }).getStream()) as object;
  let proto: Record<string, unknown> | null = Object.getPrototypeOf(doc) as Record<string, unknown>;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'text')) proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
  if (!proto) throw new Error('pdfkit text() not found: completeness cannot be checked');
  const original = proto.text as (this: unknown, text: unknown, ...rest: unknown[]) => unknown;
  proto.text = function (this: unknown, text: unknown, ...rest: unknown[]) {
    if (drawing && typeof text === 'string') drawing.push(text);
    return original.call(this, text, ...rest);
  };
  hooked = true;
}

export async function renderPdf(def: TDocumentDefinitions): Promise<Uint8Array> {
  return (await renderDrawn(def)).bytes;
}

/** The PDF and every piece of text drawn into it, in drawing order. */
export async function renderDrawn(def: TDocumentDefinitions): Promise<{ bytes: Uint8Array; drawn: string }> {
  if (!installed) throw new Error('installFonts() first');
  await hookText();
  const pieces: string[] = [];
  drawing = pieces;
  try {
    const buf = await pdfMake.createPdf(def).getBuffer();
    const view = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    // A view on a shared buffer could not be transferred to the main thread on its own.
    const bytes = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength ? view : view.slice();
    return { bytes, drawn: pieces.join('') };
  } finally {
    drawing = null;
  }
}

/** Strip "data:…;base64," from a Vite `?inline` import. */
export function base64Of(dataUrl: string): string {
  const i = dataUrl.indexOf('base64,');
  return i >= 0 ? dataUrl.slice(i + 7) : dataUrl;
}
