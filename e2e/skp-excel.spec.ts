import { expect, test } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { addCurugOffice, fillRhk, openSkpOf, setupOffice, shot, withApp } from './helpers';

const KASI_RHK = 'Terselenggaranya pelayanan administrasi kependudukan';

/** Writes an SKP row into the first empty prepared row of the employee's block, as a kasi would in Excel. */
function fillFor(ws: XLSX.WorkSheet, nama: string, rows: string[][]) {
  const data = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '', raw: false });
  const free = data.map((r, i) => (r[1] === nama && !r[3] && !r[6] ? i : -1)).filter((i) => i >= 0);
  expect(free.length, nama).toBeGreaterThanOrEqual(rows.length);
  rows.forEach((r, k) => XLSX.utils.sheet_add_aoa(ws, [[null, null, ...r]], { origin: `A${free[k]! + 1}` }));
}

test('the SKP template of the office is filled in Excel for three staff and comes back as draft SKPs with their cascading', async () => {
  test.setTimeout(180_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page);
    // The kasi's own SKP exists: her staff intervene in its RHK.
    await openSkpOf(page, 'Rina Marlina');
    await fillRhk(page, KASI_RHK, 'Jumlah layanan', '1.200 Layanan');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);

    await page.goto('/#/impor-ekspor');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Unduh templat SKP \d{4}$/ }).click()]);
    const wb = XLSX.read(readFileSync((await dl.path())!));
    expect(wb.SheetNames).toEqual(['Petunjuk', 'Data', 'Daftar', 'Ekspektasi', 'RhkAtasan', '_meta']);
    const ws = wb.Sheets['Data']!;
    fillFor(ws, 'Drs. Asep Saepudin', [['Utama', 'Meningkatnya kualitas pelayanan publik kecamatan', '', 'Kualitas', 'Indeks kepuasan masyarakat', '85']]);
    fillFor(ws, 'Budi Hartono', [
      ['Utama', 'Tersusunnya surat keterangan kependudukan', KASI_RHK, 'Kuantitas', 'Jumlah surat keterangan', '1.200 Surat'],
      ['', '', '', 'Waktu', 'Lama penyelesaian', '1 hari'],
    ]);
    fillFor(ws, 'Dewi Lestari', [['Utama', 'Terkelolanya data kependudukan', KASI_RHK, 'Kuantitas', 'Jumlah data dimutakhirkan', '500 Data']]);
    const filled = path.join(tmpdir(), `${Date.now()}-skp.xlsx`);
    writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
    await chooser.setFiles(filled);
    const counts = page.getByTestId('import-counts');
    await expect(counts).toContainText('3 baru');
    await expect(counts).toContainText('1 tidak berubah');
    await expect(counts).toContainText('0 baris galat');
    await expect(page.getByTestId('import-new-skp')).toHaveText('SKP draf baru untuk: Drs. Asep Saepudin, Budi Hartono, Dewi Lestari.');
    await shot(page, '37-impor-skp', page.getByTestId('import-preview'));
    await page.getByRole('button', { name: 'Impor 3 data' }).click();
    await expect(page.getByText(/Impor selesai: 3 baru/)).toBeVisible();
    rmSync(filled, { force: true });

    await openSkpOf(page, 'Budi Hartono');
    await expect(page.getByTestId('skp-status')).toHaveText('Draf');
    const card = page.getByTestId('rhk-group-UTAMA').getByTestId('rhk-card').first();
    await expect(card.getByLabel('Rencana hasil kerja 1')).toHaveValue('Tersusunnya surat keterangan kependudukan');
    await expect(card.getByLabel('RHK pimpinan yang diintervensi').locator('option:checked')).toHaveText(`A.1 ${KASI_RHK}`);
    await expect(card.getByLabel('Indikator kinerja individu 2')).toHaveValue('Lama penyelesaian');
  });
});
