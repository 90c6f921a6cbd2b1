import { expect, test } from '@playwright/test';
import { launchApp, newProfileDir, shot } from './helpers';
import { buildFor, kantorWithLaptop, openRina, receive, setRating } from './sync.helpers';

/**
 * An evaluation left open on the office PC while a package from the camat's laptop is received in
 * another window of the same profile (as the package worker writes under the open editor): what
 * the admin typed stays, the camat's rating shows, and saving reverts nothing (issue #26).
 */
test('an editor left open while a package lands keeps the typing and takes the rating; a clash becomes a conflict', async () => {
  test.setTimeout(300_000);
  const kantor = await launchApp(newProfileDir());
  const laptop = await launchApp(newProfileDir());
  const k = kantor.page;
  const l = laptop.page;
  try {
    await kantorWithLaptop(k, l);
    // Right after enrolment nothing waits: the laptop holds what its pairing package carried.
    await k.goto('/#/sinkronisasi');
    await expect(k.getByTestId('peer-laptop Camat').getByTestId('peer-waiting')).toHaveText('Tidak ada; komputer itu sudah memiliki semuanya.');

    // The admin opens Rina's evaluation and types the realisasi, not saved yet…
    await openRina(k);
    await k.getByLabel('Realisasi berdasarkan bukti dukung A.1').fill('97%');
    // …while the camat rates on his laptop, and his package is received in another window.
    await setRating(l, 'Sesuai Ekspektasi');
    const fromLaptop = await buildFor(l, 'PC admin');
    const other = await kantor.context.newPage();
    // The preview names what is about to change: whose record, from whom, old → new.
    const preview = await receive(other, fromLaptop, false, l);
    expect(preview).toContain('Evaluasi — Rina Marlina (TRIWULAN I) dari laptop Camat');
    expect(preview).toContain('Rating hasil kerja: — → Sesuai Ekspektasi');
    await shot(other, '47-sinkronisasi-pratinjau-bernama', other.getByTestId('preview-changes'));
    await other.getByRole('button', { name: 'Terapkan' }).click();
    await expect(other.getByText(/Paket diterapkan/)).toBeVisible();
    await other.close();

    const notice = k.getByTestId('edit-arrival');
    await expect(notice).toHaveText('Rating hasil kerja dari laptop Camat diterima saat Anda menyunting; isian Anda tetap.');
    await expect(k.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toHaveValue('97%');
    await expect(k.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');
    await shot(k, '46-penyunting-paket-tiba', notice);
    await k.getByRole('button', { name: 'Simpan' }).click();
    await expect(k.getByText('Evaluasi tersimpan.')).toBeVisible();
    await openRina(k);
    await expect(k.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toHaveValue('97%');
    await expect(k.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');
    await k.goto('/#/sinkronisasi');
    await expect(k.getByText('Tidak ada yang perlu ditinjau.')).toBeVisible();

    // The same field on both sides: the admin's choice stays on screen, and saving keeps both as a conflict.
    await openRina(k);
    await k.getByLabel('Rating hasil kerja').selectOption({ label: 'Di Bawah Ekspektasi' });
    await setRating(l, 'Di Atas Ekspektasi');
    const second = await buildFor(l, 'PC admin');
    const again = await kantor.context.newPage();
    await receive(again, second);
    // The newest package can be undone while nothing touched its records since.
    await expect(again.getByTestId('sync-undo')).toContainText('Dari Kecamatan Curug, laptop Camat');
    await shot(again, '49-sinkronisasi-batalkan-paket', again.getByTestId('sync-undo'));
    await again.close();
    await expect(notice).toContainText('kedua nilai dicatat sebagai konflik');
    await expect(k.getByLabel('Rating hasil kerja')).toHaveValue('DI_BAWAH_EKSPEKTASI');
    await k.getByRole('button', { name: 'Simpan' }).click();
    await expect(k.getByText('Evaluasi tersimpan.')).toBeVisible();
    await k.goto('/#/sinkronisasi');
    const conflict = k.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Di Bawah Ekspektasi');
    await expect(conflict).toContainText('Di Atas Ekspektasi');
    // The laptop holds the same conflict after the next package.
    await receive(l, await buildFor(k, 'laptop Camat'));
    await l.goto('/#/sinkronisasi');
    await expect(l.getByTestId('conflict')).toHaveCount(1);

    // Settled for every selected conflict at once with the laptop's values; the laptop follows.
    await k.goto('/#/sinkronisasi');
    const list = k.getByTestId('conflict-list');
    await list.getByLabel('Ditulis di', { exact: true }).selectOption({ label: 'laptop Camat' });
    await list.getByText('Pilih semua yang tampil (1)').click();
    await shot(k, '50-sinkronisasi-pilih-semua', list);
    await list.getByRole('button', { name: 'Pakai nilai dari laptop Camat untuk semua yang dipilih (1)' }).click();
    await expect(k.getByText('1 konflik diselesaikan dengan nilai dari laptop Camat.')).toBeVisible();
    await expect(k.getByText('Tidak ada yang perlu ditinjau.')).toBeVisible();
    await receive(l, await buildFor(k, 'laptop Camat'));
    await l.goto('/#/sinkronisasi');
    await expect(l.getByText('Tidak ada yang perlu ditinjau.')).toBeVisible();
    await openRina(l);
    await expect(l.getByLabel('Rating hasil kerja')).toHaveValue('DI_ATAS_EKSPEKTASI');
  } finally {
    await kantor.context.close();
    await laptop.context.close();
  }
});
