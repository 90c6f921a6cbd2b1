import { expect, test } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { addCurugOffice, approvedSkps, selectPeriod, setDistributionScope, setUnitHead, setupOffice, shot, withApp } from './helpers';

const Q1 = 'TRIWULAN I (';

test('a kasi fills the lembar penilaian of his section in Excel: the preview shows each predikat and the distribution warning, the import fills the evaluations', async () => {
  test.setTimeout(240_000);
  await withApp(async (page) => {
    await setupOffice(page);
    await addCurugOffice(page);
    await setUnitHead(page, 'Seksi Pemerintahan', 'Rina Marlina');
    await approvedSkps(page, [
      ['Rina Marlina', 'Terselenggaranya pelayanan administrasi pemerintahan'],
      ['Budi Hartono', 'Tersusunnya surat keterangan kependudukan'],
      ['Dewi Lestari', 'Terkelolanya data kependudukan'],
    ]);
    // This office applies the guideline to each unit alone, so the seksi has its own card and warnings.
    await setDistributionScope(page, 'setiap unit sendiri (anggota langsung saja)');
    await page.goto('/#/penilaian/distribusi');
    await selectPeriod(page, Q1);
    const seksi = page.locator('[data-testid="dist-unit"][data-unit="Seksi Pemerintahan"]');
    await seksi.getByLabel('Capaian kinerja organisasi — Seksi Pemerintahan').selectOption({ label: 'Baik' });
    await expect(seksi.getByText('Capaian organisasi tersimpan.')).toBeVisible();

    await page.goto('/#/impor-ekspor');
    const work = page.getByTestId('work-templates');
    await work.getByLabel('Unit').selectOption({ label: '\u00a0\u00a0Seksi Pemerintahan' });
    await selectPeriod(page, Q1, work);
    const [dl] = await Promise.all([page.waitForEvent('download'), work.getByRole('button', { name: 'Unduh lembar penilaian' }).click()]);
    expect(dl.suggestedFilename()).toBe('lembar-penilaian-2026-triwulanan-1-Seksi Pemerintahan.xlsx');
    const wb = XLSX.read(readFileSync((await dl.path())!));
    const ws = wb.Sheets['Data']!;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '', raw: false });
    expect(rows.slice(2).filter((r) => r[1]).map((r) => [r[1], r[3], r[4]])).toEqual([
      ['Rina Marlina', 'A.1', 'Terselenggaranya pelayanan administrasi pemerintahan'],
      ['Budi Hartono', 'A.1', 'Tersusunnya surat keterangan kependudukan'],
      ['Dewi Lestari', 'A.1', 'Terkelolanya data kependudukan'],
    ]);
    // Everyone rated above expectations: three Sangat Baik where capaian Baik allows fewer.
    for (const r of [3, 4, 5]) XLSX.utils.sheet_add_aoa(ws, [['30 layanan', 'Buku register', 'Rapi', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi']], { origin: `G${r}` });
    const filled = path.join(tmpdir(), `${Date.now()}-lembar.xlsx`);
    writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Pilih berkas Excel…' }).click()]);
    await chooser.setFiles(filled);
    await expect(page.getByTestId('import-counts')).toContainText('3 baru');
    const predikat = page.getByTestId('import-predikat');
    await expect(predikat.getByRole('row').filter({ hasText: 'Budi Hartono' })).toContainText('Di Atas Ekspektasi × Di Atas Ekspektasi → Sangat Baik');
    const dist = page.getByTestId('import-distribution');
    await expect(dist).toContainText('Sebaran predikat Seksi Pemerintahan setelah impor');
    await expect(dist.getByRole('status')).toContainText('Sangat Baik');
    await shot(page, '38-impor-lembar', page.getByTestId('import-preview'));
    await page.getByRole('button', { name: 'Impor 3 data' }).click();
    await expect(page.getByText(/Impor selesai: 3 baru/)).toBeVisible();
    rmSync(filled, { force: true });

    await page.goto('/#/penilaian');
    await selectPeriod(page, Q1);
    await expect(page.getByTestId('eval-row').filter({ hasText: 'Budi Hartono' })).toContainText('Sangat Baik');
  });
});
