import { expect, test } from '@playwright/test';
import { addCurugOffice, fillRhk, openSkpOf, setupOffice, shot, submitAndApprove, withApp } from './helpers';

test('SKP targets cascade from camat to kasi to staff, get approved, lock, and reopen with a reason', async () => {
  test.setTimeout(120_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page);

    await page.goto('/#/skp');
    await expect(page.getByTestId('skp-summary')).toContainText('4 belum ada SKP');

    // Level 1: the camat.
    await openSkpOf(page, 'Asep Saepudin');
    // The camat's appraiser is outside the office: typed in by hand.
    await expect(page.getByText(/tidak memiliki atasan di kantor ini/)).toBeVisible();
    await page.getByLabel('Pejabat penilai kinerja — Nama').fill('Drs. H. Moch. Maesyal Rasyid, M.Si.');
    await page.getByLabel('Pejabat penilai kinerja — NIP (opsional)').fill('196905121990031004');
    await page.getByLabel('Pejabat penilai kinerja — Jabatan').fill('Sekretaris Daerah');
    await page.getByLabel('Pejabat penilai kinerja — Unit kerja/instansi').fill('Pemerintah Kabupaten Tangerang');
    await fillRhk(page, 'Meningkatnya kualitas pelayanan publik kecamatan', 'Indeks kepuasan masyarakat', '85 Indeks');
    await page.getByLabel('Ekspektasi khusus pimpinan — Berorientasi Pelayanan').fill('Menanggapi pengaduan paling lambat 2 hari kerja');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('SKP tersimpan.')).toBeVisible();
    await submitAndApprove(page);

    // Level 2: the kasi intervenes in the camat's RHK.
    await openSkpOf(page, 'Rina Marlina');
    await expect(page.getByText('Pejabat penilai kinerja')).toBeVisible();
    await expect(page.locator('.identity')).toContainText('Drs. Asep Saepudin');
    await fillRhk(page, 'Terselenggaranya pelayanan administrasi pemerintahan', 'Persentase layanan selesai tepat waktu', '95%', 'Meningkatnya kualitas pelayanan publik');
    await submitAndApprove(page);

    // Level 3: one staff member intervenes in the kasi's RHK.
    await openSkpOf(page, 'Budi Hartono');
    await fillRhk(page, 'Tersusunnya surat keterangan kependudukan', 'Jumlah surat keterangan', '1.200 Surat', 'Terselenggaranya pelayanan administrasi');
    await submitAndApprove(page);

    // Bad input: an empty SKP cannot be submitted and says what is missing.
    await openSkpOf(page, 'Dewi Lestari');
    await expect(page.getByTestId('skp-issues')).toContainText('Tambahkan sedikitnya satu RHK utama.');
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await expect(page.getByText(/SKP belum dapat diajukan atau disetujui: masih ada 1 hal/)).toBeVisible();
    await expect(page.getByTestId('skp-status')).toHaveText('Draf');
    await page.getByTestId('rhk-group-UTAMA').getByRole('button', { name: 'Tambah RHK utama' }).click();
    await expect(page.getByTestId('skp-issues')).toContainText('RHK utama 1: tuliskan rencana hasil kerjanya.');
    await expect(page.getByTestId('skp-issues')).toContainText('RHK utama 1, indikator 1: isi targetnya.');
    await page.getByRole('button', { name: 'Simpan' }).click();

    // The kasi's matriks peran hasil: Budi cascades, Dewi does not yet.
    await openSkpOf(page, 'Rina Marlina');
    await page.getByRole('link', { name: 'Matriks peran hasil' }).click();
    const rows = page.getByTestId('matriks-row');
    await expect(rows.filter({ hasText: 'Budi Hartono' })).toContainText('Tersusunnya surat keterangan kependudukan');
    await expect(rows.filter({ hasText: 'Dewi Lestari' })).toContainText('belum ada RHK yang diturunkan');
    await expect(rows.filter({ hasText: 'Dewi Lestari' })).toHaveClass(/flag/);

    // An approved SKP is locked; reopening asks for a reason and the history keeps it.
    await openSkpOf(page, 'Budi Hartono');
    await expect(page.getByText(/disetujui pada .* dan terkunci/)).toBeVisible();
    await expect(page.getByLabel('Rencana hasil kerja 1')).toBeDisabled();
    await page.getByRole('button', { name: 'Buka kembali' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Buka kembali' })).toBeDisabled();
    await dialog.getByLabel('Alasan').fill('Target jumlah surat perlu disesuaikan');
    await dialog.getByRole('button', { name: 'Buka kembali' }).click();
    await expect(page.getByTestId('skp-status')).toHaveText('Draf');
    await expect(page.getByLabel('Rencana hasil kerja 1')).toBeEnabled();
    await expect(page.getByTestId('skp-history')).toContainText('SKP dibuka kembali: Target jumlah surat perlu disesuaikan');

    await page.goto('/#/skp');
    await expect(page.getByTestId('skp-summary')).toContainText('2 draf');
    await expect(page.getByTestId('skp-summary')).toContainText('2 disetujui');
  });
});

