import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { addPerson, addUnit, launchApp, newProfileDir, selectByText, setupOffice, withApp, type Person } from './helpers';

const CAMAT: Person = {
  nip: '197305121998031004', nama: 'Asep Saepudin', gelarDepan: 'Drs. H.', gelarBelakang: 'M.Si.',
  golongan: 'IV/b', jabatan: 'Camat Curug', unit: 'Kecamatan Curug',
};
const KASI: Person = {
  nip: '198211032006042011', nama: 'Rina Marlina', gelarBelakang: 'S.Sos.', golongan: 'III/d',
  jabatan: 'Kepala Seksi Pemerintahan', unit: 'Seksi Pemerintahan', atasan: 'Asep Saepudin',
};
const STAF1: Person = {
  nip: '199001152015031002', nama: 'Budi Hartono', golongan: 'III/a', jabatan: 'Pengadministrasi Pemerintahan',
  unit: 'Seksi Pemerintahan', atasan: 'Rina Marlina',
};
const STAF2: Person = {
  nip: '199507072019022003', nama: 'Dewi Lestari', gelarBelakang: 'A.Md.', golongan: 'II/c', jabatan: 'Pengolah Data',
  unit: 'Seksi Pemerintahan', atasan: 'Rina Marlina',
};

async function openPerson(page: Page, nama: string) {
  await page.goto('/#/pegawai');
  await page.getByLabel('Cari').fill(nama);
  await page.getByTestId('pegawai-row').filter({ hasText: nama }).click();
  await expect(page.getByTestId('pegawai-form')).toBeVisible();
}

