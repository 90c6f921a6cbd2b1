import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pdfPages } from '../src-renderer/print/pdfText.testkit';
import { addUnit, approvedSkps, fillRhk, importPeople, openSkpOf, selectByText, selectPeriod, setupOffice, shot, submitAndApprove, watchFirstPosition, withApp } from './helpers';

const Q1 = 'TRIWULAN I (';
const RATING = { SB: ['Di Atas Ekspektasi', 'Di Atas Ekspektasi'], B: ['Sesuai Ekspektasi', 'Sesuai Ekspektasi'], BP: ['Di Bawah Ekspektasi', 'Sesuai Ekspektasi'] } as const;
type Grade = keyof typeof RATING;

/** A kecamatan with three seksi: the camat rates the three kasi, each kasi his three staff. */
const SEKSI = [
  // Kasi Ahmad gives all his staff Sangat Baik: the lenient appraiser the dashboard should mark.
  { unit: 'Seksi Pemerintahan', kasi: 'Ahmad Fauzi', staff: [['Budi Hartono', 'SB'], ['Citra Ayu', 'SB'], ['Dedi Kurnia', 'SB']] },
  { unit: 'Seksi Pelayanan Umum', kasi: 'Eka Putri', staff: [['Fajar Nugraha', 'B'], ['Gita Sari', 'B'], ['Hendra Wijaya', 'BP']] },
  { unit: 'Seksi Ketenteraman', kasi: 'Indra Lesmana', staff: [['Joko Susilo', 'B'], ['Kiki Amelia', 'B'], ['Lukman Hakim', 'B']] },
] as const;
const CAMAT = 'Asep Saepudin';

function nip(i: number): string {
  return `19800101200501${String(1000 + i).slice(-4)}`;
}

/** Units through the screen; the thirteen people in one Excel import, with unit and atasan. */
async function seedOffice(page: Page) {
  await page.goto('/#/pegawai/unit');
  await addUnit(page, 'Kecamatan Curug');
  for (const s of SEKSI) await addUnit(page, s.unit, 'Kecamatan Curug');
  const rows: string[][] = [['NIP', 'Nama', 'Golongan', 'Jabatan', 'Unit Kerja', 'NIP Atasan']];
  let i = 0;
  rows.push([nip(i++), CAMAT, 'IV/b', 'Camat Curug', 'Kecamatan Curug', '']);
  for (const s of SEKSI) {
    const kasiNip = nip(i++);
    rows.push([kasiNip, s.kasi, 'III/d', `Kepala ${s.unit}`, s.unit, nip(0)]);
    for (const [nama] of s.staff) rows.push([nip(i++), nama, 'III/a', 'Analis', s.unit, kasiNip]);
  }
  await importPeople(page, rows);
  // The camat's appraiser is outside the office (the Sekda), typed on his SKP.
  await openSkpOf(page, CAMAT);
  await page.getByLabel('Pejabat penilai kinerja — Nama').fill('Drs. H. Moch. Maesyal Rasyid, M.Si.');
  await page.getByLabel('Pejabat penilai kinerja — Jabatan').fill('Sekretaris Daerah');
  await page.getByLabel('Pejabat penilai kinerja — Unit kerja/instansi').fill('Pemerintah Kabupaten Tangerang');
  await fillRhk(page, `Hasil kerja ${CAMAT}`, 'Jumlah layanan', '100 Layanan');
  await submitAndApprove(page);
  await approvedSkps(page, [...SEKSI.flatMap((s) => [s.kasi, ...s.staff.map(([n]) => n)])].map((n) => [n, `Hasil kerja ${n}`] as const));
}

/** Ratings for one unit's members on the unit grid. */
async function rateUnit(page: Page, unit: string, grades: readonly (readonly [string, Grade])[]) {
  await page.goto('/#/penilaian/unit');
  await selectPeriod(page, Q1);
  await selectByText(page.getByLabel('Unit kerja', { exact: true }), unit);
  const grid = page.getByTestId('unit-grid');
  for (const [nama, grade] of grades) {
    const row = grid.locator(`[data-testid="grid-row"][data-nama="${nama}"]`);
    await row.getByLabel(`Rating hasil kerja — ${nama}`).selectOption({ label: RATING[grade][0] });
    await row.getByLabel(`Rating perilaku kerja — ${nama}`).selectOption({ label: RATING[grade][1] });
    await expect(row.getByTestId('grid-predikat')).not.toHaveText('');
  }
}

