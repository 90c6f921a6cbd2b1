import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { addCurugOffice, addPerson, CURUG_STAFF, launchApp, newProfileDir, setupOffice, shot } from './helpers';

async function download(page: Page, button: string, dir: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

/** The downloaded template, filled from row 4 on (row 3 keeps the example, which the importer skips). */
function fill(template: string, rows: unknown[][], out: string): string {
  const wb = XLSX.read(readFileSync(template));
  XLSX.utils.sheet_add_aoa(wb.Sheets['Data']!, rows, { origin: 'A4' });
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return out;
}

async function chooseFile(page: Page, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

async function expectCount(page: Page, text: string) {
  await page.goto('/#/pegawai');
  await expect(page.getByTestId('pegawai-count')).toHaveText(text);
}

const RINA = ['198211032006042011', 'Rina Marlina', '', 'S.IP.', 'PNS', 'P', '03-11-1982', 'III/d', '01-04-2018', 'Kepala Seksi Pemerintahan', 'Pengawas', '', 'Seksi Pemerintahan', '197305121998031004'];
const BUDI = ['1990 0115 2015 03 1 002', 'Budi Hartono', '', '', 'PNS', 'L', '15 Januari 1990', 'Penata Muda (III/a)', '', 'Analis Pemerintahan', 'Pelaksana', '', 'Seksi Pemerintahan', '198211032006042011'];

test('template → fill → import with preview; bad rows, cancel, re-import and a formula-looking name', async () => {
  test.setTimeout(120_000);
  const dir = newProfileDir();
  const files = newProfileDir();
  const { context, page } = await launchApp(dir);
  try {
    await setupOffice(page);
    await addCurugOffice(page, CURUG_STAFF.slice(0, 1));

    await page.goto('/#/impor-ekspor');
    const template = await download(page, 'Unduh templat Pegawai', files);
    // The template: Petunjuk, Data with a key row, Daftar, hidden _meta; the NIP example is a text cell.
    const twb = XLSX.read(readFileSync(template));
    expect(twb.SheetNames).toEqual(['Petunjuk', 'Data', 'Daftar', '_meta']);
    expect(twb.Workbook?.Sheets?.[3]?.Hidden).toBe(1);
    expect(twb.Sheets['Data']!['A3']).toMatchObject({ t: 's', v: '198001012005011001' });

    // 1. A good file: preview, confirm, the list shows them.
    const good = fill(template, [BUDI, RINA], path.join(files, 'pegawai-seksi.xlsx'));
    await chooseFile(page, good);
    await expect(page.getByTestId('import-mapping')).toContainText('templat Pegawai');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await expect(page.getByTestId('import-counts')).toContainText('2 baru');
    await expect(page.getByTestId('import-counts')).toContainText('0 baris galat');
    await page.getByRole('button', { name: 'Impor 2 data' }).click();
    await expect(page.getByText(/Impor selesai: 2 baru/)).toBeVisible();
    await page.goto('/#/pegawai');
    await expect(page.getByTestId('pegawai-row').filter({ hasText: 'Budi Hartono' })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Rina Marlina, S\.IP\./ })).toBeVisible();
    await expectCount(page, '3 dari 3 pegawai');

    // 2. Bad rows are reported with their Excel row numbers; nothing is written, Cancel writes nothing.
    const bad = fill(template, [
      // Her NIP says woman, the sheet says man: a warning that does not block the row.
      ['199507072019022003', 'Dewi Lestari', '', '', 'PNS', 'L', '', 'II/c', '', 'Pengolah Data', '', '', 'Seksi Pemerintahan', '198211032006042011'],
      [199001152015031000, 'Eko Prasetyo', '', '', 'PNS', 'L', '', 'III/a', '', 'Analis', '', '', 'Seksi Pemerintahan', ''],
      ['198805052010011005', 'Fajar Nugraha', '', '', 'PNS', 'L', '', 'III/b', '', 'Pranata Komputer', '', '', 'Seksi Keuangan', ''],
    ], path.join(files, 'pegawai-bermasalah.xlsx'));
    await page.goto('/#/impor-ekspor');
    await chooseFile(page, bad);
    await page.getByRole('button', { name: 'Periksa' }).click();
    // Every row as read, its problems on the row itself (#30 item 3); the refused cell shows what the file says.
    const rows = page.getByTestId('import-row');
    await expect(rows).toHaveCount(3);
    const eko = rows.filter({ hasText: 'Eko Prasetyo' });
    await expect(eko).toHaveAttribute('data-outcome', 'galat');
    await expect(eko).toContainText('Kolom A: ');
    await expect(eko).toContainText('Format kolom NIP sebagai Teks');
    const fajar = rows.filter({ hasText: 'Fajar Nugraha' });
    await expect(fajar.locator('.cell-refused')).toHaveText('Seksi Keuangan');
    await expect(fajar).toContainText('Kolom M: ');
    const dewi = rows.filter({ hasText: 'Dewi Lestari' });
    await expect(dewi).toHaveAttribute('data-outcome', 'baru');
    await expect(dewi.locator('.note-warn')).toContainText('Kolom A: ');
    await expect(dewi).toContainText('Rina Marlina, S.IP.');
    await expect(page.getByTestId('import-counts')).toContainText('1 baru');
    await expect(page.getByTestId('import-counts')).toContainText('2 baris galat');
    await expect(page.getByTestId('import-counts')).toContainText('1 baris dengan peringatan');
    // The filters narrow the table to the rows to fix, or to the ones to double-check.
    await page.getByRole('button', { name: 'Galat (2)' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Dewi Lestari' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Peringatan (1)' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Dewi Lestari');
    await expect(page.getByRole('button', { name: 'Berubah (0)' })).toBeDisabled();
    await page.getByRole('button', { name: 'Semua (3)' }).click();
    await shot(page, '77-impor-baris', page.getByTestId('import-rows'));
    await expect(page.getByRole('button', { name: 'Impor 1 data' })).toBeDisabled();
    await page.getByRole('button', { name: 'Batal', exact: true }).click();
    await expect(page.getByText('Impor dibatalkan; tidak ada data yang diubah.')).toBeVisible();
    await expectCount(page, '3 dari 3 pegawai');

    // … and with "import only valid rows" the one good row goes in, in one transaction.
    await page.goto('/#/impor-ekspor');
    await chooseFile(page, bad);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByLabel(/Impor hanya baris yang valid/).check();
    await page.getByRole('button', { name: 'Impor 1 data' }).click();
    await expect(page.getByText(/Impor selesai: 1 baru, 0 berubah, 0 tidak berubah, 2 baris galat/)).toBeVisible();
    await expect(page.getByTestId('import-log')).toContainText('pegawai-bermasalah.xlsx');

    // 2b. A changed row says old → new, dates as understood; the unchanged row says so.
    const promoted = fill(template, [BUDI, [...RINA.slice(0, 7), 'IV/a', '01-04-2024', ...RINA.slice(9)]], path.join(files, 'pegawai-naik-pangkat.xlsx'));
    await chooseFile(page, promoted);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByRole('button', { name: 'Berubah (1)' }).click();
    const rina = page.getByTestId('import-row');
    await expect(rina).toHaveCount(1);
    await expect(rina).toHaveAttribute('data-outcome', 'berubah');
    await expect(rina).toContainText('Golongan ruang: III/d → IV/a');
    await expect(rina).toContainText('TMT golongan: 1 April 2018 → 1 April 2024');
    await expect(rina.locator('.cell-changed')).toHaveText(['IV/a', 'TMT 1 April 2024']);
    await page.getByRole('button', { name: 'Semua (2)' }).click();
    await expect(page.getByTestId('import-row').filter({ hasText: 'Budi Hartono' })).toContainText('tidak berubah');
    await expect(page.getByTestId('import-row').filter({ hasText: 'Budi Hartono' })).toContainText('15 Januari 1990');
    await shot(page, '78-impor-berubah', page.getByTestId('import-rows'));
    await page.getByRole('button', { name: 'Batal', exact: true }).click();

    // 3. Importing the same good file again changes nothing.
    await chooseFile(page, good);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await expect(page.getByTestId('import-counts')).toContainText('2 tidak berubah');
    await expect(page.getByText(/sudah diimpor pada/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Impor 0 data' })).toBeDisabled();
    await page.getByRole('button', { name: 'Batal', exact: true }).click();

    // 4. A name like "=1+1" is exported as text and re-imports as the same text.
    await addPerson(page, { nip: '199203032019031001', nama: '=1+1', golongan: 'III/a', jabatan: 'Pengadministrasi Umum', unit: 'Seksi Pemerintahan' });
    await page.goto('/#/impor-ekspor');
    const exported = await download(page, 'Ekspor pegawai aktif', files);
    const ewb = XLSX.read(readFileSync(exported));
    const data = XLSX.utils.sheet_to_json<string[]>(ewb.Sheets['Data']!, { header: 1, raw: false });
    const row = data.findIndex((r) => r[0] === '199203032019031001');
    const cell = ewb.Sheets['Data']![`B${row + 1}`];
    expect(cell).toMatchObject({ t: 's', v: '=1+1' });
    expect(cell?.f).toBeUndefined();
    await chooseFile(page, exported);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await expect(page.getByTestId('import-counts')).toContainText('0 baru');
    await expect(page.getByTestId('import-counts')).toContainText('0 berubah');
    await expect(page.getByTestId('import-counts')).toContainText('5 tidak berubah');
    await page.getByRole('button', { name: 'Batal', exact: true }).click();
    await page.goto('/#/pegawai');
    await expect(page.getByTestId('pegawai-row').filter({ hasText: '=1+1' })).toBeVisible();

    // 5. The Unit kerja template: a new section with its head (by NIP) and a sub-unit below it.
    await page.goto('/#/impor-ekspor');
    const unitTemplate = await download(page, 'Unduh templat Unit kerja', files);
    const units = fill(unitTemplate, [['Subbagian Umum', 'Sekretariat', ''], ['Sekretariat', 'Kecamatan Curug', '198211032006042011']], path.join(files, 'unit-kerja.xlsx'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
    await chooser.setFiles(units);
    await expect(page.getByTestId('import-counts')).toContainText('2 baru');
    await page.getByRole('button', { name: 'Impor 2 data' }).click();
    await expect(page.getByText(/Impor selesai: 2 baru/)).toBeVisible();
    await page.getByRole('link', { name: 'Buka daftar unit kerja' }).click();
    await expect(page.getByTestId('unit-node').filter({ hasText: 'Sekretariat' }).first()).toContainText('Rina Marlina');
    await expect(page.getByTestId('unit-node').filter({ hasText: 'Subbagian Umum' })).toBeVisible();
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
});
