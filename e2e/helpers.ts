import { chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { chromiumLaunchOptions } from './chromium';
import { appPort } from '../scripts/port.cjs';

export const BASE_URL = `http://127.0.0.1:${appPort()}`;

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

/**
 * A fresh profile with the app open: `work` runs in it, and the browser and the profile are removed
 * afterwards, pass or fail (the opening and closing every spec wrote out by hand).
 */
export async function withApp(work: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const dir = newProfileDir();
  const { context, page } = await launchApp(dir);
  try {
    await work(page, context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

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

export interface Person {
  nip: string;
  nama: string;
  gelarDepan?: string;
  gelarBelakang?: string;
  golongan: string;
  jabatan: string;
  unit: string;
  atasan?: string;
}

export async function addUnit(page: Page, nama: string, parent?: string) {
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  const form = page.getByTestId('unit-form');
  await form.getByLabel('Nama unit kerja').fill(nama);
  if (parent) await selectByText(form.getByLabel('Unit induk'), parent);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Unit ${nama} tersimpan.`)).toBeVisible();
}

export async function addPerson(page: Page, p: Person) {
  await page.goto('/#/pegawai/baru');
  const form = page.getByTestId('pegawai-form');
  await form.getByRole('textbox', { name: 'NIP', exact: true }).fill(p.nip);
  await form.getByLabel('Nama (tanpa gelar)').fill(p.nama);
  if (p.gelarDepan) await form.getByLabel('Gelar depan').fill(p.gelarDepan);
  if (p.gelarBelakang) await form.getByLabel('Gelar belakang').fill(p.gelarBelakang);
  await form.getByLabel('Golongan ruang').selectOption(p.golongan);
  await form.getByLabel('Nama jabatan').fill(p.jabatan);
  await selectByText(form.getByLabel('Unit kerja'), p.unit);
  if (p.atasan) await selectByText(form.getByLabel('Atasan langsung (pejabat penilai kinerja)'), p.atasan);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(/Data .* tersimpan\./)).toBeVisible();
  await expect(page).toHaveURL(/#\/pegawai\/[0-9a-f-]{36}$/);
}

export async function openSkpOf(page: Page, nama: string) {
  await page.goto('/#/skp');
  const row = page.getByTestId('skp-row').filter({ hasText: nama });
  await expect(row).toBeVisible();
  const open = row.getByRole('link', { name: 'Buka' });
  if (await open.count()) await open.click();
  else await row.getByRole('button', { name: 'Buat SKP' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^SKP .*${nama}.* — \\d{4}$`));
}

/** Fills the first (or a new) RHK utama with one indicator and, optionally, the superior RHK it supports. */
export async function fillRhk(page: Page, rhk: string, indikator: string, target: string, intervensi?: string) {
  const group = page.getByTestId('rhk-group-UTAMA');
  if ((await group.getByTestId('rhk-card').count()) === 0) await group.getByRole('button', { name: 'Tambah RHK utama' }).click();
  const card = group.getByTestId('rhk-card').last();
  await card.getByLabel('Rencana hasil kerja 1').fill(rhk);
  if (intervensi) await selectByText(card.getByLabel('RHK pimpinan yang diintervensi'), intervensi);
  await card.getByLabel('Aspek 1').selectOption('KUANTITAS');
  await card.getByLabel('Indikator kinerja individu 1').fill(indikator);
  await card.getByLabel('Target 1').fill(target);
}

export async function submitAndApprove(page: Page) {
  await page.getByRole('button', { name: 'Ajukan' }).click();
  await expect(page.getByTestId('skp-status')).toHaveText('Diajukan');
  await page.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.getByTestId('skp-status')).toHaveText('Disetujui');
}

/** Each named employee gets an approved SKP with one RHK (one indicator, 100 Layanan). */
export async function approvedSkps(page: Page, list: readonly (readonly [nama: string, rhk: string])[]) {
  for (const [nama, rhk] of list) {
    await openSkpOf(page, nama);
    await fillRhk(page, rhk, 'Jumlah layanan', '100 Layanan');
    await submitAndApprove(page);
  }
}

/** Makes an employee the head (kepala) of a unit, from the Unit kerja screen. */
export async function setUnitHead(page: Page, unit: string, head: string) {
  await page.goto('/#/pegawai/unit');
  const node = page.getByTestId('unit-node').filter({ has: page.getByText(unit, { exact: true }) }).first();
  await node.getByRole('button', { name: 'Ubah' }).first().click();
  const form = page.getByTestId('unit-form');
  await selectByText(form.getByLabel('Kepala unit'), head);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText(`Unit ${unit} tersimpan.`)).toBeVisible();
}

