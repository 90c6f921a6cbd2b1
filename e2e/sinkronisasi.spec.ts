import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { readPackageFile, writePackageFile } from '../src-renderer/exchange/packageFile';
import { generateSigningKey, signText } from '../src-renderer/exchange/signature';
import { launchApp, newProfileDir, shot } from './helpers';
import { bkdIntroducedTo, buildFor, choose, kantorWithLaptop, openRina, receive, setRating } from './sync.helpers';


/** Rewrites a package as a forger would: records changed, every fingerprint and hash recomputed, signed with his own key. */
async function forge(file: string, edit: (doc: Record<string, unknown>) => void): Promise<string> {
  const read = await readPackageFile(new Uint8Array(readFileSync(file)), '9.9.9');
  if (!read.ok) throw new Error(read.code);
  for (const r of read.records) edit(r.doc);
  const key = await generateSigningKey();
  const { hash: _h, sig: _s, rows: _r, key: _k, readable: _d, ...draft } = read.envelope;
  const { bytes } = await writePackageFile({ envelope: draft, records: read.records, signer: { key: { alg: key.alg, pub: key.pub }, sign: (t) => signText(key, t) } });
  const out = path.join(tmpdir(), `${Date.now()}-palsu.xlsx`);
  writeFileSync(out, bytes);
  return out;
}

