import { describe, expect, it } from 'vitest';
import { deliver, kecamatan, withBkd } from './packages.testkit';

describe('an archived year and the packages that still carry it (issue #33)', () => {
  it("the BKD's full package does not bring an archived year back; the people stay", async () => {
    const { kantor, evals, staf } = await kecamatan();
    const bkd = await withBkd(kantor);
    const toBkd = await deliver(kantor, bkd);
    await bkd.packages.receive(toBkd.envelope, toBkd.records);

    await kantor.settings.setPreferences({ activeYear: 2027 });
    const { bytes } = await kantor.archives.create(2026);
    await kantor.archives.remove(2026, bytes);
    expect(await kantor.evaluations.get(evals.Staf!)).toBeUndefined();

    const full = await deliver(bkd, kantor, { full: true });
    expect(full.records.some((r) => r.table === 'evaluations')).toBe(true);
    const preview = await kantor.packages.preview(full.envelope, full.records);
    expect(preview.archived).toBeGreaterThanOrEqual(4);
    const report = await kantor.packages.receive(full.envelope, full.records);
    expect(report.archived).toBe(preview.archived);
    expect(await kantor.evaluations.get(evals.Staf!)).toBeUndefined();
    expect(await kantor.skps.listByYear(2026)).toEqual([]);
    expect((await kantor.employees.get(staf.id))?.nama).toBe('Staf');
  });
});
