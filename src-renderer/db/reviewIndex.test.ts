/**
 * "Perlu ditinjau" reads only the records the review mark's index lists (issue #33): the mark
 * follows every write, and a database from before it gets it on upgrade.
 */
import { describe, expect, it } from 'vitest';
import { REVIEW_MARK } from '../domain/sync/reviewMark';
import { verifyAuditLog } from './audit';
import { deliver, kecamatan, laptopOf } from './packages.testkit';
import { DataStore } from './store';
import { storedAsVersion } from './upgrade.testkit';

/** The kantor and the camat's laptop rate the same evaluation differently: one open conflict. */
async function clash() {
  const { kantor, camat, evals } = await kecamatan();
  const { laptop } = await laptopOf(kantor, camat.id);
  const id = evals.Sekcam!;
  await kantor.evaluations.save(id, { ratingHasil: 'DI_BAWAH_EKSPEKTASI' });
  await laptop.evaluations.save(id, { ratingHasil: 'DI_ATAS_EKSPEKTASI' });
  const got = await deliver(laptop, kantor);
  await kantor.packages.receive(got.envelope, got.records);
  return { kantor, id };
}

describe('the review mark', () => {
  it('marks exactly the records with something to review, follows a resolve, and the history still verifies', async () => {
    const { kantor, id } = await clash();
    const marked = await kantor.db.evaluations.where(REVIEW_MARK).equals(1).primaryKeys();
    expect(marked).toEqual([id]);
    expect((await kantor.sync.openConflicts()).map((c) => c.id)).toEqual([id]);
    await kantor.sync.resolve('evaluations', id, 'ratingHasil', 'SESUAI_EKSPEKTASI');
    expect(await kantor.db.evaluations.where(REVIEW_MARK).equals(1).count()).toBe(0);
    expect(await kantor.sync.openConflicts()).toEqual([]);
    // The mark is derived, not content: the records still match what their audit entries wrote.
    expect(await verifyAuditLog(kantor.db)).toMatchObject({ ok: true });
  });

  it('a database from before the mark gets it on upgrade: the conflict is still listed', async () => {
    const { kantor, id } = await clash();
    const doc = (await kantor.db.evaluations.get(id)) as unknown as Record<string, unknown>;
    delete doc[REVIEW_MARK];
    // Written as version 6 stored it: no mark.
    const name = await storedAsVersion(6, { evaluations: [doc] });
    const s = await DataStore.open(name);
    try {
      expect((await s.sync.openConflicts()).map((c) => c.id)).toEqual([id]);
    } finally {
      s.close();
    }
  });
});
