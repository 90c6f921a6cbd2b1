import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDashboard } from '../sample/printSamples';
import { dashboardDefinition, DASHBOARD_ROWS } from './dashboard';
import { installTestFonts } from './pdf.testkit';
import { pdfPages } from './pdfText.testkit';
import { renderPdf } from './render';

/** Set PRINT_REVIEW_DIR to keep the PDFs (then `pdftoppm -png` them to look at the page). */
const reviewDir = process.env.PRINT_REVIEW_DIR;

beforeAll(() => installTestFonts());

describe('the printed dashboard', () => {
  it.each([
    ['A4', 4, 3, [841.89, 595.28]],
    ['A4', 40, 30, [841.89, 595.28]],
    ['F4', 40, 30, [935.43, 609.45]],
  ] as const)('fits one landscape %s page with %i units and %i appraisers, the marked appraiser always shown', async (paper, units, appraisers, size) => {
    const data = sampleDashboard(paper, units, appraisers);
    const bytes = await renderPdf(dashboardDefinition(data));
    if (reviewDir) {
      mkdirSync(reviewDir, { recursive: true });
      writeFileSync(join(reviewDir, `dasbor-${paper}-${units}.pdf`), bytes);
    }
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    expect([pages[0]!.width, pages[0]!.height]).toEqual(size);
    const text = pages[0]!.text;
    expect(text).toContain('DASBOR KINERJA PEGAWAI — PERIODE TRIWULAN I 2026');
    expect(text).toContain('Kecamatan Curug');
    // The lenient appraiser sorts last by name but is printed first, marked.
    expect(text).toMatch(/Penilai Nomor 1 Dengan Nama Panjang.*Jauh lebih longgar dari kantor/);
    for (const title of ['TRIWULAN I', 'TRIWULAN IV']) expect(text).toContain(title);
    // Rows that do not fit are summed in one "N lainnya" row: shown + N is everyone.
    const shownUnits = 1 + (text.match(/Pemberdayaan Masyarakat \d+/g) ?? []).length;
    const shownAppraisers = (text.match(/Penilai Nomor \d+/g) ?? []).length;
    expect(shownUnits).toBeLessThanOrEqual(DASHBOARD_ROWS.skp);
    expect(shownAppraisers).toBeLessThanOrEqual(DASHBOARD_ROWS.appraisers);
    if (shownUnits < units) expect(text).toContain(`${units - shownUnits} lainnya`);
    else expect(shownUnits).toBe(units);
    if (shownAppraisers < appraisers) expect(text).toContain(`${appraisers - shownAppraisers} lainnya`);
    else expect(shownAppraisers).toBe(appraisers);
  });
});
