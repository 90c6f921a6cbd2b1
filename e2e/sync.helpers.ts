import { expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addCurugOffice, CURUG_STAFF, fillRhk, openEvaluation, openSkpOf, selectPeriod, setupOffice, shot, submitAndApprove } from './helpers';

/** Package exchange as a person does it, for the sync specs. */
export const Q1 = 'TRIWULAN I (';

/** Clicks a button that saves a package and returns where the download landed. */
export async function savePackage(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download').catch(async (err: unknown) => {
      // A refusal shows as an alert instead of a download: say which.
      const alert = page.getByRole('alert');
      throw new Error(`no package saved${(await alert.count()) ? `: ${await alert.first().textContent()}` : ''} (${String(err)})`);
    }),
    click(),
  ]);
  const file = path.join(tmpdir(), `${Date.now()}-${dl.suggestedFilename()}`);
  writeFileSync(file, readFileSync((await dl.path())!));
  return file;
}

export async function choose(page: Page, button: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).first().click()]);
  await chooser.setFiles(file);
}

export async function buildFor(page: Page, peer: string): Promise<string> {
  await page.goto('/#/sinkronisasi');
  const row = page.getByTestId(`peer-${peer}`);
  return savePackage(page, () => row.getByRole('button', { name: 'Buat paket' }).click());
}

/** The key code a PC shows on its own Sinkronisasi screen. */
export async function ownCode(page: Page): Promise<string> {
  await page.goto('/#/sinkronisasi');
  const line = page.getByTestId('own-key-code');
  await expect(line).toContainText(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
  return /[0-9A-F]{4}(-[0-9A-F]{4}){3}/.exec((await line.textContent()) ?? '')![0];
}

/**
 * Terima paket → preview → Terapkan; returns the preview text. The first package from `sender`
 * brings a key new here: its code must be the one the sender's own screen shows, then it is trusted.
 */
export async function receive(page: Page, file: string, apply = true, sender?: Page): Promise<string> {
  const code = sender ? await ownCode(sender) : null;
  await page.goto('/#/sinkronisasi');
  await choose(page, 'Terima paket', file);
  if (code) {
    const panel = page.getByTestId('sync-new-key');
    await expect(panel).toContainText(`Kode kunci pengirim: ${code}`);
    await shot(page, '43-sinkronisasi-kode-kunci');
    await panel.getByRole('button', { name: 'Kode sama, percayai komputer ini' }).click();
  }
  const preview = page.getByTestId('sync-preview').or(page.getByTestId('sync-intro')).or(page.getByRole('alert'));
  await expect(preview).toBeVisible();
  const text = (await preview.textContent()) ?? '';
  if (text.includes('Konflik yang perlu ditinjau: 1')) await shot(page, '29-sinkronisasi-pratinjau');
  if (apply && (await page.getByRole('button', { name: 'Terapkan' }).isEnabled().catch(() => false))) {
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(page.getByText(/Paket diterapkan/)).toBeVisible();
  }
  return text;
}

export async function introduce(page: Page): Promise<string> {
  await page.goto('/#/sinkronisasi');
  return savePackage(page, () => page.getByRole('button', { name: 'Buat paket perkenalan' }).click());
}

export async function acceptIntroduction(page: Page, file: string, sender: Page) {
  const code = await ownCode(sender);
  await page.goto('/#/sinkronisasi');
  await choose(page, 'Terima paket', file);
  await expect(page.getByTestId('sync-intro')).toContainText(`Kode kunci komputer pengirim: ${code}`);
  await page.getByTestId('sync-intro').getByRole('button', { name: 'Daftarkan' }).click();
  await expect(page.getByText(/terdaftar\. Paket darinya sekarang dapat diterima/)).toBeVisible();
}

/** Opens Rina's Q1 evaluation, which exists already (waits for "Buka": the list re-renders per period). */
export async function openRina(page: Page) {
  await page.goto('/#/penilaian');
  await selectPeriod(page, Q1);
  await page.getByTestId('eval-row').filter({ hasText: 'Rina Marlina' }).getByRole('link', { name: 'Buka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Evaluasi kinerja Rina Marlina');
}

export async function setRating(page: Page, hasil: string) {
  await openRina(page);
  await page.getByLabel('Rating hasil kerja').selectOption({ label: hasil });
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Evaluasi tersimpan.')).toBeVisible();
}


/** A kecamatan whose kasi Rina has an approved SKP and a started Q1 evaluation, and the camat's laptop joined to it. */
export async function kantorWithLaptop(k: Page, l: Page): Promise<void> {
  await setupOffice(k);
  await addCurugOffice(k, CURUG_STAFF.slice(0, 3));
  await openSkpOf(k, 'Rina Marlina');
  await fillRhk(k, 'Terselenggaranya pelayanan administrasi pemerintahan', 'Persentase layanan tepat waktu', '95%');
  await submitAndApprove(k);
  await openEvaluation(k, 'Rina Marlina', Q1);
  await k.goto('/#/sinkronisasi');
  const enrol = k.getByTestId('sync-enrol');
  await enrol.getByLabel('Nama laptop').fill('laptop Camat');
  await expect(enrol.getByLabel('Pejabat penilai').locator('option:checked')).toHaveText('— pilih pejabat penilai —');
  await enrol.getByLabel('Pejabat penilai').selectOption({ label: 'Drs. Asep Saepudin — Camat Curug' });
  const pairing = await savePackage(k, () => enrol.getByRole('button', { name: 'Daftarkan dan buat paket pendaftaran' }).click());
  await expect(k.getByText(/laptop Camat terdaftar/)).toBeVisible();
  // Both screens show the office PC's key code; the laptop joins once a person saw they match.
  const kantorCode = /[0-9A-F]{4}(-[0-9A-F]{4}){3}/.exec((await k.getByTestId('enrol-key-code').textContent()) ?? '')![0];
  await choose(l, 'Gabung lewat paket pendaftaran', pairing);
  await expect(l.getByTestId('join-key')).toContainText(`Kode kunci PC kantor pengirim paket ini: ${kantorCode}`);
  await shot(l, '44-gabung-kode-kunci');
  await l.getByRole('button', { name: 'Kode sama, percayai komputer ini' }).click();
  await expect(l.getByTestId('app-ready')).toBeVisible();
}

/** A BKD PC set up, and introduced both ways to the kantor `k` (each compared the other's code). */
export async function bkdIntroducedTo(b: Page, k: Page): Promise<void> {
  await b.getByLabel('Komputer ini milik BKD').check();
  await b.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Tangerang');
  await b.getByLabel('Nama kantor/unit').fill('BKPSDM Kabupaten Tangerang');
  await b.getByLabel('Tempat penandatanganan').fill('Tigaraksa');
  await b.getByLabel('Nama admin di komputer ini').fill('Yusuf');
  await b.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(b.getByTestId('app-ready')).toBeVisible();
  await acceptIntroduction(k, await introduce(b), b);
  await acceptIntroduction(b, await introduce(k), k);
}
