/**
 * What a peer lacks is found from the knowledge index (issue #33), never by reading every record:
 * the same records a walk over all of them finds, for any vector a peer may have confirmed; and a
 * database from before the index gets it on upgrade.
 */
import { describe, expect, it } from 'vitest';
import { docKnowledge, type SyncDoc } from '../domain/sync/merge';
import { revNode } from '../domain/hlc';
import { KNOWLEDGE_INDEX } from '../domain/sync/knowledgeIndex';
import { verifyAuditLog } from './audit';
import { deliver, kecamatan, laptopOf, withBkd } from './packages.testkit';
import { DataStore } from './store';
import { storedAsVersion } from './upgrade.testkit';

const lacks = (doc: SyncDoc, confirmed: Record<string, string>) => Object.values(docKnowledge(doc)).some((rev) => !(confirmed[revNode(rev)]! >= rev));
const ids = (records: readonly { table: string; doc: Record<string, unknown> }[]) => records.map((r) => `${r.table}:${r.doc.id as string}`).sort();

/** A kantor holding writes of three installations (its own, the camat's laptop, the BKD's introduction). */
async function threeWriters() {
  const { kantor, camat, evals } = await kecamatan();
  const { laptop } = await laptopOf(kantor, camat.id);
  await laptop.evaluations.save(evals.Sekcam!, { ratingHasil: 'DI_ATAS_EKSPEKTASI', ratingPerilaku: 'SESUAI_EKSPEKTASI' });
  const got = await deliver(laptop, kantor);
  await kantor.packages.receive(got.envelope, got.records);
  const bkd = await withBkd(kantor);
  const bkdId = (await bkd.settings.getInstallation())!.id;
  return { kantor, bkdId };
}

describe('the knowledge index', () => {
  it('a package holds exactly the records a walk over every record finds unconfirmed, for any confirmed vector', async () => {
    const { kantor, bkdId } = await threeWriters();
    const all = (await kantor.packages.build(bkdId, { full: true })).records;
    const revs = [...new Set(all.flatMap((r) => Object.values(docKnowledge(r.doc as SyncDoc))))].sort();
    const nodes = [...new Set(revs.map(revNode))];
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    // Vectors: nothing, everything, and for each node each of its revs (the others at nothing or everything).
    const everything = Object.fromEntries(nodes.map((n) => [n, revs.filter((r) => revNode(r) === n).at(-1)!]));
    const vectors: Record<string, string>[] = [{}, everything];
    for (const n of nodes) for (const r of revs.filter((x) => revNode(x) === n)) vectors.push({ [n]: r }, { ...everything, [n]: r });
    for (const confirmed of vectors) {
      await kantor.db.peers.put({ id: bkdId, confirmed });
      const built = (await kantor.packages.build(bkdId)).records;
      expect(ids(built), JSON.stringify(confirmed)).toEqual(ids(all.filter((r) => lacks(r.doc as SyncDoc, confirmed))));
      // What the envelope says this installation holds: the newest rev of every writer.
    }
    const env = (await kantor.packages.build(bkdId)).envelope;
    for (const n of nodes) expect(env.holds[n]).toBe(everything[n]);
    expect(await verifyAuditLog(kantor.db)).toMatchObject({ ok: true });
  });

  it('a database from before the index gets it on upgrade: a record written then is still sent', async () => {
    const { kantor, bkdId } = await threeWriters();
    await kantor.db.peers.put({ id: bkdId, confirmed: {} });
    const expected = ids((await kantor.packages.build(bkdId)).records);
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const t of kantor.db.tables) rows[t.name] = ((await t.toArray()) as Record<string, unknown>[]).map(({ [KNOWLEDGE_INDEX]: _kn, ...rest }) => rest);
    // Written as version 7 stored it: no knowledge keys.
    const name = await storedAsVersion(7, rows);
    const s = await DataStore.open(name);
    try {
      expect(await s.db.employees.where(KNOWLEDGE_INDEX).notEqual('').count()).toBeGreaterThan(0);
      expect(ids((await s.packages.build(bkdId)).records)).toEqual(expected);
    } finally {
      s.close();
    }
  });
});
