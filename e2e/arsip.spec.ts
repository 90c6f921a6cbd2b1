import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pdfPages } from '../src-renderer/print/pdfText.testkit';
import { addCurugOffice, CURUG_STAFF, fillRhk, openSkpOf, setupOffice, shot, submitAndApprove, withApp } from './helpers';

const YEAR = new Date().getFullYear();

/** Makes the PDF on the Cetak screen in view and returns its text. */
async function printText(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Buat PDF' }).click();
  await expect(page.getByTestId('cetak-done')).toContainText('Selesai: 1 dokumen');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cetak-done').getByRole('button', { name: 'Simpan PDF' }).click()]);
  return (await pdfPages(new Uint8Array(readFileSync((await dl.path())!)))).map((p) => p.text).join(' ');
}

const codeIn = (text: string) => /KL-SKP-[0-9A-Z-]+/.exec(text)?.[0];

/** Records in one object store of the live database, read straight from IndexedDB. */
function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('kinerja-luring');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const c = req.result.transaction(name, 'readonly').objectStore(name).count();
          c.onsuccess = () => {
            req.result.close();
            resolve(c.result);
          };
        };
      }),
    store,
  );
}

async function chooseFile(page: Page, button: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles(file);
}

test('archive a closed year: the file is saved, the year leaves the live data, the archive opens read-only and prints with the same code; an edited archive is refused', async () => {
  test.setTimeout(240_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page, CURUG_STAFF.slice(0, 3));
    await openSkpOf(page, 'Budi Hartono');
    await fillRhk(page, 'Tersusunnya surat keterangan kependudukan', 'Jumlah surat keterangan', '1.200 Surat');
    await submitAndApprove(page);
    await page.getByRole('link', { name: 'Cetak SKP' }).click();
    const liveCode = codeIn(await printText(page));
    expect(liveCode).toBeDefined();

    // The office moves on to next year; this year is now closed.
    await page.goto('/#/pengaturan');
    await page.locator('select[name="activeYear"]').selectOption(String(YEAR + 1));
    const card = page.getByTestId('archive-card');
    await expect(card.getByTestId('archive-plan')).toHaveText(`Tahun ${YEAR}: 1 SKP, 0 penilaian, 0 bukti dukung, 0 pelatihan.`);
    await card.getByRole('button', { name: `Arsipkan tahun ${YEAR}` }).click();
    await expect(card.getByRole('alertdialog')).toContainText(`data tahun ${YEAR} dihapus dari komputer ini`);
    await shot(page, '55-arsip-konfirmasi', card);
    const [dl] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Ya, simpan arsip lalu pindahkan' }).click()]);
    expect(dl.suggestedFilename()).toBe(`Arsip Kinerja Luring Kecamatan Curug ${YEAR}.zip`);
    await expect(card.getByText(new RegExp(`^Tahun ${YEAR} diarsipkan ke .*\\.zip \\(\\d+ KB\\); \\d+ data dipindahkan dari komputer ini\\.$`))).toBeVisible();
    await expect(card.getByTestId('archive-list')).toContainText(`Tahun ${YEAR} diarsipkan`);
    await shot(page, '56-arsip-selesai', card);
    const file = path.join(tmpdir(), `${Date.now()}-arsip.zip`);
    writeFileSync(file, readFileSync((await dl.path())!));

    // The live data no longer holds the year's SKP; the people stay.
    expect(await storeCount(page, 'skps')).toBe(0);
    expect(await storeCount(page, 'employees')).toBe(3);

    // An archive edited outside the app is refused, naming the table.
    const files = unzipSync(readFileSync(file));
    files['tables/skps.jsonl'] = strToU8(strFromU8(files['tables/skps.jsonl']!).replace('1.200 Surat', '9.999 Surat'));
    const forged = path.join(tmpdir(), `${Date.now()}-arsip-palsu.zip`);
    writeFileSync(forged, zipSync(files));
    await chooseFile(page, 'Buka berkas arsip…', forged);
    await expect(card.getByText('Berkas arsip telah diubah atau rusak pada tabel skps. Arsip tidak dibuka; pakai berkas arsip yang asli.')).toBeVisible();

    // The genuine archive opens read-only and prints the form with the code it was printed with.
    await chooseFile(page, 'Buka berkas arsip…', file);
    const view = page.getByTestId('archive-view');
    await expect(view.getByRole('heading', { level: 1 })).toHaveText(`Arsip tahun ${YEAR} — Kecamatan Curug`);
    await expect(view.getByTestId('archive-signer')).toContainText('Ditandatangani oleh komputer ini');
    await view.getByLabel('Dokumen', { exact: true }).selectOption('SKP');
    await expect(view.getByTestId('cetak-count')).toContainText('1 dokumen');
    await shot(page, '57-arsip-dibuka');
    const archivedText = await printText(page);
    expect(archivedText).toContain('Tersusunnya surat keterangan kependudukan');
    expect(codeIn(archivedText)).toBe(liveCode);

    await view.getByRole('button', { name: 'Tutup arsip' }).click();
    await expect(page).toHaveURL(/#\/pengaturan$/);
    rmSync(file, { force: true });
    rmSync(forged, { force: true });
  });
});
