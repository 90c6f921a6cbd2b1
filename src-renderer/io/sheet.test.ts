import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { dataRowCount, MAX_ROWS, readWorkbook, sheetRows } from './sheet';

function workbook(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Pegawai');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The same file with the sheet's <dimension> claiming a million rows, as some generators write. */
function claimingMillionRows(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  files[name] = strToU8(strFromU8(files[name]!).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z1000000"/>'));
  return zipSync(files);
}

function countOf(bytes: Uint8Array): number {
  const read = readWorkbook(bytes, undefined, MAX_ROWS);
  if (!read.ok) throw new Error(read.code);
  const ws = read.workbook.Sheets['Pegawai'];
  return dataRowCount(sheetRows(ws), ws, MAX_ROWS);
}

describe('an import reads at most its row limit, and still says how long the sheet is', () => {
  it('a sheet of 45,000 rows is parsed only up to the cap and reported with its real length', () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => [`1990010120150110${String(i).padStart(2, '0')}`, `Pegawai ${i}`]);
    const read = readWorkbook(workbook(rows), undefined, MAX_ROWS);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(sheetRows(read.workbook.Sheets['Pegawai']).length).toBeLessThan(MAX_ROWS + 1000);
    expect(countOf(workbook(rows))).toBe(45_000);
  });

  it('a short table is counted to its last filled row, whatever its dimension claims', () => {
    const rows = [['NIP', 'Nama'], ['199001012015011001', 'Budi'], ['199001012015011002', 'Sari']];
    expect(countOf(workbook(rows))).toBe(3);
    const lying = claimingMillionRows(workbook(rows));
    expect(strFromU8(unzipSync(lying)['xl/worksheets/sheet1.xml']!)).toContain('A1:Z1000000');
    expect(countOf(lying)).toBe(3);
  });
});
