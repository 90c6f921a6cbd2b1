/**
 * A workbook is a zip, and a zip can be a bomb: 3 MB that unpack to 3 GB crashed the page inside
 * SheetJS. Before SheetJS sees a file this reads the zip's directory (declared sizes, entries,
 * worksheets) and then inflates it streaming, counting what comes out and throwing the output
 * away, so a file that lies about its sizes is stopped at the limit too, in well under a second.
 * Shared strings are counted on the way ("<si>" elements): two million of them took 2.5 GB.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface ZipLimits {
  /** Unpacked bytes of all entries together. */
  maxUnpacked: number;
  maxEntries: number;
  maxSheets: number;
  maxSharedStrings: number;
}

/** An office's biggest real workbook (30,000 rows, a few sheets) stays far below these. */
export const WORKBOOK_LIMITS: ZipLimits = { maxUnpacked: 300 * 1024 ** 2, maxEntries: 2_000, maxSheets: 100, maxSharedStrings: 1_000_000 };

export type ZipProblem =
  | { code: 'unpackedTooLarge'; params: { mb: number } }
  | { code: 'tooManySheets'; params: { sheets: number; max: number } }
  | { code: 'tooManyStrings'; params: { strings: number; max: number } };

class Stop extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.code);
  }
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const STRINGS = /^xl\/sharedStrings\.xml$/i;

/** What in the zip exceeds the limits, or null (also null for a broken zip: SheetJS names that). */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = WORKBOOK_LIMITS): ZipProblem | null {
  let declared = 0;
  let entries = 0;
  let sheets = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        entries++;
        if (SHEET.test(f.name)) sheets++;
        return false;
      },
    });
  } catch {
    return null;
  }
  const mb = (n: number) => Math.round(n / 1024 ** 2);
  if (declared > limits.maxUnpacked || entries > limits.maxEntries) return { code: 'unpackedTooLarge', params: { mb: mb(declared) } };
  if (sheets > limits.maxSheets) return { code: 'tooManySheets', params: { sheets, max: limits.maxSheets } };

  let inflated = 0;
  let strings = 0;
  const unzip = new Unzip((file) => {
    const counting = STRINGS.test(file.name);
    let tail = '';
    file.ondata = (err, chunk) => {
      if (err) throw err;
      inflated += chunk.length;
      if (inflated > limits.maxUnpacked) throw new Stop({ code: 'unpackedTooLarge', params: { mb: mb(inflated) } });
      if (counting) {
        // Count "<si>" / "<si " openings; the tail keeps one split across two chunks.
        const text = tail + new TextDecoder('latin1').decode(chunk);
        strings += text.match(/<si[\s>]/g)?.length ?? 0;
        tail = text.slice(-3);
        if (strings > limits.maxSharedStrings) throw new Stop({ code: 'tooManyStrings', params: { strings, max: limits.maxSharedStrings } });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (err) {
    if (err instanceof Stop) return err.problem;
    return null;
  }
  return null;
}