test('an office builds its unit tree and staff with an atasan chain it can trust', async () => {
  test.setTimeout(120_000);
  const dir = newProfileDir();
  let { context, page } = await launchApp(dir);
  try {
    await setupOffice(page);

    // Unit tree: Kecamatan Curug → Seksi Pemerintahan.
    await page.goto('/#/pegawai/unit');
    await addUnit(page, 'Kecamatan Curug');
    await addUnit(page, 'Seksi Pemerintahan', 'Kecamatan Curug');
    await expect(page.getByTestId('unit-node')).toHaveText([/Kecamatan Curug/, /Seksi Pemerintahan/]);

    // A bad NIP is explained in Indonesian and nothing is saved.
    await page.goto('/#/pegawai/baru');
    const form = page.getByTestId('pegawai-form');
    await form.getByRole('textbox', { name: 'NIP', exact: true }).fill('19730512 199803 3 004');
    await form.getByLabel('Nama (tanpa gelar)').fill('Salah Ketik');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(form.getByText('Digit ke-15 NIP adalah kode jenis kelamin dan harus 1 (laki-laki) atau 2 (perempuan), bukan 3.')).toBeVisible();
    await expect(page.getByText('Data pegawai belum dapat disimpan. Perbaiki isian yang ditandai merah.')).toBeVisible();
    await form.getByRole('textbox', { name: 'NIP', exact: true }).fill('1973051219980310');
    await expect(form.getByText('NIP harus 18 digit, yang terbaca 16 digit.', { exact: false })).toBeVisible();

    // Camat, kasi and two staff, each appraised by the one above.
    await addPerson(page, CAMAT);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drs. H. Asep Saepudin, M.Si.');
    await addPerson(page, KASI);
    await expect(page.getByText('Atasan pejabat penilai: belum ada')).toBeVisible();
    await addPerson(page, STAF1);
    await expect(page.getByText('Atasan pejabat penilai: Drs. H. Asep Saepudin, M.Si.')).toBeVisible();
    await addPerson(page, STAF2);

    // The same NIP cannot be registered twice; the refusal links to the existing record.
    await page.goto('/#/pegawai/baru');
    await page.getByRole('textbox', { name: 'NIP', exact: true }).fill("'19900115.201503.1.002");
    await page.getByLabel('Nama (tanpa gelar)').fill('Orang Lain');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('NIP ini sudah dipakai oleh Budi Hartono. Satu NIP hanya untuk satu pegawai.')).toBeVisible();
    await page.getByRole('link', { name: 'Buka data Budi Hartono' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Budi Hartono');

    // Making a staff member the camat's atasan would loop: refused with the chain named.
    await openPerson(page, 'Asep Saepudin');
    await selectByText(page.getByLabel('Atasan langsung (pejabat penilai kinerja)'), 'Budi Hartono');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(
      page.getByText('Atasan ini membuat rantai penilaian berputar: Asep Saepudin → Budi Hartono → Rina Marlina → Asep Saepudin. Pilih atasan lain.'),
    ).toBeVisible();

    // Search by NIP typed with spaces, and by name with gelar.
    await page.goto('/#/pegawai');
    await expect(page.getByTestId('pegawai-count')).toHaveText('4 dari 4 pegawai');
    await page.getByLabel('Cari').fill('19950707 201902');
    await expect(page.getByTestId('pegawai-row')).toHaveCount(1);
    await expect(page.getByTestId('pegawai-row')).toContainText('Dewi Lestari, A.Md.');
    await expect(page.getByTestId('pegawai-row')).toContainText('19950707 201902 2 003');
    await page.getByLabel('Cari').fill('drs asep');
    await expect(page.getByTestId('pegawai-row')).toHaveText(/Drs\. H\. Asep Saepudin, M\.Si\./);

    // Struktur: who appraises whom; the camat has no atasan inside the office and is flagged.
    await page.goto('/#/pegawai/struktur');
    await expect(page.getByTestId('struktur-no-atasan')).toHaveText('1 pegawai tanpa atasan');
    await expect(page.getByTestId('struktur-no-head')).toHaveText('2 unit tanpa kepala');
    await expect(page.getByText('Budi Hartono').locator('..')).toContainText('dinilai oleh Rina Marlina, S.Sos.');

    // Deactivating the kasi, who still appraises two staff, asks where they go.
    await openPerson(page, 'Rina Marlina');
    await page.getByLabel('Pegawai aktif').uncheck();
    await page.getByLabel('Alasan nonaktif').selectOption('MUTASI_KELUAR');
    await page.getByLabel('Tanggal nonaktif').fill('2026-10-01');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Rina Marlina, S.Sos. masih menjadi atasan');
    await expect(dialog.getByTestId('subordinates').getByRole('listitem')).toHaveText(['Budi Hartono', 'Dewi Lestari, A.Md.']);
    await dialog.getByRole('button', { name: 'Nonaktifkan dan alihkan' }).click();
    await expect(page.getByText('Data Rina Marlina, S.Sos. tersimpan.')).toBeVisible();

    // Unsaved edits are guarded: dismissing the question keeps the user on the form.
    await page.getByLabel('Nama jabatan').fill('Jabatan belum disimpan');
    page.removeAllListeners('dialog');
    const asked = page.waitForEvent('dialog');
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('link', { name: 'Beranda' }).click();
    expect((await asked).message()).toBe('Ada perubahan yang belum disimpan. Tinggalkan halaman ini tanpa menyimpan?');
    await expect(page.getByLabel('Nama jabatan')).toHaveValue('Jabatan belum disimpan');
    await expect(page).toHaveURL(/#\/pegawai\/[0-9a-f-]{36}$/);
    page.on('dialog', (d) => void d.accept());

    // Gone from the default list, yet the record and its history remain.
    await page.goto('/#/pegawai');
    await expect(page.getByTestId('pegawai-count')).toHaveText('3 dari 4 pegawai');
    await expect(page.getByTestId('pegawai-row').filter({ hasText: 'Rina Marlina' })).toHaveCount(0);
    await expect(page.getByTestId('pegawai-row').filter({ hasText: 'Budi Hartono' })).toContainText('Drs. H. Asep Saepudin, M.Si.');
    await page.getByLabel('Keaktifan').selectOption('nonaktif');
    await page.getByTestId('pegawai-row').filter({ hasText: 'Rina Marlina' }).click();
    await expect(page.getByTestId('history')).toContainText('Pegawai aktif: Ya → Tidak');
    await expect(page.getByTestId('history')).toContainText('Alasan nonaktif: (kosong) → Mutasi keluar');
    await expect(page.getByTestId('history')).toContainText('diubah oleh Siti Aminah');
    await context.close();

    // Everything survives a restart.
    ({ context, page } = await launchApp(dir));
    await page.goto('/#/pegawai');
    await expect(page.getByTestId('pegawai-count')).toHaveText('3 dari 4 pegawai');
    await openPerson(page, 'Dewi Lestari');
    await expect(page.getByText('Atasan pejabat penilai: belum ada')).toBeVisible();
    await expect(page.getByLabel('Atasan langsung (pejabat penilai kinerja)').locator('option:checked')).toContainText('Asep Saepudin');

    await page.goto('/#/pegawai/unit');
    // Ctrl+S saves the unit form too; the Sekretariat is put first with its order (urutan).
    await page.getByRole('button', { name: 'Tambah unit' }).click();
    await page.getByTestId('unit-form').getByLabel('Nama unit kerja').fill('Sekretariat');
    await selectByText(page.getByTestId('unit-form').getByLabel('Unit induk'), 'Kecamatan Curug');
    await page.getByTestId('unit-form').getByLabel('Urutan').fill('1');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('Unit Sekretariat tersimpan.')).toBeVisible();
    await expect(page.getByTestId('unit-node')).toHaveText([/Kecamatan Curug/, /Sekretariat/, /Seksi Pemerintahan/]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an inactive unit lines up with the others in the tree (#30 item 7)', async () => {
  test.setTimeout(120_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await page.goto('/#/pegawai/unit');
    await addUnit(page, 'Kecamatan Curug');
    await addUnit(page, 'Seksi Pemerintahan', 'Kecamatan Curug');
    await addUnit(page, 'Seksi Trantib', 'Kecamatan Curug');
    const node = (nama: string) => page.getByTestId('unit-node').filter({ hasText: nama });
    await node('Seksi Trantib').getByRole('button', { name: 'Ubah' }).click();
    await page.getByLabel('Unit aktif').uncheck();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(node('Seksi Trantib')).toContainText('Nonaktif');
    // The member count and the head column start where the active sibling's do.
    const left = async (nama: string) => (await node(nama).locator('.nowrap').boundingBox())!.x;
    expect(Math.round(await left('Seksi Trantib'))).toBe(Math.round(await left('Seksi Pemerintahan')));
  });
});