/** The sample kecamatan of the specs: camat, kepala seksi and two staff, atasan chain included. */
export const CURUG_STAFF: readonly Person[] = [
  { nip: '197305121998031004', nama: 'Asep Saepudin', gelarDepan: 'Drs.', golongan: 'IV/b', jabatan: 'Camat Curug', unit: 'Kecamatan Curug' },
  { nip: '198211032006042011', nama: 'Rina Marlina', golongan: 'III/d', jabatan: 'Kepala Seksi Pemerintahan', unit: 'Seksi Pemerintahan', atasan: 'Asep Saepudin' },
  { nip: '199001152015031002', nama: 'Budi Hartono', golongan: 'III/a', jabatan: 'Analis Pemerintahan', unit: 'Seksi Pemerintahan', atasan: 'Rina Marlina' },
  { nip: '199507072019022003', nama: 'Dewi Lestari', golongan: 'II/c', jabatan: 'Pengolah Data', unit: 'Seksi Pemerintahan', atasan: 'Rina Marlina' },
];

/** Units Kecamatan Curug › Seksi Pemerintahan and the given staff, through the screens. */
export async function addCurugOffice(page: Page, staff: readonly Person[] = CURUG_STAFF) {
  await page.goto('/#/pegawai/unit');
  await addUnit(page, 'Kecamatan Curug');
  await addUnit(page, 'Seksi Pemerintahan', 'Kecamatan Curug');
  for (const p of staff) await addPerson(page, p);
}

/**
 * The sample kecamatan with both unit heads set and the camat's SKP approved, appraised from
 * outside the office (the Sekretaris Daerah): a structure with nothing left to fix.
 */
export async function curugWithCamatSkp(page: Page) {
  await setupOffice(page);
  await addCurugOffice(page);
  await setUnitHead(page, 'Kecamatan Curug', 'Asep Saepudin');
  await setUnitHead(page, 'Seksi Pemerintahan', 'Rina Marlina');
  await openSkpOf(page, 'Asep Saepudin');
  await page.getByLabel('Pejabat penilai kinerja — Nama').fill('Drs. H. Moch. Maesyal Rasyid, M.Si.');
  await page.getByLabel('Pejabat penilai kinerja — Jabatan').fill('Sekretaris Daerah');
  await fillRhk(page, 'Meningkatnya kualitas pelayanan publik kecamatan', 'Indeks kepuasan masyarakat', '85 Indeks');
  await submitAndApprove(page);
}

export async function openEvaluation(page: Page, nama: string, period: string) {
  await page.goto('/#/penilaian');
  await selectPeriod(page, period);
  const row = page.getByTestId('eval-row').filter({ hasText: nama });
  const open = row.getByRole('link', { name: 'Buka' });
  const start = row.getByRole('button', { name: 'Nilai' });
  // The row renders once its evaluation is read: wait for either action before choosing.
  await expect(open.or(start)).toBeVisible();
  if (await open.count()) await open.click();
  else await start.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Evaluasi kinerja ${nama}`);
}

export async function selectPeriod(page: Page, text: string, within?: Locator) {
  const select = (within ?? page).getByLabel('Periode', { exact: true });
  const value = await select.evaluate((el, wanted) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes(wanted))?.value ?? '', text);
  await select.selectOption(value);
}

/** Realisasi and one dated feedback for RHK A.1, then the two ratings. */
export async function rate(page: Page, realisasi: string, hasil: string, perilaku: string) {
  await page.getByLabel('Realisasi berdasarkan bukti dukung A.1').fill(realisasi);
  await page.getByLabel('Isi umpan balik A.1').fill('Laporan diserahkan tepat waktu');
  await page.getByRole('button', { name: 'Tambah' }).first().click();
  await page.getByLabel('Rating hasil kerja').selectOption({ label: hasil });
  await page.getByLabel('Rating perilaku kerja').selectOption({ label: perilaku });
}

export async function finalise(page: Page) {
  await page.getByRole('button', { name: 'Finalkan' }).click();
  await expect(page.getByTestId('eval-status')).toHaveText('Final');
}

/**
 * With SCREENSHOTS=1 (see README), the screen at both review sizes into docs/screenshots, scrolled
 * to the top or with `centre` in the middle of the view.
 */
export async function shot(page: Page, name: string, centre?: Locator) {
  if (!process.env.SCREENSHOTS) return;
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (centre) await centre.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    else await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
    await page.screenshot({ path: `docs/screenshots/${name}-${w}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** An office's own Excel list (first row the headings) through Impor/Ekspor, as an admin imports it. */
export async function importPeople(page: Page, rows: readonly (readonly string[])[]) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r])), 'Pegawai');
  const file = path.join(tmpdir(), `${Date.now()}-pegawai.xlsx`);
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  try {
    await page.goto('/#/impor-ekspor');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
    await chooser.setFiles(file);
    await page.getByRole('button', { name: 'Periksa' }).click();
    const n = rows.length - 1;
    await page.getByRole('button', { name: `Impor ${n} data` }).click();
    await expect(page.getByText(new RegExp(`Impor selesai: ${n} baru`))).toBeVisible();
  } finally {
    rmSync(file, { force: true });
  }
}