test('the dashboard shows the office-wide distribution, lists the employees behind a bar, marks a lenient kasi, and the office rekap prints everyone', async () => {
  test.setTimeout(600_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await seedOffice(page);
    // The camat sits in Kecamatan Curug, the kasi in their seksi (the grid shows a unit's own members).
    await rateUnit(page, '\u00a0\u00a0Seksi Pemerintahan', [['Ahmad Fauzi', 'B'], ...SEKSI[0].staff]);
    await rateUnit(page, '\u00a0\u00a0Seksi Pelayanan Umum', [['Eka Putri', 'B'], ...SEKSI[1].staff]);
    await rateUnit(page, '\u00a0\u00a0Seksi Ketenteraman', [['Indra Lesmana', 'B'], ...SEKSI[2].staff]);
    await page.goto('/#/penilaian/distribusi');
    await selectPeriod(page, Q1);
    await page.getByLabel('Capaian kinerja organisasi — Kecamatan Curug').selectOption({ label: 'Baik' });
    await expect(page.getByText('Capaian organisasi tersimpan.')).toBeVisible();
    await expect(page.getByTestId('dist-unit')).toHaveCount(1);
    await shot(page, '42-distribusi-kantor');

    const officeBar = await watchFirstPosition(page, '[data-testid="dash-office"] .recharts-bar-rectangle');
    await page.goto('/#/');
    await selectPeriod(page, Q1, page.getByTestId('home-period'));
    const office = page.getByTestId('dash-office');
    // Twelve rated (the camat not yet): 3 Sangat Baik, 8 Baik, 1 Butuh Perbaikan.
    await expect(office.locator('td[data-predikat="SANGAT_BAIK"]')).toContainText('3');
    await expect(office.locator('td[data-predikat="BAIK"]')).toContainText('8');
    await expect(office.locator('td[data-predikat="BUTUH_PERBAIKAN"]')).toContainText('1');
    await expect(office).toContainText('12 dinilai dari 12 evaluasi');
    // Capaian Baik, 12 people: at most 8 Baik (70 %), drawn as the band behind the Baik bar.
    await expect(office.locator('td[data-predikat="BAIK"]')).toContainText('pedoman 0–8');
    await expect(office).toContainText('Sebaran predikat sesuai pedoman.');

    // Once drawn, the charts stay where they are while the rest of Beranda arrives: the backup
    // reminder above them once came late and pushed the bars 48 px down under the pointer.
    await expect(page.getByTestId('backup-reminder')).toBeVisible();
    await expect(page.getByTestId('worklist')).toBeVisible();
    await expect(page.getByTestId('dash-trend')).toBeVisible();
    const { first, now } = await officeBar();
    expect(first, 'the office chart was drawn').not.toBeNull();
    expect(now, 'the office chart moved after it was drawn').toBe(first);

    // The Sangat Baik bar opens the three employees behind it.
    await office.locator('.recharts-bar-rectangle').first().click();
    const list = page.getByTestId('dash-list');
    await expect(list.getByRole('heading')).toContainText('Sangat Baik (3)');
    for (const [nama] of SEKSI[0].staff) await expect(list.getByRole('link', { name: nama })).toBeVisible();
    await expect(list.getByRole('link')).toHaveCount(3);

    // The appraiser view marks Ahmad (all three staff Sangat Baik) and nobody else.
    const appraisers = page.getByTestId('dash-appraiser');
    const ahmad = appraisers.locator('[data-testid="appraiser-row"]').filter({ hasText: 'Ahmad Fauzi' });
    await expect(ahmad).toHaveAttribute('data-mark', 'LONGGAR');
    await expect(ahmad).toContainText('Jauh lebih longgar dari kantor');
    await expect(appraisers.locator('[data-testid="appraiser-row"][data-mark="LONGGAR"], [data-testid="appraiser-row"][data-mark="KETAT"]')).toHaveCount(1);
    await ahmad.getByRole('button', { name: 'Pegawai yang dinilai Ahmad Fauzi' }).click();
    await expect(list.getByRole('link')).toHaveCount(3);
    await list.getByRole('button', { name: 'Tutup' }).click();
    await shot(page, '41-dasbor', office);

    // The dashboard prints to one landscape page.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cetak dasbor (PDF)' }).click()]);
    const dash = await pdfPages(new Uint8Array(readFileSync((await dl.path())!)));
    expect(dash).toHaveLength(1);
    expect(dash[0]!.width).toBeGreaterThan(dash[0]!.height);
    expect(dash[0]!.text).toContain('Ahmad Fauzi');
    expect(dash[0]!.text).toContain('Jauh lebih longgar dari kantor');
    expect(dash[0]!.text).toContain('Sebaran predikat sesuai pedoman.');
    if (process.env.SCREENSHOTS) mkdirSync('docs/forms/pdf', { recursive: true });
    if (process.env.SCREENSHOTS) writeFileSync('docs/forms/pdf/dasbor.pdf', readFileSync((await dl.path())!));

    // The office-wide rekap ("penetapan predikat") lists all thirteen with their unit.
    await page.goto('/#/cetak');
    await page.getByLabel('Dokumen', { exact: true }).selectOption({ label: 'Rekap predikat per unit' });
    await selectPeriod(page, Q1);
    await page.getByRole('button', { name: 'Buat PDF' }).click();
    const [rekapDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cetak-done').getByRole('button', { name: 'Simpan PDF' }).click()]);
    const rekapText = (await pdfPages(new Uint8Array(readFileSync((await rekapDl.path())!)))).map((p) => p.text).join(' ');
    expect(rekapText).toContain('SELURUH KANTOR — KECAMATAN CURUG');
    expect(rekapText).toContain('UNIT KERJA');
    expect(rekapText).toContain('Cakupan pedoman: seluruh kantor.');
    for (const nama of [CAMAT, ...SEKSI.flatMap((s) => [s.kasi, ...s.staff.map(([n]) => n)])]) expect(rekapText).toContain(nama);
    expect(rekapText).toMatch(/Citra Ayu .*Seksi Pemerintahan .*Sangat Baik/);
  });
});
