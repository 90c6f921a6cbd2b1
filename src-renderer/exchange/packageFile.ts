/**
 * A Sinkronisasi package as bytes: io/xlsxStream.ts writes the sheets of exchange/packageBook.ts
 * and SheetJS reads them back for exchange/package.ts to verify. Nothing here decides what a package means.
 */
import type { Envelope, EnvelopeDraft } from './package';
import { packRecords, PackageError, readableDigest, unpackRecords } from './package';
import { machineSheetSpecs, readableSheets } from './packageBook';
import type { ExchangeRecord } from './records';
import type { Signer } from './signature';
import { firstFormula, readWorkbook, sheetRows } from '../io/sheet';
import { writeWorkbookStreamed } from '../io/xlsxStream';

/** Packages may be larger than the files people import (a kabupaten's full copy). */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

/** Writes the package's sheets and signs it: the readable sheets are inside the signed hash. */
export async function writePackageFile(pkg: { envelope: EnvelopeDraft; records: readonly ExchangeRecord[]; signer: Signer }): Promise<{ bytes: Uint8Array; envelope: Envelope }> {
  const readable = readableSheets(pkg.envelope, pkg.records);
  const packed = await packRecords(pkg.envelope, pkg.records, await readableDigest(readable), pkg.signer);
  // Streamed: a part of 60 MB of records never exists as a SheetJS workbook (issue #33).
  return { bytes: writeWorkbookStreamed([...readable, ...machineSheetSpecs(packed.sheets)]), envelope: packed.envelope };
}

export type ReadPackageResult = { ok: true; envelope: Envelope; records: ExchangeRecord[] } | { ok: false; code: string; params: Record<string, unknown> };

export async function readPackageFile(bytes: Uint8Array, appVersion: string): Promise<ReadPackageResult> {
  const read = readWorkbook(bytes, MAX_PACKAGE_BYTES, undefined, { formulas: true });
  if (!read.ok) return { ok: false, code: `import.read.${read.code}`, params: read.params ?? {} };
  const sheets: Record<string, unknown[][]> = {};
  for (const name of read.workbook.SheetNames) {
    // A formula runs when a person opens the file (=HYPERLINK, cmd|…): the app never writes one.
    const cell = firstFormula(read.workbook.Sheets[name]);
    if (cell) return { ok: false, code: 'package.formula', params: { sheet: name, cell } };
    sheets[name] = sheetRows(read.workbook.Sheets[name]);
  }
  try {
    const { envelope, records } = await unpackRecords(sheets, appVersion);
    return { ok: true, envelope, records };
  } catch (err) {
    if (err instanceof PackageError) return { ok: false, code: `package.${err.problem.code}`, params: { ...err.problem } };
    throw err;
  }
}
