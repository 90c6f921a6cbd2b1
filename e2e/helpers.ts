import { chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from './chromium';

export const BASE_URL = 'http://127.0.0.1:4173';

/**
 * A persistent profile: IndexedDB lives on disk there, so closing and relaunching with the same
 * folder is a real restart. (Playwright's default contexts keep IndexedDB in memory.)
 */
export function newProfileDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kinerja-e2e-'));
}

export async function launchApp(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumLaunchOptions(),
    baseURL: BASE_URL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 860 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  return { context, page };
}

export const OFFICE = {
  namaInstansi: 'Pemerintah Kabupaten Tangerang',
  namaKantor: 'Kecamatan Curug',
  tempat: 'Curug',
  namaAdmin: 'Siti Aminah',
};

export async function setupOffice(page: Page): Promise<void> {
  await page.getByLabel('Nama instansi').fill(OFFICE.namaInstansi);
  await page.getByLabel('Nama kantor/unit').fill(OFFICE.namaKantor);
  await page.getByLabel('Tempat penandatanganan').fill(OFFICE.tempat);
  await page.getByLabel('Nama admin di komputer ini').fill(OFFICE.namaAdmin);
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

/** Select the option whose text contains `text` (tree options are indented, atasan options carry the jabatan). */
export async function selectByText(select: Locator, text: string): Promise<void> {
  const value = await select.evaluate((el, wanted) => {
    const option = [...(el as HTMLSelectElement).options].find((o) => o.text.includes(wanted));
    if (!option) throw new Error(`no option containing "${wanted}"`);
    return option.value;
  }, text);
  await select.selectOption(value);
}
