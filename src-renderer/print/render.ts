/**
 * pdfmake set up for offline use: the bundled Liberation Sans family (SIL OFL, assets/fonts) in
 * pdfmake's virtual file system, and URL and local-file access denied, so a document can never make
 * pdfmake fetch a font or an image. Images (logo, scanned signatures) arrive as data URLs.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT } from './layout';

/** Base64 of the three font files; the worker passes Vite-inlined assets, tests read the files. */
export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
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
  pm.addVirtualFileSystem({ 'LiberationSans-Regular.ttf': fonts.regular, 'LiberationSans-Bold.ttf': fonts.bold, 'LiberationSans-Italic.ttf': fonts.italic });
  // No bold-italic file is shipped: the forms never use it, and Bold stands in if one ever does.
  pm.setFonts({ [FONT]: { normal: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf', italics: 'LiberationSans-Italic.ttf', bolditalics: 'LiberationSans-Bold.ttf' } });
  pm.setUrlAccessPolicy(() => false);
  // The browser build has no setter; the property is what its printer reads.
  pm.localAccessPolicy = () => false;
  installed = true;
}

export async function renderPdf(def: TDocumentDefinitions): Promise<Uint8Array> {
  if (!installed) throw new Error('installFonts() first');
  const buf = await pdfMake.createPdf(def).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Strip "data:…;base64," from a Vite `?inline` import. */
export function base64Of(dataUrl: string): string {
  const i = dataUrl.indexOf('base64,');
  return i >= 0 ? dataUrl.slice(i + 7) : dataUrl;
}