test('kantor, laptop penilai and BKD exchange packages: both edits survive, a clash is resolved once, nothing applies twice', async () => {
  test.setTimeout(300_000);
  const dirs = [newProfileDir(), newProfileDir(), newProfileDir()];
  const kantor = await launchApp(dirs[0]!);
  const laptop = await launchApp(dirs[1]!);
  const bkd = await launchApp(dirs[2]!);
  const k = kantor.page;
  const l = laptop.page;
  const b = bkd.page;
  try {
    // The kecamatan: the camat rates the kasi (her SKP approved, her Q1 evaluation started), and the
    // camat's laptop joined through its pairing package, with his appraisees only.
    await kantorWithLaptop(k, l);
    await l.goto('/#/pegawai');
    await expect(l.getByTestId('pegawai-list')).toContainText('Rina Marlina');
    await expect(l.getByTestId('pegawai-list')).not.toContainText('Budi Hartono');
    // The laptop lists the camat's work only: not his own SKP as "Belum ada SKP" (issue #26)…
    await l.goto('/#/skp');
    await expect(l.getByTestId('skp-row').filter({ hasText: 'Rina Marlina' })).toBeVisible();
    await expect(l.getByTestId('skp-row').filter({ hasText: 'Asep Saepudin' })).toHaveCount(0);
    await expect(l.getByRole('button', { name: 'Buat SKP' })).toHaveCount(0);
    // …and the SKP, the office's to write, is shown without a field to type in or Ajukan.
    await l.getByTestId('skp-row').filter({ hasText: 'Rina Marlina' }).getByRole('link', { name: 'Buka' }).click();
    await expect(l.locator('.plain-fieldset').locator('input:enabled, select:enabled, textarea:enabled')).toHaveCount(0);
    await expect(l.getByRole('button', { name: /^(Simpan|Ajukan|Buka kembali)$/ })).toHaveCount(0);

    // The camat rates on his laptop while the admin types the realisasi of the same evaluation…
    await setRating(l, 'Sesuai Ekspektasi');
    await expect(l.getByTestId('rating-only')).toBeVisible();
    await expect(l.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toBeDisabled();
    await l.getByLabel('Rating perilaku kerja').selectOption({ label: 'Di Atas Ekspektasi' });
    await l.getByRole('button', { name: 'Simpan' }).click();
    await expect(l.getByText('Evaluasi tersimpan.')).toBeVisible();
    await openRina(k);
    await k.getByLabel('Realisasi berdasarkan bukti dukung A.1').fill('97%');
    // …and, deliberately, both set the rating hasil kerja differently.
    await k.getByLabel('Rating hasil kerja').selectOption({ label: 'Di Bawah Ekspektasi' });
    await k.getByRole('button', { name: 'Simpan' }).click();
    await expect(k.getByText('Evaluasi tersimpan.')).toBeVisible();

    const fromLaptop = await buildFor(l, 'PC admin');
    const preview = await receive(k, fromLaptop, true, l);
    expect(preview).toContain('Berubah: 1');
    expect(preview).toContain('Konflik yang perlu ditinjau: 1');
    await openRina(k);
    await expect(k.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toHaveValue('97%');
    await expect(k.getByLabel('Rating perilaku kerja')).toHaveValue('DI_ATAS_EKSPEKTASI');
    // The evaluation's history names the package that brought the camat's rating.
    await expect(k.getByTestId('eval-history')).toContainText('diterima dari Kecamatan Curug, laptop Camat (paket');

    const toLaptop = await buildFor(k, 'laptop Camat');
    await receive(l, toLaptop);
    await openRina(l);
    await expect(l.getByLabel('Realisasi berdasarkan bukti dukung A.1')).toHaveValue('97%');

    // The same conflict on both sides, both values and their writers side by side.
    const conflictOn = async (p: Page) => {
      await p.goto('/#/sinkronisasi');
      const c = p.getByTestId('conflict');
      await expect(c).toHaveCount(1);
      return (await c.textContent()) ?? '';
    };
    // Beranda points to it, at the foot of the page (counting it reads every synced record).
    await k.goto('/#/');
    await expect(k.getByTestId('home-review')).toContainText('1 hal hasil sinkronisasi perlu ditinjau');
    const onKantor = await conflictOn(k);
    const onLaptop = await conflictOn(l);
    expect(onKantor).toContain('Rating hasil kerja');
    expect(onKantor).toContain('Sesuai Ekspektasi');
    expect(onKantor).toContain('Di Bawah Ekspektasi');
    expect(onKantor).toContain('laptop Camat');
    expect(onLaptop.replace(/\d{1,2}\.\d{2}/g, '')).toBe(onKantor.replace(/\d{1,2}\.\d{2}/g, ''));
    await shot(k, '27-sinkronisasi-konflik');

    // Resolved once, on the kantor; the laptop follows with the next package.
    const values = k.getByTestId('conflict').locator('.conflict-value');
    await values.filter({ hasText: 'Sesuai Ekspektasi' }).getByRole('button', { name: 'Pakai nilai ini' }).click();
    await expect(k.getByText('Tidak ada yang perlu ditinjau.')).toBeVisible();
    await k.goto('/#/');
    await expect(k.getByTestId('home-counts')).toBeVisible();
    await expect(k.getByTestId('home-review')).toHaveCount(0);
    const settled = await buildFor(k, 'laptop Camat');
    await receive(l, settled);
    await l.goto('/#/sinkronisasi');
    await expect(l.getByText('Tidak ada yang perlu ditinjau.')).toBeVisible();
    await openRina(l);
    await expect(l.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');

    // The same package twice changes nothing and says so.
    const again = await receive(l, settled, false);
    expect(again).toContain('Paket ini sudah pernah diterima; tidak ada yang berubah.');
    await expect(l.getByRole('button', { name: 'Terapkan' })).toBeDisabled();
    await l.getByRole('button', { name: 'Batal' }).click();

    // A hand-edited row refuses the whole package, naming the row.
    const wb = XLSX.read(readFileSync(settled), { type: 'array' });
    const ws = wb.Sheets._rekaman!;
    ws.H2!.v = String(ws.H2!.v).replace('Kecamatan Curug', 'Kecamatan Cikupa');
    const edited = path.join(tmpdir(), `${Date.now()}-diubah.xlsx`);
    writeFileSync(edited, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    await l.goto('/#/sinkronisasi');
    await choose(l, 'Terima paket', edited);
    await expect(l.getByRole('alert')).toContainText('Baris 2 di lembar _rekaman');
    await expect(l.getByRole('alert')).toContainText('(Evaluasi ');
    await expect(l.getByRole('alert')).toContainText('Minta berkas asli dari pengirim');

    // A forger who knows the format: Rina's rating raised, every fingerprint and hash recomputed,
    // signed with a key of his own under the kantor's name. Refused with one sentence, nothing applied.
    const forged = await forge(settled, (doc) => {
      if ('ratingHasil' in doc) doc.ratingHasil = 'DI_ATAS_EKSPEKTASI';
    });
    await l.goto('/#/sinkronisasi');
    await choose(l, 'Terima paket', forged);
    await expect(l.getByRole('alert')).toContainText('tidak ditandatangani dengan kunci komputer itu; paket tidak diterima');
    await shot(l, '45-sinkronisasi-paket-palsu');
    await openRina(l);
    await expect(l.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');

    // The BKD: introductions both ways, then the kecamatan's package, shown read-only there.
    await bkdIntroducedTo(b, k);
    const toBkd = await buildFor(k, 'PC BKD');
    await receive(b, toBkd);
    await b.goto('/#/pegawai');
    await expect(b.getByTestId('pegawai-list')).toContainText('Budi Hartono');
    await b.getByTestId('pegawai-list').getByText('Budi Hartono').click();
    await expect(b.getByTestId('owner-notice')).toHaveText('Data milik Kecamatan Curug; hanya dapat dilihat di komputer ini.');
    // Read-only looks read-only: every field disabled, no Simpan (issue #26).
    const form = b.getByTestId('pegawai-form');
    await expect(form.getByLabel('Nama jabatan')).toBeDisabled();
    await expect(form.locator('input:enabled, select:enabled, textarea:enabled')).toHaveCount(0);
    await expect(b.getByRole('button', { name: 'Simpan' })).toHaveCount(0);
    // The same for the kecamatan's evaluation: no field to type in, no Simpan or Finalkan.
    await openRina(b);
    await expect(b.getByLabel('Rating hasil kerja')).toBeDisabled();
    await expect(b.locator('.plain-fieldset').locator('input:enabled, select:enabled, textarea:enabled')).toHaveCount(0);
    await expect(b.getByRole('button', { name: /^(Simpan|Finalkan|Buka kembali)$/ })).toHaveCount(0);
    await shot(b, '48-bkd-evaluasi-hanya-dilihat');
    await b.goto('/#/sinkronisasi');
    await expect(b.getByTestId('peer-PC admin')).toContainText('Kecamatan Curug');
    // The camat's ratings came with the kecamatan's evaluation: nothing waits as a proposal.
    await expect(b.getByText('Tidak ada yang perlu ditinjau.')).toBeVisible();
    await shot(b, '28-sinkronisasi-bkd');
    // Beranda at the BKD: the dashboard is drawn from the kecamatan's copies.
    await b.goto('/#/');
    await expect(b.getByTestId('dash-skp')).toContainText('Kecamatan Curug');
    await k.goto('/#/sinkronisasi');
    await expect(k.getByTestId('peer-PC BKD')).toBeVisible();
    await shot(k, '26-sinkronisasi');
  } finally {
    for (const app of [kantor, laptop, bkd]) await app.context.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});
