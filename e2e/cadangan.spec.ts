import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { addCurugOffice, CURUG_STAFF, fillRhk, launchApp, newProfileDir, openSkpOf, setupOffice, shot, withApp } from './helpers';

/** Records per object store of the app's database, read straight from IndexedDB. */
function tableCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('kinerja-luring');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const n of names) {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => (out[n] = c.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

async function chooseFile(page: Page, button: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).first().click()]);
  await chooser.setFiles(file);
}

test('back up an office, restore it into a fresh profile, and refuse a tampered backup naming the table', async () => {
  test.setTimeout(240_000);
  const dirA = newProfileDir();
  const dirB = newProfileDir();
  const a = await launchApp(dirA);
  try {
    await setupOffice(a.page);
    await addCurugOffice(a.page, CURUG_STAFF.slice(0, 3));
    await openSkpOf(a.page, 'Budi Hartono');
    await fillRhk(a.page, 'Tersusunnya surat keterangan kependudukan', 'Jumlah surat keterangan', '1.200 Surat');
    await a.page.getByRole('button', { name: 'Simpan' }).click();
    await expect(a.page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);

    await a.page.goto('/#/pengaturan');
    const card = a.page.getByTestId('backup-card');
    const [dl] = await Promise.all([a.page.waitForEvent('download'), card.getByRole('button', { name: 'Cadangkan data' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/^Cadangan Kinerja Luring Kecamatan Curug \d{4}-\d{2}-\d{2}\.zip$/);
    await expect(card.getByText(/^Cadangan tersimpan: .*\.zip, \d+ KB, dibuat dalam \d+(,\d)? detik\.$/)).toBeVisible();
    await shot(a.page, '32-cadangan', card);
    const file = path.join(tmpdir(), `${Date.now()}-cadangan.zip`);
    writeFileSync(file, readFileSync((await dl.path())!));
    const before = await tableCounts(a.page);

    // A tampered copy: one employee's name changed inside the file.
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const tampered = path.join(tmpdir(), `${Date.now()}-diubah.zip`);
    writeFileSync(tampered, zipSync({ ...files, 'tables/employees.jsonl': strToU8(strFromU8(files['tables/employees.jsonl']!).replace('Budi Hartono', 'Budi Hartanto')) }));

    const b = await launchApp(dirB);
    try {
      await expect(b.page.getByTestId('setup')).toBeVisible();
      await chooseFile(b.page, 'Pulihkan dari cadangan…', tampered);
      await expect(b.page.getByText('Berkas cadangan telah diubah atau rusak pada tabel employees. Tidak ada data yang dipulihkan; pakai salinan cadangan yang asli.')).toBeVisible();
      expect((await tableCounts(b.page)).employees ?? 0).toBe(0);

      await chooseFile(b.page, 'Pulihkan dari cadangan…', file);
      const confirm = b.page.getByTestId('restore-confirm');
      await expect(confirm).toContainText('Cadangan Kecamatan Curug');
      await expect(confirm).toContainText('Isinya: 3 pegawai, 1 SKP, 0 evaluasi, 0 lampiran.');
      // A fresh PC knows no key: it says so instead of calling the backup genuine (issue #27).
      await expect(confirm.getByTestId('restore-signer')).toContainText('Penanda tangan cadangan ini tidak dikenal komputer ini, jadi keasliannya tidak dapat diperiksa di sini.');
      await shot(b.page, '33-pulihkan', confirm);
      await confirm.getByRole('button', { name: 'Ya, pulihkan' }).click();
      await expect(b.page.getByTestId('app-ready')).toBeVisible({ timeout: 30_000 });

      const after = await tableCounts(b.page);
      for (const [table, count] of Object.entries(before)) {
        // A PC's signing key never travels: the restored PC makes its own when it first signs.
        if (table === 'keys') continue;
        const extra = table === 'installations' || table === 'auditLog' ? 1 : 0;
        expect(after[table], table).toBe(count + extra);
      }
      // A sample of records: the staff list and the SKP's RHK.
      await b.page.goto('/#/pegawai');
      for (const p of CURUG_STAFF.slice(0, 3)) await expect(b.page.getByText(p.nama).first()).toBeVisible();
      await openSkpOf(b.page, 'Budi Hartono');
      await expect(b.page.getByLabel('Rencana hasil kerja 1')).toHaveValue('Tersusunnya surat keterangan kependudukan');

      // The restored installation writes under a new installation id.
      const installs = await b.page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const req = indexedDB.open('kinerja-luring');
            req.onsuccess = () => {
              const get = req.result.transaction('settings').objectStore('settings').get('install');
              get.onsuccess = () => resolve([get.result.installId, ...(get.result.rekeyedFrom ?? [])]);
            };
          }),
      );
      const [nowId, oldId] = installs;
      expect(oldId).toBeTruthy();
      expect(nowId).not.toBe(oldId);
    } finally {
      await b.context.close();
    }

    // Another office's PC: Curug's backup replaces Legok's data only once "Kecamatan Curug" is typed (issue #27).
    const dirC = newProfileDir();
    const c = await launchApp(dirC);
    try {
      await c.page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Tangerang');
      await c.page.getByLabel('Nama kantor/unit').fill('Kecamatan Legok');
      await c.page.getByLabel('Tempat penandatanganan').fill('Legok');
      await c.page.getByLabel('Nama admin di komputer ini').fill('Dewi');
      await c.page.getByRole('button', { name: 'Simpan dan mulai' }).click();
      await expect(c.page.getByTestId('app-ready')).toBeVisible();
      await c.page.goto('/#/pengaturan');
      await chooseFile(c.page, 'Pulihkan dari cadangan…', file);
      const confirm = c.page.getByTestId('restore-confirm');
      await expect(confirm.getByTestId('restore-other-office')).toContainText('Cadangan ini milik Kecamatan Curug, bukan Kecamatan Legok. Memulihkannya mengganti semua data Kecamatan Legok di komputer ini dengan data Kecamatan Curug.');
      await expect(confirm.getByRole('button', { name: 'Ya, pulihkan' })).toBeDisabled();
      await confirm.getByLabel('Ketik nama kantor cadangan ini (Kecamatan Curug) untuk melanjutkan').fill('kecamatan curug');
      await expect(confirm.getByRole('button', { name: 'Ya, pulihkan' })).toBeEnabled();
      await shot(c.page, '51-pulihkan-kantor-lain', confirm);
      await confirm.getByRole('button', { name: 'Batal' }).click();
      expect((await tableCounts(c.page)).employees ?? 0).toBe(0);
    } finally {
      await c.context.close();
      rmSync(dirC, { recursive: true, force: true });
    }
  } finally {
    await a.context.close();
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  }
});

