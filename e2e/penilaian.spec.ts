import { expect, test } from '@playwright/test';
import { curugWithCamatSkp, fillRhk, finalise, openEvaluation, openSkpOf, rate, selectPeriod, setDistributionScope, submitAndApprove, withApp } from './helpers';

const Q1 = 'TRIWULAN I (';
const AKHIR = 'TRIWULAN IV-AKHIR';

test('a unit is rated for Q1 and AKHIR: predikat by the matrix, distribution warning, lock and reopen with a reason', async () => {
  test.setTimeout(180_000);
  await withApp(async (page) => {
    // SKPs cascading through three levels: camat → kasi → two staff.
    await curugWithCamatSkp(page);
    // The camat's appraiser sits outside the office: Beranda and the structure no longer call him unappraised.
    await page.goto('/#/');
    await expect(page.getByTestId('home-counts')).toBeVisible();
    await expect(page.getByTestId('home-todo').locator('.loading')).toHaveCount(0);
    await expect(page.getByTestId('home-todo')).not.toContainText('belum memiliki atasan');
    await page.goto('/#/pegawai/struktur');
    await expect(page.getByTestId('struktur-member').filter({ has: page.getByRole('link', { name: 'Drs. Asep Saepudin', exact: true }) })).toContainText('dinilai oleh Drs. H. Moch. Maesyal Rasyid, M.Si. (Sekretaris Daerah, dari luar kantor; tercatat di SKP)');
    await openSkpOf(page, 'Rina Marlina');
    await fillRhk(page, 'Terselenggaranya pelayanan administrasi pemerintahan', 'Persentase layanan tepat waktu', '95%', 'Meningkatnya kualitas pelayanan publik');
    await submitAndApprove(page);
    await openSkpOf(page, 'Budi Hartono');
    await fillRhk(page, 'Tersusunnya surat keterangan kependudukan', 'Jumlah surat keterangan', '1.200 Surat', 'Terselenggaranya pelayanan administrasi');
    await submitAndApprove(page);
    await openSkpOf(page, 'Dewi Lestari');
    await fillRhk(page, 'Terkelolanya data kependudukan', 'Jumlah data yang dimutakhirkan', '5.000 Data', 'Terselenggaranya pelayanan administrasi');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('SKP tersimpan.')).toBeVisible();

    // Rating before the SKP is approved is not offered; the way forward is the SKP.
    await page.goto('/#/penilaian');
    await selectPeriod(page, Q1);
    const dewiRow = page.getByTestId('eval-row').filter({ hasText: 'Dewi Lestari' });
    await expect(dewiRow).toContainText('SKP belum disetujui');
    await expect(dewiRow.getByRole('button', { name: 'Nilai' })).toHaveCount(0);
    await dewiRow.getByRole('link', { name: 'Buka SKP' }).click();
    await submitAndApprove(page);

    // Capaian organisasi of the section for Q1, set before rating.
    // This office applies the guideline to each unit alone, so the seksi has its own card and warnings.
    await setDistributionScope(page, 'setiap unit sendiri (anggota langsung saja)');
    await page.goto('/#/penilaian/distribusi');
    await selectPeriod(page, Q1);
    const seksi = page.locator('[data-testid="dist-unit"][data-unit="Seksi Pemerintahan"]');
    await seksi.getByLabel('Capaian kinerja organisasi — Seksi Pemerintahan').selectOption({ label: 'Baik' });
    await expect(seksi.getByText('Capaian organisasi tersimpan.')).toBeVisible();

    // Q1, the kasi heads the section: the rating hasil kerja is suggested from capaian BAIK.
    await openEvaluation(page, 'Rina Marlina', Q1);
    await expect(page.getByTestId('capaian-card')).toContainText('Seksi Pemerintahan: Baik');
    await expect(page.getByTestId('leader-suggestion')).toContainText('disarankan: Sesuai Ekspektasi');
    await page.getByRole('button', { name: 'Pakai saran' }).click();
    await expect(page.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');
    // Bad input: final without realisasi and ratings lists what is missing.
    await page.getByRole('button', { name: 'Finalkan' }).click();
    await expect(page.getByText(/Evaluasi belum dapat difinalkan: masih ada 2 hal/)).toBeVisible();
    await expect(page.getByTestId('eval-issues')).toContainText('RHK A.1 (Terselenggaranya pelayanan administrasi pemerintahan): realisasi belum diisi.');
    await expect(page.getByTestId('eval-status')).toHaveText('Draf');
    // The predikat follows the matrix cell by cell.
    await rate(page, '96% layanan selesai tepat waktu', 'Di Atas Ekspektasi', 'Di Bawah Ekspektasi');
    await expect(page.getByTestId('predikat-value')).toHaveText('Kurang/Misconduct');
    await page.getByLabel('Rating hasil kerja').selectOption({ label: 'Di Bawah Ekspektasi' });
    await expect(page.getByTestId('predikat-value')).toHaveText('Sangat Kurang');
    await page.getByLabel('Rating perilaku kerja').selectOption({ label: 'Sesuai Ekspektasi' });
    await expect(page.getByTestId('predikat-value')).toHaveText('Butuh Perbaikan');
    await page.getByLabel('Rating hasil kerja').selectOption({ label: 'Sesuai Ekspektasi' });
    await expect(page.getByTestId('predikat-value')).toHaveText('Baik');
    await page.getByLabel('Rating hasil kerja').selectOption({ label: 'Di Atas Ekspektasi' });
    await page.getByLabel('Rating perilaku kerja').selectOption({ label: 'Di Atas Ekspektasi' });
    await expect(page.getByTestId('predikat-value')).toHaveText('Sangat Baik');
    await expect(page.getByTestId('predikat-why')).toHaveText(
      'Rating hasil kerja Di Atas Ekspektasi dan rating perilaku kerja Di Atas Ekspektasi menghasilkan predikat Sangat Baik menurut matriks PermenPANRB Nomor 6 Tahun 2022 (versi 1).',
    );
    await finalise(page);

    for (const nama of ['Budi Hartono', 'Dewi Lestari']) {
      await openEvaluation(page, nama, Q1);
      await rate(page, 'Target triwulan tercapai', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi');
      await expect(page.getByTestId('predikat-value')).toHaveText('Sangat Baik');
      await finalise(page);
    }

    // Everyone Sangat Baik in a unit whose capaian is BAIK: the guideline warns (and does not block).
    await page.goto('/#/penilaian/distribusi');
    await selectPeriod(page, Q1);
    await expect(seksi.getByTestId('dist-warnings')).toContainText('Capaian organisasi BAIK: harus ada pegawai dengan predikat Butuh Perbaikan atau Kurang/Misconduct.');
    await expect(seksi.getByTestId('dist-warnings')).toContainText('predikat Baik harus menjadi kelompok terbanyak (sama banyak dengan predikat lain masih memenuhi pedoman), tetapi Sangat Baik lebih banyak (3 dibanding 0)');
    await seksi.getByLabel('Alasan / justifikasi pejabat penilai — Seksi Pemerintahan').fill('Seluruh target layanan triwulan I terlampaui');
    await seksi.getByRole('button', { name: 'Simpan alasan' }).click();
    await expect(seksi.getByText('Alasan tersimpan.')).toBeVisible();

    // AKHIR: the final evaluation of the year.
    await openEvaluation(page, 'Budi Hartono', AKHIR);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluasi kinerja Budi Hartono — TRIWULAN IV-AKHIR');
    await expect(page.getByText(/Ini evaluasi akhir/)).toBeVisible();
    await rate(page, '1.250 surat keterangan', 'Sesuai Ekspektasi', 'Di Atas Ekspektasi');
    await expect(page.getByTestId('predikat-value')).toHaveText('Baik');
    await finalise(page);
    await expect(page.getByText(/difinalkan pada .* dan terkunci/)).toBeVisible();
    await expect(page.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toBeDisabled();
    await expect(page.getByLabel('Rating hasil kerja')).toBeDisabled();
    await expect(page.getByTestId('followup')).toBeVisible();

    // Reopening asks for a reason, which the history keeps.
    await page.getByRole('button', { name: 'Buka kembali' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog says where the reason goes: this evaluation's history, not the SKP's.
    await expect(dialog).toContainText('Alasan dicatat di riwayat perubahan evaluasi ini.');
    await dialog.getByLabel('Alasan').fill('Realisasi Desember belum termasuk');
    await dialog.getByRole('button', { name: 'Buka kembali' }).click();
    await expect(page.getByTestId('eval-status')).toHaveText('Draf');
    await expect(page.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toBeEnabled();
    await expect(page.getByTestId('eval-history')).toContainText('Evaluasi dibuka kembali: Realisasi Desember belum termasuk');

    // The list shows the Q1 result per employee; Beranda lists what is left for the current period.
    await page.goto('/#/penilaian');
    await selectPeriod(page, Q1);
    await expect(page.getByTestId('eval-summary')).toContainText('3 final');
    await expect(page.getByTestId('eval-row').filter({ hasText: 'Budi Hartono' })).toContainText('Sangat Baik');
    await page.goto('/#/beranda');
    await expect(page.getByTestId('worklist')).toBeVisible();
  });
});
