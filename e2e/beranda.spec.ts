import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { importPeople, launchApp, newProfileDir, selectPeriod, setupOffice } from './helpers';

test('Beranda’s worklist is for the chosen period and “dan N lainnya” opens the whole list', async () => {
  test.setTimeout(180_000);
  const dir = newProfileDir();
  const { context, page } = await launchApp(dir);
  try {
    await setupOffice(page);
    // Twelve staff from an office's own list: nobody has an SKP yet.
    const rows = [['NIP', 'Nama', 'Golongan', 'Jabatan'], ...Array.from({ length: 12 }, (_, i) => [`199001152015031${String(i + 1).padStart(3, '0')}`, `Pegawai ${String(i + 1).padStart(2, '0')}`, 'III/a', 'Analis'])];
    await importPeople(page, rows);

    await page.goto('/#/');
    const work = page.getByTestId('worklist');
    // One period picker above the dashboard serves the worklist too.
    await selectPeriod(page, 'TRIWULAN II (', page.getByTestId('home-period'));
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