/**
 * What a forger who knows the format builds from a real backup: one field changed, the table's
 * hash in the manifest recomputed, the manifest signed again with a key of his own.
 */
async function forgedBackup(real: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const files = unzipSync(real);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  const body = strToU8(strFromU8(files['tables/employees.jsonl']!).replace(from, to));
  manifest.tables.employees.sha256 = createHash('sha256').update(body).digest('hex');
  const text = JSON.stringify(manifest);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const sig = sign(null, Buffer.from(text), privateKey).toString('base64');
  return zipSync({ ...files, 'tables/employees.jsonl': body, 'manifest.json': strToU8(text), 'manifest.sig.json': strToU8(JSON.stringify({ installId: manifest.installId, alg: 'Ed25519', pub, sig })) });
}

/** A backup from an unknown PC with `rows` proposals of about 1.4 KB each: big enough to take seconds to check. */
function heavyBackup(real: Uint8Array, rows: number): Uint8Array {
  const files = unzipSync(real);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  manifest.installId = 'iorangluar000001';
  const pad = 'usulan perubahan '.repeat(80);
  const body = strToU8(Array.from({ length: rows }, (_, i) => JSON.stringify({ id: `usulan-${i}`, at: '2026-01-01T00:00:00.000Z', catatan: `${i} ${pad}` })).join('\n'));
  manifest.tables.proposals = { count: rows, sha256: createHash('sha256').update(body).digest('hex') };
  const text = JSON.stringify(manifest);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const sig = sign(null, Buffer.from(text), privateKey).toString('base64');
  return zipSync({ ...files, 'tables/proposals.jsonl': [body, { level: 1 }], 'manifest.json': strToU8(text), 'manifest.sig.json': strToU8(JSON.stringify({ installId: manifest.installId, alg: 'Ed25519', pub, sig })) });
}

