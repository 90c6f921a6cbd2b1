import { describe, expect, it } from 'vitest';
import { emptyHasil } from '../domain/evaluation';
import { rebaseDraft } from '../domain/sync/localEdit';
import { openConflicts as conflictsOf, type SyncDoc } from '../domain/sync/merge';
import { deliver, kecamatan, laptopOf } from './packages.testkit';

const openConflicts = (table: string, doc: object) => conflictsOf(table, doc as unknown as SyncDoc);

/**
 * The evaluation editor's save, as the editor makes it: the fields of its draft plus the version it
 * was opened on, while a package from the camat's laptop landed in between (issue #26).
 */
describe('a save writes what the person changed (issue #26)', () => {
  async function opened() {
    const { kantor, camat, evals } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const id = evals.Sekcam!;
    // The admin opens Sekcam's evaluation: this is what the editor shows.
    const seen = (await kantor.evaluations.get(id))!;
    // Meanwhile the camat rates on his laptop, and the package lands.
    await laptop.evaluations.save(id, { ratingHasil: 'DI_ATAS_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
    const got = await deliver(laptop, kantor);
    await kantor.packages.receive(got.envelope, got.records);
    return { kantor, laptop, id, seen };
  }

  it('keeps a rating that arrived while the admin typed realisasi, on both PCs', async () => {
    const { kantor, laptop, id, seen } = await opened();
    const rhkId = Object.keys(seen.hasil)[0]!;
    // The editor hands over its whole draft (every editable field), as it always did.
    const draft = { hasil: { [rhkId]: { ...emptyHasil(), realisasi: '12 laporan' } }, perilaku: seen.perilaku, masukan: seen.masukan, ratingHasil: seen.ratingHasil, ratingPerilaku: seen.ratingPerilaku };
    const saved = await kantor.evaluations.save(id, draft, { seen, paths: [`hasil/${rhkId}/realisasi`] });
    expect(saved.hasil[rhkId]!.realisasi).toBe('12 laporan');
    expect(saved.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
    expect(saved.predikat).toBe('BAIK');
    expect(openConflicts('evaluations', saved)).toEqual([]);
    // And the next package does not revert the laptop.
    const back = await deliver(kantor, laptop);
    await laptop.packages.receive(back.envelope, back.records);
    const there = (await laptop.evaluations.get(id))!;
    expect(there.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
    expect(there.hasil[rhkId]!.realisasi).toBe('12 laporan');
  });

  it('a rating typed on both sides becomes an open conflict on both PCs, with both values', async () => {
    const { kantor, laptop, id, seen } = await opened();
    const saved = await kantor.evaluations.save(id, { ratingHasil: 'SESUAI_EKSPEKTASI' }, { seen, paths: ['ratingHasil'] });
    const conflicts = openConflicts('evaluations', saved).filter((c) => c.path === 'ratingHasil');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.heads.map((h) => h.value).sort()).toEqual(['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI']);
    // The predikat follows the ratings as saved and is not itself a conflict.
    expect(openConflicts('evaluations', saved).some((c) => c.path === 'predikat')).toBe(false);
    const back = await deliver(kantor, laptop);
    await laptop.packages.receive(back.envelope, back.records);
    expect(openConflicts('evaluations', (await laptop.evaluations.get(id))!).map((c) => c.path)).toContain('ratingHasil');
  });

  it('without the version seen, the old save reverted the arrived rating (the defect)', async () => {
    const { kantor, id, seen } = await opened();
    const draft = { ratingHasil: seen.ratingHasil, ratingPerilaku: seen.ratingPerilaku };
    // A save of the whole draft read against what is stored now: the rating goes back to ''.
    const saved = await kantor.evaluations.save(id, draft);
    expect(saved.ratingHasil).toBe('');
  });

  it('two quick ratings from the unit grid, the second read against a row not yet refreshed, keep both', async () => {
    const { kantor, evals } = await kecamatan();
    const id = evals.Staf!;
    const row = (await kantor.evaluations.get(id))!;
    await kantor.evaluations.save(id, { ratingHasil: 'DI_BAWAH_EKSPEKTASI' }, { seen: row, paths: ['ratingHasil'] });
    const saved = await kantor.evaluations.save(id, { ratingPerilaku: 'SESUAI_EKSPEKTASI' }, { seen: row, paths: ['ratingPerilaku'] });
    expect(saved.ratingHasil).toBe('DI_BAWAH_EKSPEKTASI');
    expect(saved.predikat).toBe('BUTUH_PERBAIKAN');
    expect(openConflicts('evaluations', saved)).toEqual([]);
  });

  it('an open editor takes the arrived values for untouched fields and keeps typed ones', async () => {
    const { kantor, id, seen } = await opened();
    const now = (await kantor.evaluations.get(id))!;
    const rhkId = Object.keys(seen.hasil)[0]!;
    const editable = (e: typeof seen) => ({ hasil: e.hasil, ratingHasil: e.ratingHasil, ratingPerilaku: e.ratingPerilaku });
    const typed = { ...editable(seen), hasil: { [rhkId]: { ...emptyHasil(), realisasi: '12' } } };
    const r = rebaseDraft('evaluations', editable(seen), editable(now), typed);
    expect(r.draft.ratingHasil).toBe('DI_ATAS_EKSPEKTASI');
    expect(r.draft.hasil[rhkId]!.realisasi).toBe('12');
    expect(r.arrived).toEqual(['ratingHasil', 'ratingPerilaku']);
    expect(r.clashed).toEqual([]);
  });
});

