import { expect, test } from '@playwright/test';
import { addCurugOffice, approvedSkps, openEvaluation, selectPeriod, setUnitHead, setupOffice, shot, withApp } from './helpers';

const Q1 = 'TRIWULAN I (';

test('the unit grid rates two employees with the keyboard, shows each predikat at once, and finalises the one whose realisasi is complete', async () => {
  test.setTimeout(240_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page);
    await setUnitHead(page, 'Seksi Pemerintahan', 'Rina Marlina');
    await approvedSkps(page, [
      ['Budi Hartono', 'Tersusunnya surat keterangan kependudukan'],
      ['Dewi Lestari', 'Terkelolanya data kependudukan'],
    ]);
    // Budi's realisasi is in; Dewi's is not.
    await openEvaluation(page, 'Budi Hartono', Q1);
    await page.getByLabel('Realisasi berdasarkan bukti dukung A.1').fill('30 surat keterangan');
    // Feedback on a past period is dated inside it; Enter adds it.
    await expect(page.getByLabel('Tanggal umpan balik A.1')).toHaveValue('31/03/2026');
    await page.getByLabel('Isi umpan balik A.1').fill('Tepat waktu');
    await page.getByLabel('Isi umpan balik A.1').press('Enter');
    await expect(page.locator('.umpan-balik li')).toContainText('31 Maret 2026: Tepat waktu');
    // Text typed but not added is not lost silently.
    await page.getByLabel('Isi umpan balik A.1').fill('Belum ditambahkan');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Umpan balik pada RHK A.1 sudah diketik tetapi belum ditambahkan.', { exact: false })).toBeVisible();
    await page.getByLabel('Isi umpan balik A.1').fill('');
    // Ctrl+S saves, and the confirmation shows where the admin is looking.
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('toast')).toHaveText('Evaluasi tersimpan.');
    await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);

    await page.goto('/#/penilaian');
    await page.getByRole('link', { name: 'Nilai satu unit' }).click();
    await selectPeriod(page, Q1);
    await page.getByLabel('Unit kerja', { exact: true }).selectOption({ label: '\u00a0\u00a0Seksi Pemerintahan' });
    const grid = page.getByTestId('unit-grid');
    const budi = grid.locator('[data-testid="grid-row"][data-nama="Budi Hartono"]');
    const dewi = grid.locator('[data-testid="grid-row"][data-nama="Dewi Lestari"]');
    await expect(budi).toContainText('1 dari 1 RHK terisi');
    await expect(dewi).toContainText('0 dari 1 RHK terisi');

    // Keyboard: a rating chosen on Budi's row, Enter moves to Dewi's same column.
    const budiHasil = budi.getByLabel('Rating hasil kerja — Budi Hartono');
    await budiHasil.selectOption({ label: 'Di Atas Ekspektasi' });
    await budiHasil.press('Enter');
    await expect(dewi.getByLabel('Rating hasil kerja — Dewi Lestari')).toBeFocused();
    await budi.getByLabel('Rating perilaku kerja — Budi Hartono').selectOption({ label: 'Sesuai Ekspektasi' });
    await expect(budi.getByTestId('grid-predikat')).toHaveText('Baik');
    // Dewi is rated before her evaluation was started: the grid starts it.
    await dewi.getByLabel('Rating hasil kerja — Dewi Lestari').selectOption({ label: 'Di Bawah Ekspektasi' });
    await dewi.getByLabel('Rating perilaku kerja — Dewi Lestari').selectOption({ label: 'Sesuai Ekspektasi' });
    await expect(dewi.getByTestId('grid-predikat')).toHaveText('Butuh Perbaikan');
    await expect(page.getByTestId('grid-summary')).toContainText('Baik: 1');

    await expect(dewi.getByRole('button', { name: 'Finalkan' })).toBeDisabled();
    // The whole unit at once (#30 item 2): a preview of who will be locked and who cannot be, and why.
    await page.getByRole('button', { name: 'Finalkan unit Seksi Pemerintahan…' }).click();
    const preview = page.getByTestId('grid-finalise-preview');
    await expect(preview).toContainText('1 evaluasi akan difinalkan dan dikunci');
    await expect(preview).toContainText('Budi Hartono');
    await expect(page.getByTestId('grid-finalise-blocked')).toContainText('Dewi Lestari');
    await expect(page.getByTestId('grid-finalise-blocked')).toContainText('realisasi belum diisi');
    await shot(page, '76-finalkan-unit', preview);
    await preview.getByRole('button', { name: 'Finalkan 1 evaluasi' }).click();
    await expect(page.getByTestId('grid-finalise')).toContainText('1 evaluasi difinalkan.');
    await expect(budi).toContainText('Final');
    await expect(dewi.getByRole('button', { name: 'Finalkan' })).toBeVisible();
    await expect(budi.getByLabel('Rating hasil kerja — Budi Hartono')).toBeDisabled();
    await shot(page, '39-nilai-satu-unit', grid);

    // The period chosen here is the period on every other screen, and after a restart.
    for (const screen of ['/#/penilaian', '/#/penilaian/distribusi', '/#/cetak']) {
      await page.goto(screen);
      await expect(page.getByLabel('Periode', { exact: true }).first().locator('option:checked')).toContainText('TRIWULAN I (');
    }
    await page.reload();
    await expect(page.getByLabel('Periode', { exact: true }).first().locator('option:checked')).toContainText('TRIWULAN I (');
  });
});
