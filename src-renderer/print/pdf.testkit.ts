/** Test-only: pdfmake with the bundled fonts read from assets/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installFonts } from './render';

export function installTestFonts(): void {
  const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url))).toString('base64');
  installFonts({
    regular: read('LiberationSans-Regular.ttf'),
    bold: read('LiberationSans-Bold.ttf'),
    italic: read('LiberationSans-Italic.ttf'),
    arabic: read('NotoSansArabic-Regular.ttf'),
    arabicBold: read('NotoSansArabic-Bold.ttf'),
  });
}
