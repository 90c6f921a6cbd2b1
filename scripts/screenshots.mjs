// `npm run screenshots`: the main screens with a seeded kecamatan, as PNGs in docs/screenshots/.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fs from 'node:fs';
import * as XLSX from 'xlsx';
import chromiumModule from './chromium.cjs';

XLSX.set_fs(fs);

const { chromiumLaunchOptions } = chromiumModule;
const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = 'docs/screenshots';

spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--mode', 'bench', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
const dir = mkdtempSync(path.join(tmpdir(), 'kinerja-shots-'));
mkdirSync(OUT, { recursive: true });
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(BASE)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const context = await chromium.launchPersistentContext(dir, { ...chromiumLaunchOptions(), viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => void d.accept());
  const shot = (name) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

  await page.goto(`${BASE}/index.html`);
  await page.getByTestId('setup').waitFor();
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Tangerang');
  await page.getByLabel('Nama kantor/unit').fill('Kecamatan Curug');
  await shot('01-first-run');

  await page.goto(`${BASE}/bench/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  await page.evaluate(() => window.__bench.seedApp(60));
  await page.goto(`${BASE}/index.html#/beranda`);
  await page.getByTestId('home-counts').waitFor();
  await shot('02-shell-beranda');

  await page.goto(`${BASE}/index.html#/pegawai`);
  await page.getByTestId('pegawai-row').first().waitFor();
  await shot('03-pegawai-list');
  await page.getByLabel('Cari').fill('19');
  await page.getByTestId('pegawai-row').first().click();
  await page.getByTestId('pegawai-form').waitFor();
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill('19860926 201513 3 000');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('textbox', { name: 'NIP', exact: true }).scrollIntoViewIfNeeded();
  await shot('04-pegawai-form-error');
  await page.getByRole('textbox', { name: 'NIP', exact: true }).fill('');
  await page.keyboard.press('Escape');

  await page.goto(`${BASE}/index.html#/pegawai/struktur`);
  await page.getByTestId('struktur-unit').first().waitFor();
  await shot('05-struktur');
  await page.goto(`${BASE}/index.html#/pegawai/unit`);
  await page.getByTestId('unit-node').first().waitFor();
  await shot('06-unit-kerja');
  await page.goto(`${BASE}/index.html#/pengaturan`);
  await page.getByLabel('Tempat penandatanganan').waitFor();
  await shot('07-pengaturan');
  // SKP: the head of Seksi Pemerintahan, then one of the staff cascading from it.
  await page.goto(`${BASE}/index.html#/skp`);
  await page.getByTestId('skp-row').first().waitFor();
  await shot('08-skp-list');
  const openSkp = async (jabatan) => {
    await page.goto(`${BASE}/index.html#/skp`);
    await page.getByTestId('skp-row').filter({ hasText: jabatan }).first().getByRole('button', { name: 'Buat SKP' }).click();
    await page.getByTestId('rhk-group-UTAMA').waitFor();
  };
  const fill = async (teks, ind, target, intervensi) => {
    const group = page.getByTestId('rhk-group-UTAMA');
    await group.getByRole('button', { name: 'Tambah RHK utama' }).click();
    const card = group.getByTestId('rhk-card').last();
    await card.getByLabel('Rencana hasil kerja').fill(teks);
    if (intervensi) {
      const select = card.getByLabel('RHK pimpinan yang diintervensi');
      const value = await select.evaluate((el, w) => [...el.options].find((o) => o.text.includes(w))?.value ?? '', intervensi);
      await select.selectOption(value);
    }
    await card.getByLabel('Aspek 1').selectOption('KUANTITAS');
    await card.getByLabel('Indikator kinerja individu 1').fill(ind);
    await card.getByLabel('Target 1').fill(target);
  };
  const nameOnPage = async () => (await page.getByRole('heading', { level: 1 }).textContent()).replace(/^SKP /, '').replace(/ — \d{4}$/, '');
  await openSkp('Kepala Seksi Pemerintahan');
  const kasiName = await nameOnPage();
  await fill('Terselenggaranya pelayanan administrasi pemerintahan yang tepat waktu', 'Persentase layanan selesai tepat waktu', '95%');
  await fill('Tersusunnya laporan kinerja seksi', 'Jumlah laporan kinerja', '4 Laporan');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByText('SKP tersimpan.').waitFor();
  await page.getByRole('button', { name: 'Ajukan' }).click();
  await page.getByRole('button', { name: 'Setujui' }).click();
  await page.getByText('SKP disetujui.').waitFor();
  const kasiUrl = page.url();
  await openSkp('Analis Pemerintahan');
  const analisName = await nameOnPage();
  await fill('Tersusunnya surat keterangan kependudukan', 'Jumlah surat keterangan', '1.200 Surat', 'Terselenggaranya pelayanan');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByText('SKP tersimpan.').waitFor();
  const analisUrl = page.url();
  await shot('09-skp-editor');
  await page.getByTestId('rhk-group-UTAMA').scrollIntoViewIfNeeded();
  await shot('10-skp-editor-rhk');
  await page.goto(`${kasiUrl}/matriks`);
  await page.getByText('Matriks peran hasil').first().waitFor();
  await shot('11-matriks');

  // Penilaian for the current period: the analyst and the kasi rated, capaian BAIK for the unit.
  await page.goto(analisUrl);
  await page.getByRole('button', { name: 'Ajukan' }).click();
  await page.getByRole('button', { name: 'Setujui' }).click();
  await page.getByText('SKP disetujui.').waitFor();
  const rateCurrent = async (jabatan, hasil, perilaku) => {
    await page.goto(`${BASE}/index.html#/penilaian`);
    const row = page.getByTestId('eval-row').filter({ hasText: jabatan === 'kasi' ? kasiName : analisName }).first();
    await row.getByRole('button', { name: 'Nilai' }).click();
    await page.getByTestId('eval-rhk').first().waitFor();
    const n = await page.getByTestId('eval-rhk').count();
    for (let i = 1; i <= n; i++) await page.getByLabel(`Realisasi berdasarkan bukti dukung A.${i}`).fill(i === 1 ? '1.240 surat keterangan selesai' : '4 laporan');
    await page.getByLabel('Isi umpan balik A.1').fill('Pelayanan surat keterangan cepat dan rapi; pertahankan.');
    await page.getByRole('button', { name: 'Tambah' }).first().click();
    await page.getByLabel('Umpan balik berkelanjutan — Berorientasi Pelayanan').fill('Ramah dan sigap melayani warga.');
    await page.getByLabel('Rating hasil kerja').selectOption({ label: hasil });
    await page.getByLabel('Rating perilaku kerja').selectOption({ label: perilaku });
  };
  await page.goto(`${BASE}/index.html#/penilaian/distribusi`);
  const card = page.locator('[data-testid="dist-unit"][data-unit="Seksi Pemerintahan"]');
  await card.getByLabel('Capaian kinerja organisasi — Seksi Pemerintahan').selectOption({ label: 'Baik' });
  await card.getByText('Capaian organisasi tersimpan.').waitFor();
  await rateCurrent('analis', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi');
  await shot('12-evaluasi');
  await page.getByTestId('predikat').scrollIntoViewIfNeeded();
  await shot('13-evaluasi-predikat');
  await page.getByRole('button', { name: 'Finalkan' }).click();
  await page.getByText('Evaluasi difinalkan dan dikunci.').waitFor();
  await page.getByTestId('followup').scrollIntoViewIfNeeded();
  await shot('14-tindak-lanjut');
  await rateCurrent('kasi', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi');
  await page.getByRole('button', { name: 'Finalkan' }).click();
  await page.getByText('Evaluasi difinalkan dan dikunci.').waitFor();
  await page.goto(`${BASE}/index.html#/penilaian`);
  await page.getByTestId('eval-row').first().waitFor();
  await shot('15-penilaian-list');
  await page.goto(`${BASE}/index.html#/penilaian/distribusi`);
  await card.getByTestId('dist-warnings').scrollIntoViewIfNeeded();
  await shot('16-distribusi');
  await page.goto(`${BASE}/index.html#/beranda`);
  await page.getByTestId('worklist').waitFor();
  await page.getByTestId('worklist').scrollIntoViewIfNeeded();
  await shot('17-worklist');
  await page.goto(`${BASE}/index.html#/pengaturan/aturan`);
  await page.getByTestId('rules-active').waitFor();
  await shot('18-aturan');

  // Impor: a staff list as another office keeps it (title rows, SIASN-style headers, two bad rows).
  const staff = await page.evaluate(() => fetch('/index.html').then(() => true));
  if (!staff) throw new Error('server gone');
  const file = path.join(dir, 'daftar-pegawai-kecamatan.xlsx');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
    ['DAFTAR PEGAWAI KECAMATAN CURUG'],
    ['Keadaan per 1 November 2026'],
    [],
    ['NO', 'NIP_BARU', 'NAMA', 'GOL_AKHIR_NAMA', 'JABATAN_NAMA', 'UNOR_NAMA', 'TGL_LAHIR'],
    [1, '199305172020121003', 'Yusuf Maulana, S.Kom.', 'III/a', 'Pranata Komputer', 'Kecamatan Curug › Seksi Pelayanan Umum', '17-05-1993'],
    [2, '199602282022032004', 'Nadia Puspita', 'Penata Muda Tk. I (III/b)', 'Analis Kebijakan', 'Kecamatan Curug › Sekretariat', '28 Pebruari 1996'],
    [3, 199401012019031000, 'Rudi Hermawan', 'II/d', 'Pengadministrasi Umum', 'Kecamatan Curug › Sekretariat', '01-01-1994'],
    [4, '199712122023021005', 'Sari Wulandari', 'III/z', 'Pengolah Data', 'Seksi Perizinan', '12-12-1997'],
  ]), 'Sheet1');
  XLSX.writeFile(wb, file);
  await page.goto(`${BASE}/index.html#/impor-ekspor`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
  await chooser.setFiles(file);
  await page.getByTestId('import-mapping').waitFor();
  await shot('19-impor-pemetaan');
  await page.getByRole('button', { name: 'Periksa' }).click();
  await page.getByTestId('import-preview').waitFor();
  await shot('20-impor-pratinjau');
  await page.getByTestId('import-errors').scrollIntoViewIfNeeded();
  await shot('21-impor-galat');

  // Cetak: the unit batch for the current period, then the print history's code verified.
  await page.goto(`${BASE}/index.html#/cetak`);
  await page.getByTestId('cetak-count').waitFor();
  await shot('22-cetak');
  await page.getByRole('button', { name: 'Buat PDF' }).click();
  await page.getByTestId('cetak-done').waitFor();
  await shot('23-cetak-selesai');
  const printed = (await page.getByTestId('print-log').getByRole('link').first().textContent()).trim();
  await page.goto(`${BASE}/index.html#/cetak/verifikasi`);
  await page.getByLabel('Kode verifikasi').fill(printed);
  await page.getByLabel('Kode verifikasi').press('Enter');
  await page.getByTestId('verify-result').waitFor();
  await shot('24-verifikasi-sesuai');
  await page.goto(`${BASE}/index.html#/pengaturan`);
  await page.getByRole('heading', { name: 'Cetak', exact: true }).scrollIntoViewIfNeeded();
  await shot('25-pengaturan-cetak');
  await context.close();
  console.log(`Screenshots in ${OUT}/`);
} finally {
  try {
    process.kill(-server.pid);
  } catch {
    /* gone */
  }
  rmSync(dir, { recursive: true, force: true });
}