test('hostile backups on the PC that made the real one: a forged signature, a bomb, and Batal while a big file is checked', async () => {
  test.setTimeout(240_000);
  const dir = newProfileDir();
  const a = await launchApp(dir);
  const written: string[] = [];
  const save = (name: string, bytes: Uint8Array) => {
    const file = path.join(tmpdir(), `${Date.now()}-${name}.zip`);
    writeFileSync(file, bytes);
    written.push(file);
    return file;
  };
  try {
    await setupOffice(a.page);
    await addCurugOffice(a.page, CURUG_STAFF.slice(0, 3));
    await a.page.goto('/#/pengaturan');
    const card = a.page.getByTestId('backup-card');
    const [dl] = await Promise.all([a.page.waitForEvent('download'), card.getByRole('button', { name: 'Cadangkan data' }).click()]);
    const real = new Uint8Array(readFileSync((await dl.path())!));
    const before = await tableCounts(a.page);

    // Its own backup: the signature is checked against this PC's own key.
    await chooseFile(a.page, 'Pulihkan dari cadangan…', save('asli', real));
    await expect(card.getByTestId('restore-signer')).toContainText('Tanda tangan terperiksa: cadangan ini dibuat oleh komputer ini dan tidak diubah sejak itu');
    await card.getByTestId('restore-confirm').getByRole('button', { name: 'Batal' }).click();

    // Edited, rehashed and re-signed by someone else under this PC's name.
    await chooseFile(a.page, 'Pulihkan dari cadangan…', save('palsu', await forgedBackup(real, 'Budi Hartono', 'Budi Hartanto')));
    const refusal = card.getByText('Cadangan ini mengaku dibuat oleh komputer ini, tetapi tidak ditandatangani dengan kunci komputer ini: berkas dibuat ulang di tempat lain. Tidak ada data yang dipulihkan; pakai berkas cadangan yang asli.');
    await expect(refusal).toBeVisible();
    await shot(a.page, '52-pulihkan-tanda-tangan-palsu', refusal);

    // A bomb: 300 MB of one byte packed into a few hundred KB.
    const files = unzipSync(real);
    const bomb = zipSync({ ...files, 'tables/importLog.jsonl': [new Uint8Array(300 * 1024 ** 2).fill(0x20), { level: 9 }] });
    await chooseFile(a.page, 'Pulihkan dari cadangan…', save('bom', bomb));
    const tooBig = card.getByText(/^Tabel importLog di berkas ini membengkak menjadi 300 MB dari \d+ KB saat dibuka, jauh melebihi data sungguhan: berkas ini bukan cadangan asli\./);
    await expect(tooBig).toBeVisible();
    await shot(a.page, '53-pulihkan-bom', tooBig);

    // A big file is checked in the worker: the bar moves and Batal stops it at once.
    await chooseFile(a.page, 'Pulihkan dari cadangan…', save('besar', heavyBackup(real, 200_000)));
    const bar = card.getByTestId('backup-progress');
    await expect(bar).toBeVisible();
    await shot(a.page, '54-pulihkan-memeriksa', bar);
    await bar.getByRole('button', { name: 'Batal' }).click();
    await expect(card.getByText('Dibatalkan. Tidak ada yang berubah.')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Pulihkan dari cadangan…' })).toBeEnabled();

    expect(await tableCounts(a.page)).toEqual(before);
    await a.page.goto('/#/pegawai');
    await expect(a.page.getByText('Budi Hartono').first()).toBeVisible();
  } finally {
    await a.context.close();
    for (const f of written) rmSync(f, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

/** One audit entry edited in IndexedDB behind the app's back, as a script in the page could. */
function editAuditEntry(page: Page, seq: number): Promise<void> {
  return page.evaluate(
    (seq) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('kinerja-luring');
        req.onsuccess = () => {
          const store = req.result.transaction('auditLog', 'readwrite').objectStore('auditLog');
          const all = store.getAll();
          all.onsuccess = () => {
            const entry = (all.result as { seq: number; actor: string }[]).find((e) => e.seq === seq);
            if (!entry) return reject(new Error(`no audit entry ${seq}`));
            const put = store.put({ ...entry, actor: 'Orang Lain' });
            put.onsuccess = () => {
              req.result.close();
              resolve();
            };
          };
        };
      }),
    seq,
  );
}

test('Beranda asks for a first backup; an import is undone from its log without a whole-database copy; the history check names an edited entry', async () => {
  test.setTimeout(240_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page, CURUG_STAFF.slice(0, 2));

    await page.goto('/#/');
    const reminder = page.getByTestId('backup-reminder');
    await expect(reminder).toContainText('Data kantor ini belum pernah dicadangkan ke berkas.');
    await shot(page, '34-beranda-cadangan', reminder);

    // An import of one employee: its log keeps what it replaced, no copy of the whole database (issue #33).
    await page.goto('/#/impor-ekspor');
    const [tdl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh templat Pegawai' }).click()]);
    const wb = XLSX.read(readFileSync((await tdl.path())!));
    XLSX.utils.sheet_add_aoa(wb.Sheets['Data']!, [['199203152019032007', 'Dewi Kartika', '', 'S.Sos.', 'PNS', 'P', '15-03-1992', 'III/b', '01-03-2019', 'Analis Pemerintahan', 'Pelaksana']], { origin: 'A4' });
    const filled = path.join(tmpdir(), `${Date.now()}-pegawai.xlsx`);
    writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await chooseFile(page, 'Pilih berkas Excel…', filled);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByRole('button', { name: 'Impor 1 data' }).click();
    await expect(page.getByText(/Impor selesai: 1 baru/)).toBeVisible();
    rmSync(filled, { force: true });

    await page.goto('/#/pengaturan');
    const snaps = page.getByTestId('snapshots-card');
    await expect(snaps).toContainText('Belum ada salinan otomatis.');
    await shot(page, '35-salinan-otomatis', snaps);

    // The history is whole; then one entry is edited outside the app and the check names it.
    const audit = page.getByTestId('audit-check-card');
    await audit.getByRole('button', { name: 'Periksa keutuhan riwayat' }).click();
    await expect(audit.getByText(/^Riwayat utuh: \d+ catatan, tidak ada yang diubah atau dihapus di luar aplikasi\.$/)).toBeVisible();
    await expect(audit.getByTestId('audit-check-last')).toContainText('Pemeriksaan seluruh riwayat terakhir:');
    // The quick check resumes where that one ended (issue #33): nothing new since.
    await audit.getByRole('button', { name: 'Periksa sejak pemeriksaan terakhir' }).click();
    await expect(audit.getByText(/^Riwayat utuh: 0 catatan baru sejak pemeriksaan .+ diperiksa \(\d+ catatan seluruhnya\)\./)).toBeVisible();
    await editAuditEntry(page, 2);
    await audit.getByRole('button', { name: 'Periksa keutuhan riwayat' }).click();
    await expect(audit.getByText(/^Riwayat tidak utuh: catatan ke-2 \(.+\) telah diubah di luar aplikasi\./)).toBeVisible();
    await shot(page, '36-keutuhan-riwayat', audit);

    // Undone from the import log: the employee the import added is gone again, the others stay.
    await page.goto('/#/impor-ekspor');
    await page.getByRole('button', { name: 'Batalkan impor ini' }).first().click();
    await expect(page.getByText('Impor dibatalkan; data kembali seperti sebelum impor.')).toBeVisible();
    await page.goto('/#/pegawai');
    await expect(page.getByText(CURUG_STAFF[0]!.nama).first()).toBeVisible();
    await expect(page.getByText('Dewi Kartika')).toHaveCount(0);
  });
});
