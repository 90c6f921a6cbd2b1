/**
 * A package too big for one file goes as parts (issue #33): each part a whole signed package, the
 * parts applied in any order, a missing one named, the end the same as one file.
 */
import { describe, expect, it } from 'vitest';
import { carry, kecamatan, laptopOf, withBkd } from './packages.testkit';
import type { DataStore } from './store';
import type { OutgoingPackage } from './packageRepo';
import { SYNCED_TABLES } from './schema';

const SMALL = { records: 4, chars: 10 * 1024 * 1024 };

/** Every synced record a store holds, as `table:id@rev`. */
async function holdings(s: DataStore): Promise<string[]> {
  const out: string[] = [];
  for (const t of SYNCED_TABLES) for (const d of (await s.db.table(t).toArray()) as { id: string; rev: string }[]) out.push(`${t}:${d.id}@${d.rev}`);
  return out.sort();
}

async function peerId(of: DataStore) {
  return (await of.settings.getInstallation())!.id;
}

describe('a package in parts', () => {
  it('to the BKD: parts received in reverse order, one left out and named, then the same as one file', async () => {
    const { kantor } = await kecamatan();
    const bkd = await withBkd(kantor);
    const parts = await kantor.packages.buildParts(await peerId(bkd), { full: true }, SMALL);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const group = parts[0]!.envelope.part!.group;
    expect(parts.map((p) => [p.envelope.part!.group, p.envelope.part!.n, p.envelope.part!.of])).toEqual(parts.map((_, i) => [group, i + 1, parts.length]));
    expect(new Set(parts.map((p) => p.envelope.packageId)).size).toBe(parts.length);

    const files = [];
    for (const p of parts) files.push(await carry(p));
    const [skipped, ...rest] = files;
    let last = null;
    for (const f of rest.reverse()) last = await bkd.packages.receive(f.envelope, f.records);
    expect(last!.part).toEqual({ n: 2, of: parts.length, missing: [1] });
    const done = await bkd.packages.receive(skipped!.envelope, skipped!.records);
    expect(done.part).toEqual({ n: 1, of: parts.length, missing: [] });

    // A second BKD that took the same package as one file holds exactly the same.
    const other = await withBkd(kantor);
    const whole = await carry(await kantor.packages.build(await peerId(other), { full: true }));
    await other.packages.receive(whole.envelope, whole.records);
    // (Each BKD has its own office record and installations.)
    const received = async (s: DataStore) => {
      const own = (await s.settings.getProfile())!.office.id;
      return (await holdings(s)).filter((k) => !k.startsWith('installations:') && !k.startsWith(`offices:${own}@`));
    };
    const mine = await received(bkd);
    const theirs = await received(other);
    expect(mine).toEqual(theirs);
  });

  it('a part lost on the way is sent again: a receiver missing parts does not confirm what it holds', async () => {
    const { kantor } = await kecamatan();
    const bkd = await withBkd(kantor);
    const parts = await kantor.packages.buildParts(await peerId(bkd), {}, SMALL);
    const [lost, ...arrived] = parts;
    for (const p of arrived) {
      const f = await carry(p);
      await bkd.packages.receive(f.envelope, f.records);
    }
    // The BKD answers (its package tells what it holds), then the office makes its next package.
    const back = await carry(await bkd.packages.build(await peerId(kantor)));
    expect(back.envelope.incomplete).toEqual([lost!.envelope.part!.group]);
    await kantor.packages.receive(back.envelope, back.records);
    const next = await kantor.packages.build(await peerId(bkd));
    const ids = new Set(next.records.map((r) => `${r.table}:${r.doc.id}`));
    for (const r of lost!.records) expect(ids.has(`${r.table}:${r.doc.id}`), `${r.table}:${r.doc.id}`).toBe(true);
  });

  it('to a penilai laptop: each part carries the whole scope, so a part applied first removes nothing another part brings', async () => {
    const { kantor, camat } = await kecamatan();
    const { laptop } = await laptopOf(kantor, camat.id);
    const before = await holdings(laptop);
    const parts = await kantor.packages.buildParts(await peerId(laptop), { full: true }, { records: 2, chars: 10 * 1024 * 1024 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.envelope.scope).toEqual(parts[0]!.envelope.scope);
    for (const p of [...parts].reverse()) {
      const f = await carry(p);
      const r = await laptop.packages.receive(f.envelope, f.records);
      expect(r.left).toEqual([]);
    }
    expect(await holdings(laptop)).toEqual(before);
  });

  it('a package that fits stays one file, without parts', async () => {
    const { kantor } = await kecamatan();
    const bkd = await withBkd(kantor);
    const parts = await kantor.packages.buildParts(await peerId(bkd), { full: true });
    expect(parts).toHaveLength(1);
    expect(parts[0]!.envelope.part).toBeUndefined();
  });
});

describe('parts built one at a time (issue #33)', () => {
  it("each part reads its own records when it is built: memory holds one part, and an edit made meanwhile goes in the later part's copy", async () => {
    const { kantor, staf } = await kecamatan();
    const bkd = await withBkd(kantor);
    const whole = await kantor.packages.build(await peerId(bkd), { full: true });
    const parts = kantor.packages.partsOf(await peerId(bkd), { full: true }, SMALL);
    const first = (await parts.next()).value as OutgoingPackage;
    expect(first.envelope.part).toMatchObject({ n: 1 });
    expect(first.records.some((r) => r.doc.id === staf.id)).toBe(false);
    // Saved, carried… and before the next part is built, the staff member's record changes.
    await kantor.employees.save(staf.id, { ...(await kantor.employees.get(staf.id))!, jabatan: 'Analis Kebijakan' });
    const rest = [];
    for await (const p of parts) rest.push(p);
    const all = [first, ...rest].flatMap((p) => p.records);
    expect(all.map((r) => `${r.table}:${r.doc.id as string}`).sort()).toEqual(whole.records.map((r) => `${r.table}:${r.doc.id as string}`).sort());
    expect(all.find((r) => r.doc.id === staf.id)?.doc.jabatan).toBe('Analis Kebijakan');
    expect(rest.at(-1)!.envelope.part).toMatchObject({ n: rest.length + 1, of: rest.length + 1 });
  });
});
