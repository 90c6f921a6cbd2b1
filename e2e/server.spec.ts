import { expect, test, type Page } from '@playwright/test';
import { setupServer } from '../scripts/couchdb-setup-lib.mjs';
import { startStandIn, type StandIn } from '../scripts/couchdb-standin.mjs';
import { BASE_URL, launchApp, newProfileDir, shot } from './helpers';
import { bkdIntroducedTo, kantorWithLaptop, openRina, setRating } from './sync.helpers';

/** What a PC's "Server BKD" card tells the server admin: its user name and office code. */
async function account(page: Page): Promise<{ user: string; office: string }> {
  await page.goto('/#/sinkronisasi');
  const text = (await page.getByTestId('server-account').textContent()) ?? '';
  const m = /nama pengguna komputer ini (\S+), kode kantor (\S+)\./.exec(text);
  if (!m) throw new Error(`no account line: ${text}`);
  return { user: m[1]!, office: m[2]! };
}

async function connect(page: Page, url: string, password: string) {
  await page.goto('/#/sinkronisasi');
  const card = page.getByTestId('sync-server');
  await card.getByLabel('Alamat server').fill(url);
  await card.getByLabel('Kata sandi dari admin BKD').fill(password);
  await card.getByRole('button', { name: 'Simpan' }).click();
  await expect(card.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeVisible();
}

/** "Sinkronkan sekarang", then the run's outcome: its summary, or the sentence that stopped it. */
async function syncNow(page: Page): Promise<string> {
  await page.goto('/#/sinkronisasi');
  const card = page.getByTestId('sync-server');
  await card.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
  const outcome = card.getByTestId('server-done').or(card.getByTestId('server-error'));
  await expect(outcome).toBeVisible({ timeout: 60_000 });
  return (await outcome.textContent()) ?? '';
}

test('kantor, laptop and BKD sync through a CouchDB-protocol server: a new key compared once, offline and a wrong password said plainly', async () => {
  test.setTimeout(300_000);
  const server: StandIn = await startStandIn({ corsOrigins: [BASE_URL] });
  const [kantor, laptop, bkd] = [await launchApp(newProfileDir()), await launchApp(newProfileDir()), await launchApp(newProfileDir())];
  const [k, l, b] = [kantor.page, laptop.page, bkd.page];
  try {
    await kantorWithLaptop(k, l);
    await bkdIntroducedTo(b, k);
    await shot(k, '60-server-belum-diatur', k.getByTestId('sync-server'));

    // The BKD admin prepares the server from what each PC's card shows.
    const [ka, la, ba] = [await account(k), await account(l), await account(b)];
    const { passwords } = await setupServer({
      url: server.url,
      admin: server.admin,
      plan: { tahun: [new Date().getFullYear()], bkd: [ba.user], kantor: [{ officeId: ka.office, nama: 'Kecamatan Curug', anggota: [ka.user, la.user] }] },
    });
    const pw = new Map(passwords.map((p) => [p.name, p.password]));
    for (const [page, a] of [[k, ka], [l, la], [b, ba]] as const) await connect(page, server.url, pw.get(a.user)!);

    // The camat rates on his laptop and syncs: his package goes to the server.
    await setRating(l, 'Sesuai Ekspektasi');
    expect(await syncNow(l)).toMatch(/1 paket terkirim, \d+ paket diterapkan/);

    // The kantor has never seen the laptop's key: the packet waits until a person compares the code.
    await syncNow(k);
    const refused = k.getByTestId('server-refused');
    await expect(refused).toContainText('ditandatangani dengan kunci yang belum dikenal komputer ini');
    await shot(k, '61-server-kunci-baru', refused);
    await refused.getByRole('button', { name: 'Kode cocok, percayai' }).click();
    await expect(k.getByTestId('server-done')).toContainText(/1 paket diterapkan \(0 data baru, 1 diperbarui/);
    await expect(k.getByTestId('server-refused')).toHaveCount(0);
    await shot(k, '62-server-tersinkron', k.getByTestId('sync-server'));
    await openRina(k);
    await expect(k.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');

    // The BKD receives the kecamatan's records, the camat's rating included, read-only. Its line is
    // slowed down here so the card can be seen while a run is under way.
    await b.route(`${server.url}/**`, async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await b.goto('/#/sinkronisasi');
    await b.getByTestId('sync-server').getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(b.getByTestId('server-status')).toContainText(/Menyinkronkan… (mengambil|menerapkan|menyiapkan|mengirim) paket/);
    await expect(b.getByTestId('sync-server').getByRole('button', { name: 'Sinkronkan sekarang' })).toBeDisabled();
    await shot(b, '65-server-menyinkronkan', b.getByTestId('sync-server'));
    await expect(b.getByTestId('server-done')).toContainText('Sinkron dengan server', { timeout: 60_000 });
    await b.unroute(`${server.url}/**`);
    await openRina(b);
    await expect(b.getByLabel('Rating hasil kerja')).toHaveValue('SESUAI_EKSPEKTASI');
    await expect(b.getByLabel('Rating hasil kerja')).toBeDisabled();

    // The server goes away: one sentence, and the files path is named.
    await server.kill();
    expect(await syncNow(k)).toContain('Server tidak dapat dihubungi');
    await shot(k, '63-server-tidak-terhubung', k.getByTestId('sync-server'));
    await server.revive();

    // A wrong password is named as such.
    await k.getByTestId('sync-server').getByRole('button', { name: 'Ubah' }).click();
    await connect(k, server.url, 'bukan-sandinya');
    expect(await syncNow(k)).toContain('Server menolak nama pengguna atau kata sandi');
    await shot(k, '64-server-sandi-salah', k.getByTestId('sync-server'));
  } finally {
    await Promise.all([kantor.context.close(), laptop.context.close(), bkd.context.close()]);
    await server.close();
  }
});
