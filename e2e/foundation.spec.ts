import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { launchApp, newProfileDir, OFFICE, setupOffice } from './helpers';

test.describe('foundation', () => {
  test('first-run office setup explains empty fields, then survives a restart', async () => {
    const dir = newProfileDir();
    try {
      let { context, page } = await launchApp(dir);
      await expect(page.getByRole('heading', { name: 'Selamat datang di Kinerja Luring' })).toBeVisible();

      await page.setViewportSize({ width: 1024, height: 768 });
      await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
      await expect(page.getByText('Nama instansi wajib diisi.')).toBeVisible();
      // The messages do not push the button out of reach at 1024×768.
      await expect(page.getByRole('button', { name: 'Simpan dan mulai' })).toBeInViewport();
      await page.setViewportSize({ width: 1280, height: 860 });
      await expect(page.getByText('Tempat penandatanganan wajib diisi.')).toBeVisible();
      await expect(page.getByText('Profil kantor belum lengkap. Periksa isian yang ditandai.')).toBeVisible();
      await expect(page.getByTestId('app-ready')).toHaveCount(0);

      // A cell copied from Excel or a web page: its tabs, line break and invisible characters are cleaned on paste.
      const instansi = page.getByLabel('Nama instansi');
      await instansi.focus();
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', '\u202ePemerintah\u200b Kabupaten\tTangerang\r\n');
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await expect(instansi).toHaveValue('Pemerintah Kabupaten Tangerang');

      await setupOffice(page);
      await expect(page.getByTestId('office-name')).toContainText(OFFICE.namaKantor);
      await expect(page.getByTestId('office-name')).toContainText(OFFICE.namaInstansi);
      await expect(page.getByTestId('active-year')).toHaveText(`Tahun kinerja ${new Date().getFullYear()}`);
      await context.close();

      ({ context, page } = await launchApp(dir));
      await expect(page.getByTestId('app-ready')).toBeVisible();
      await expect(page.getByTestId('office-name')).toContainText(OFFICE.namaKantor);
      await expect(page.getByRole('heading', { name: 'Selamat datang di Kinerja Luring' })).toHaveCount(0);

      // The profile is editable later and the edit is audited (shown back after a restart).
      await page.getByRole('link', { name: 'Pengaturan' }).click();
      await page.getByLabel('Tempat penandatanganan').fill('Tigaraksa');
      await expect(page.getByText(/Contoh baris tanggal: Tigaraksa, \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
      // Ctrl+S saves here as on every editor; the confirmation is a toast where the admin looks.
      await page.keyboard.press('Control+s');
      await expect(page.getByTestId('toast')).toHaveText('Profil kantor tersimpan.');
      await context.close();

      ({ context, page } = await launchApp(dir));
      await page.getByRole('link', { name: 'Pengaturan' }).click();
      await expect(page.getByLabel('Tempat penandatanganan')).toHaveValue('Tigaraksa');
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the UI speaks Indonesian, English is switchable, and no request leaves 127.0.0.1', async () => {
    const dir = newProfileDir();
    const { context, page } = await launchApp(dir);
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    // Requests before this listener: the first page load. Reload so it is counted too.
    await page.reload();
    try {
      await expect(page.locator('html')).toHaveAttribute('lang', 'id');
      await setupOffice(page);
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await expect(nav.getByRole('link')).toHaveText([
        'Beranda', 'Pegawai', 'SKP', 'Penilaian', 'Cetak', 'Impor/Ekspor', 'Sinkronisasi', 'Pengaturan',
      ]);
      // Every area opens and says in Indonesian what it holds; none is blank.
      for (const [link, heading] of [
        ['Pegawai', 'Pegawai'], ['SKP', /^SKP tahun \d{4}$/], ['Penilaian', /^Penilaian kinerja \d{4}$/], ['Cetak', 'Cetak'],
        ['Impor/Ekspor', 'Impor/Ekspor'], ['Sinkronisasi', 'Sinkronisasi'], ['Pengaturan', 'Pengaturan'], ['Beranda', 'Beranda'],
      ] as const) {
        await nav.getByRole('link', { name: link, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      }
      // Sinkronisasi is no longer a placeholder: an office on its own is told how to start.
      await nav.getByRole('link', { name: 'Sinkronisasi' }).click();
      await expect(page.getByText('Belum ada komputer lain yang terdaftar.', { exact: false })).toBeVisible();

      await nav.getByRole('link', { name: 'Pengaturan' }).click();
      await page.getByLabel('Bahasa').selectOption('en');
      await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Employees' })).toBeVisible();
      await page.getByLabel('Language').selectOption('id');
      await expect(nav.getByRole('link', { name: 'Pegawai' })).toBeVisible();

      expect(requests.length).toBeGreaterThan(3);
      const outside = requests.filter((u) => {
        if (u.startsWith('data:') || u.startsWith('blob:')) return false;
        return new URL(u).hostname !== '127.0.0.1';
      });
      expect(outside).toEqual([]);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