/** Pengaturan › where the distribution guideline applies (§7.4), by the words on the radio button. */
export async function setDistributionScope(page: Page, label: string) {
  await page.goto('/#/pengaturan');
  await page.getByTestId('scope-card').getByLabel(label).check();
  await expect(page.getByTestId('toast')).toHaveText('Cakupan pedoman distribusi tersimpan.');
}

/**
 * Notes where `selector` is first drawn (checked every frame from now on) and returns a function
 * that tells that place and the present one: a screen that moves what is already drawn moves it
 * from under the admin's pointer. The page must not be scrolled in between.
 */
export async function watchFirstPosition(page: Page, selector: string): Promise<() => Promise<{ first: number | null; now: number | null }>> {
  const key = `__first_${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ([sel, k]) => {
      const w = window as unknown as Record<string, number | null>;
      w[k] = null;
      const frame = () => {
        const el = document.querySelector(sel);
        if (el) w[k] = Math.round(el.getBoundingClientRect().top);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    [selector, key] as const,
  );
  return () =>
    page.evaluate(
      ([sel, k]) => {
        const el = document.querySelector(sel);
        return { first: (window as unknown as Record<string, number | null>)[k] ?? null, now: el ? Math.round(el.getBoundingClientRect().top) : null };
      },
      [selector, key] as const,
    );
}

/**
 * Starts noting what moves on the page while nobody touches it (Chrome's layout-shift entries
 * more than half a second after the last input) and returns a function that lists each move as "element: y → y". A screen
 * that draws a part and then pushes it down as another read answers moves buttons from under the
 * pointer.
 */
export async function watchShifts(page: Page): Promise<() => Promise<string[]>> {
  const key = `__shifts_${Math.random().toString(36).slice(2)}`;
  await page.evaluate((k) => {
    const w = window as unknown as Record<string, string[]>;
    const moves: string[] = (w[k] = []);
    // Chrome marks every shift after a navigation as "recent input", so the page's own inputs are timed here.
    let lastInput = -Infinity;
    for (const type of ['pointerdown', 'keydown', 'input', 'change']) addEventListener(type, () => (lastInput = performance.now()), true);
    type Shift = { startTime: number; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Shift[]) {
        if (e.startTime - lastInput < 500) continue;
        for (const s of e.sources) {
          // A part removed or hidden is not a part pushed aside; a pixel or two is a rounding.
          if (s.currentRect.height === 0 || s.previousRect.height === 0) continue;
          if (Math.abs(s.currentRect.y - s.previousRect.y) < 4 && Math.abs(s.currentRect.x - s.previousRect.x) < 4) continue;
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          const name = el ? `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${el.className}` : '?';
          moves.push(`${name}: (${Math.round(s.previousRect.x)}, ${Math.round(s.previousRect.y)}) → (${Math.round(s.currentRect.x)}, ${Math.round(s.currentRect.y)})`);
        }
      }
    }).observe({ type: 'layout-shift' });
  }, key);
  return () => page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key);
}

/**
 * Starts noting every "Memuat data…" a screen draws itself while its load gate is open
 * (components/LoadGate): such a screen shows the gate's line, then its own, then its content. A
 * screen that says it is still reading (useGateLoading) stays behind the gate's one line instead.
 * Returns the texts seen.
 */
export async function watchLoadingLines(page: Page): Promise<() => Promise<string[]>> {
  const key = `__loading_${Math.random().toString(36).slice(2)}`;
  await page.evaluate((k) => {
    const w = window as unknown as Record<string, string[]>;
    const seen: string[] = (w[k] = []);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          const el = n instanceof Element ? n : null;
          const own = '.content .loading:not([data-testid="load-gate"])';
          const line = el?.matches(own) ? el : el?.querySelector(own);
          if (line && !line.closest('.load-gate[hidden]')) seen.push(line.textContent ?? '');
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }, key);
  return () => page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key);
}
