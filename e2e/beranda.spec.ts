import { expect, test } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { launchApp, newProfileDir, selectPeriod, setupOffice } from './helpers';

test('Beranda’s worklist is for the chosen period and “dan N lainnya” opens the whole list', async () => {
  test.setTimeout(180_000);
  const dir = newProfileDir();
  const { context, page } = await launchApp(dir);
  try {
    await setupOffice(page);
    // Twelve staff from an office's own list: nobody has an SKP yet.
    const rows = [['NIP', 'Nama', 'Golongan', 'Jabatan'], ...Array.from({ length: 12 }, (_, i) => [`199001152015031${String(i + 1).padStart(3, '0')}`, `Pegawai ${String(i + 1).padStart(2, '0')}`, 'III/a', 'Analis'])];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Pegawai');
    const file = path.join(tmpdir(), `${Date.now()}-staf.xlsx`);
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await page.goto('/#/impor-ekspor');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
    await chooser.setFiles(file);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByRole('button', { name: 'Impor 12 data' }).click();
    await expect(page.getByText(/Impor selesai: 12 baru/)).toBeVisible();
    rmSync(file, { force: true });

    await page.goto('/#/');
    const work = page.getByTestId('worklist');
    await selectPeriod(page, 'TRIWULAN II (', work);
    await expect(work.getByRole('heading', { level: 2 })).toContainText('periode TRIWULAN II');
    const noSkp = page.getByTestId('work-noSkp');
    await noSkp.locator('summary').click();
    await expect(noSkp.getByRole('link')).toHaveCount(8);
    await noSkp.getByRole('button', { name: 'dan 4 lainnya' }).click();
    await expect(noSkp.getByRole('link')).toHaveCount(12);
    await expect(noSkp.getByRole('link', { name: 'Pegawai 12' })).toBeVisible();
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
