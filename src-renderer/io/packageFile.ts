/**
 * A Sinkronisasi package as bytes: SheetJS writes the sheets of exchange/packageBook.ts and reads
 * them back for exchange/package.ts to verify. Nothing here decides what a package means.
 */
import type { Envelope } from '../exchange/package';
import { packRecords, PackageError, unpackRecords } from '../exchange/package';
import { packageSheets } from '../exchange/packageBook';
import type { ExchangeRecord } from '../exchange/records';
import { buildWorkbook, readWorkbook, sheetRows, writeWorkbook } from './sheet';

/** Packages may be larger than the files people import (a kabupaten's full copy). */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

export async function writePackageFile(envelope: Omit<Envelope, 'rows' | 'hash'>, records: readonly ExchangeRecord[]): Promise<{ bytes: Uint8Array; envelope: Envelope }> {
  const packed = await packRecords(envelope, records);
  const wb = buildWorkbook(packageSheets(packed.envelope, packed.sheets, records));
  return { bytes: writeWorkbook(wb), envelope: packed.envelope };
}

export type ReadPackageResult = { ok: true; envelope: Envelope; records: ExchangeRecord[] } | { ok: false; code: string; params: Record<string, unknown> };

export async function readPackageFile(bytes: Uint8Array, appVersion: string): Promise<ReadPackageResult> {
  const read = readWorkbook(bytes, MAX_PACKAGE_BYTES);
  if (!read.ok) return { ok: false, code: `import.read.${read.code}`, params: read.params ?? {} };
  const sheets: Record<string, unknown[][]> = {};
  for (const name of read.workbook.SheetNames) sheets[name] = sheetRows(read.workbook.Sheets[name]);
  try {
    const { envelope, records } = await unpackRecords(sheets, appVersion);
    return { ok: true, envelope, records };
  } catch (err) {
    if (err instanceof PackageError) return { ok: false, code: `package.${err.problem.code}`, params: { ...err.problem } };
    throw err;
  }
}