test('a save confirmation hides none of the action bar’s buttons, at 1024 and 1366 px (#30 item 4)', async () => {
  test.setTimeout(120_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page);
    const overlaps = async () => {
      const toast = (await page.getByTestId('toast').boundingBox())!;
      const hidden: string[] = [];
      for (const control of await page.locator('.action-bar').getByRole('button').or(page.locator('.action-bar').getByRole('link')).all()) {
        const b = (await control.boundingBox())!;
        const apart = b.x >= toast.x + toast.width || toast.x >= b.x + b.width || b.y >= toast.y + toast.height || toast.y >= b.y + b.height;
        if (!apart) hidden.push((await control.textContent()) ?? '');
      }
      return hidden;
    };
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      await openSkpOf(page, 'Budi Hartono');
      await fillRhk(page, `Tersusunnya surat keterangan kependudukan ${width}`, 'Jumlah surat keterangan', '1.200 Surat');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect(page.getByTestId('toast')).toHaveText('SKP tersimpan.');
      expect(await overlaps()).toEqual([]);
      // The long message of "same jabatan" too: it wraps inside the bar's free space.
      await page.getByRole('button', { name: 'Terapkan RHK ke semua pegawai dengan jabatan yang sama' }).click();
      await expect(page.getByTestId('toast')).toContainText('RHK diterapkan');
      expect(await overlaps()).toEqual([]);
      await expect(page.getByRole('button', { name: 'Ajukan' })).toBeVisible();
      if (width === 1024) await shot(page, '73-toast-action-bar', page.locator('.action-bar'));
    }
  });
});

test('many SKPs submitted and approved at once from the list, each that cannot move named with why (#30 item 2)', async () => {
  test.setTimeout(180_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page);
    for (const nama of ['Budi Hartono', 'Dewi Lestari']) {
      await openSkpOf(page, nama);
      await fillRhk(page, `Laporan kependudukan ${nama}`, 'Jumlah laporan', '12 Laporan');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect(page.getByTestId('toast')).toHaveText('SKP tersimpan.');
    }
    // Rina's SKP is created empty: it cannot be submitted.
    await openSkpOf(page, 'Rina Marlina');

    await page.goto('/#/skp');
    await page.getByLabel('Pilih semua SKP draf dan diajukan yang tampil').check();
    const bulk = page.getByTestId('skp-bulk');
    await expect(bulk).toContainText('3 SKP dipilih');
    await shot(page, '74-skp-bulk', bulk);
    await bulk.getByRole('button', { name: 'Ajukan (3 draf)' }).click();
    await expect(bulk).toContainText('2 SKP diajukan.');
    await expect(page.getByTestId('skp-bulk-failed')).toContainText('Rina Marlina');
    await expect(page.getByTestId('skp-row').filter({ hasText: 'Budi Hartono' })).toContainText('Diajukan');
    await bulk.getByRole('button', { name: 'Setujui (2 diajukan)' }).click();
    await expect(bulk).toContainText('2 SKP disetujui.');
    // Only the submitted ones were asked: the draft is not reported as a failure, and drops out of the choice.
    await expect(page.getByTestId('skp-bulk-failed')).toHaveCount(0);
    await expect(bulk).toContainText('1 SKP dipilih');
    await expect(page.getByTestId('skp-row').filter({ hasText: 'Dewi Lestari' })).toContainText('Disetujui');
    await expect(page.getByTestId('skp-row').filter({ hasText: 'Rina Marlina' })).toContainText('Draf');
    await shot(page, '75-skp-bulk-done', bulk);
  });
});
