import { describe, expect, it } from 'vitest';
import { rhk } from '../sample/records';
import { deliver, kecamatan, withBkd } from './packages.testkit';

describe('a full package of one year (issue #33)', () => {
  it("to the BKD carries that year's SKPs and evaluations and everyone's records, not other years'", async () => {
    const { kantor, staf } = await kecamatan();
    const old = await kantor.skps.create(staf.id, 2025);
    await kantor.skps.save(old.id, { rhk: [rhk('Laporan 2025')] });
    const bkd = await withBkd(kantor);
    const bkdId = (await bkd.settings.getInstallation())!.id;

    const all = await kantor.packages.build(bkdId, { full: true });
    expect(all.records.filter((r) => r.table === 'skps')).toHaveLength(3);
    const y2026 = await deliver(kantor, bkd, { full: true, year: 2026 });
    expect(y2026.envelope.year).toBe(2026);
    expect(y2026.records.filter((r) => r.table === 'skps').map((r) => r.doc.year)).toEqual([2026, 2026]);
    expect(y2026.records.filter((r) => r.table === 'evaluations')).toHaveLength(2);
    expect(y2026.records.filter((r) => r.table === 'employees')).toHaveLength(3);
    await bkd.packages.receive(y2026.envelope, y2026.records);
    expect((await bkd.skps.listByYear(2026)).length).toBe(2);
    expect(await bkd.skps.listByYear(2025)).toEqual([]);

    // The year asked for later comes on its own.
    const y2025 = await deliver(kantor, bkd, { full: true, year: 2025 });
    expect(y2025.records.filter((r) => r.table === 'skps').map((r) => r.doc.id)).toEqual([old.id]);
    expect(y2025.records.filter((r) => r.table === 'evaluations')).toEqual([]);
    await bkd.packages.receive(y2025.envelope, y2025.records);
    expect((await bkd.skps.listByYear(2025)).map((s) => s.id)).toEqual([old.id]);
  });
});
