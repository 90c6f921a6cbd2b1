import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signerP12, testCa } from '../src-renderer/tte/tte.testkit';
import { addCurugOffice, fillRhk, launchApp, newProfileDir, openSkpOf, setupOffice, shot, submitAndApprove } from './helpers';

async function choose(page: Page, button: string | RegExp, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles(file);
}

async function checkSigned(page: Page, file: string) {
  await page.goto('/#/cetak/verifikasi');
  await choose(page, 'Buka PDF bertanda tangan…', file);
  return page.getByTestId('tte-result');
}

/** What the Verifikasi card says about a file that has no signature. */
async function checkSignedText(page: Page, file: string): Promise<string> {
  await page.goto('/#/cetak/verifikasi');
  await choose(page, 'Buka PDF bertanda tangan…', file);
  const card = page.getByTestId('tte-verify');
  await expect(card.locator('.notice')).toBeVisible();
  return card.innerText();
}

test('an SKP signed electronically in Cetak with a .p12, then verified offline with honest labels (#31)', async () => {
  test.setTimeout(240_000);
  const dir = newProfileDir();
  const files = newProfileDir();
  const ca = await testCa('Kinerja Luring Test Root CA');
  const bsre = await testCa('Root CA BSrE Uji Coba');
  const p12 = path.join(files, 'rina.p12');
  writeFileSync(p12, await signerP12(ca, { name: 'Rina Marlina', nip: '198211032006042011', passphrase: 'rahasia-rina' }));
  const bsreP12 = path.join(files, 'rina-bsre.p12');
  writeFileSync(bsreP12, await signerP12(bsre, { name: 'Rina Marlina', nip: '198211032006042011', passphrase: 'rahasia-rina' }));
  const { context, page } = await launchApp(dir);
  try {
    await setupOffice(page);
    await addCurugOffice(page);
    await openSkpOf(page, 'Budi Hartono');
    await fillRhk(page, 'Tersusunnya surat keterangan kependudukan', 'Jumlah surat keterangan', '1.200 Surat');
    await submitAndApprove(page);

    const signIn = async (file: string, out: string) => {
      await page.getByRole('link', { name: 'Cetak SKP' }).click();
      await page.getByRole('button', { name: 'Buat PDF' }).click();
      await expect(page.getByTestId('cetak-done')).toContainText('Selesai: 1 dokumen');
      if (out === 'skp-tte.pdf') {
        // For the instansi's online esign service: the same pages, an empty field named TTE, nothing signed.
        const [ready] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF siap TTE' }).click()]);
        expect(ready.suggestedFilename()).toMatch(/-siap-TTE\.pdf$/);
        await ready.saveAs(path.join(files, 'siap-tte.pdf'));
      }
      await page.getByRole('button', { name: 'Tandatangani secara elektronik…' }).click();
      await choose(page, 'Pilih sertifikat (.p12/.pfx)…', file);
      const panel = page.getByTestId('tte-sign');
      await expect(panel).toContainText(`Sertifikat: ${path.basename(file)}`);
      // A wrong passphrase: one sentence, nothing signed.
      await panel.getByLabel('Frasa sandi sertifikat').fill('salah');
      await panel.getByRole('button', { name: 'Tandatangani', exact: true }).click();
      await expect(panel).toContainText('Frasa sandi sertifikat salah.');
      if (out === 'skp-tte.pdf') await shot(page, '79-tte-frasa-salah', panel);
      await panel.getByLabel('Frasa sandi sertifikat').fill('rahasia-rina');
      await panel.getByRole('button', { name: 'Tandatangani', exact: true }).click();
      await expect(page.getByTestId('tte-sign')).toContainText('Ditandatangani secara elektronik oleh Rina Marlina');
      // The count now includes the pengesahan page, and the file is the signed one.
      await expect(page.getByTestId('cetak-done')).toContainText(/Selesai: 1 dokumen, 4 halaman \(.*-TTE\.pdf\)/);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cetak-done').getByRole('button', { name: 'Simpan PDF' }).click()]);
      expect(dl.suggestedFilename()).toMatch(/-TTE\.pdf$/);
      const target = path.join(files, out);
      await dl.saveAs(target);
      return target;
    };

    await openSkpOf(page, 'Budi Hartono');
    const signed = await signIn(p12, 'skp-tte.pdf');
    await shot(page, '79-tte-ditandatangani', page.getByTestId('tte-sign'));
    // Poppler agrees: valid, the whole document, PAdES.
    const sig = execFileSync('pdfsig', [signed], { encoding: 'utf8' });
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');

    // No root installed: intact, issuer unknown; never "BSrE"; revocation never claimed.
    let result = await checkSigned(page, signed);
    await expect(result).toContainText('Dokumen tidak berubah sejak ditandatangani.');
    await expect(page.getByTestId('tte-trust')).toHaveText('Tanda tangan utuh; penerbit sertifikat belum dikenal komputer ini.');
    await expect(result).toContainText('Status pencabutan tidak dapat diperiksa tanpa jaringan');
    await expect(result).toContainText('NIP: 19821103 200604 2 011');
    // The code the signature names matches today's SKP.
    await expect(result.getByTestId('verify-result')).toContainText('Sesuai: data di aplikasi sama dengan dokumen cetak ini.');
    await shot(page, '80-tte-belum-dikenal', result);

    // The office installs the issuing root in Pengaturan: trusted, and still not called BSrE.
    const rootFile = path.join(files, 'root.cer');
    writeFileSync(rootFile, ca.rootDer);
    await page.goto('/#/pengaturan');
    await choose(page, 'Tambah sertifikat akar (.cer/.crt/.pem)…', rootFile);
    await expect(page.getByTestId('tte-roots')).toContainText('Sertifikat akar Kinerja Luring Test Root CA ditambahkan.');
    result = await checkSigned(page, signed);
    await expect(page.getByTestId('tte-trust')).toHaveText('Tanda tangan utuh; sertifikat diterbitkan oleh penerbit yang dipercaya komputer ini (Kinerja Luring Test Root CA), bukan BSrE.');
    await shot(page, '81-tte-dipercaya', result);

    // One byte changed after signing: altered, said first.
    const bytes = new Uint8Array(readFileSync(signed));
    const at = Buffer.from(bytes).indexOf('SASARAN');
    const i = at > 0 ? at : 3000;
    bytes[i] = bytes[i]! ^ 1;
    const tampered = path.join(files, 'skp-tte-diubah.pdf');
    writeFileSync(tampered, bytes);
    result = await checkSigned(page, tampered);
    await expect(result.getByRole('heading').first()).toHaveText(/Dokumen DIUBAH setelah ditandatangani/);
    await expect(result.getByTestId('verify-result')).toHaveCount(0);
    await shot(page, '82-tte-diubah', result);

    // Signed with a certificate from a root named BSrE, installed here: "Tersertifikasi BSrE".
    await openSkpOf(page, 'Budi Hartono');
    const byBsre = await signIn(bsreP12, 'skp-tte-bsre.pdf');
    writeFileSync(rootFile, bsre.rootDer);
    await page.goto('/#/pengaturan');
    await choose(page, 'Tambah sertifikat akar (.cer/.crt/.pem)…', rootFile);
    result = await checkSigned(page, byBsre);
    await expect(page.getByTestId('tte-trust')).toHaveText('Tersertifikasi BSrE');
    await shot(page, '83-tte-bsre', result);

    // The "PDF siap TTE" made earlier carries the empty field, and no signature yet.
    const ready = path.join(files, 'siap-tte.pdf');
    expect(execFileSync('pdfsig', [ready], { encoding: 'utf8' })).toMatch(/TTE|does not contain any signatures/);
    expect(await checkSignedText(page, ready)).toContain('PDF ini tidak memuat tanda tangan elektronik.');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
});
