import { describe, expect, it } from 'vitest';
import { chainEntries, GENESIS, linkHash, stableJson, verifyChain } from './auditChain';

const entry = (i: number) => ({
  id: `e${i}`,
  at: `2026-03-0${(i % 9) + 1}T08:00:00.000Z`,
  actor: 'Admin Curug',
  table: 'employees',
  docId: `p${i}`,
  action: 'update',
  changes: [{ path: 'nama', from: `Lama ${i}`, to: `Baru ${i}` }],
});

const chain = (n: number) => chainEntries(GENESIS, Array.from({ length: n }, (_, i) => entry(i + 1)));

describe('audit hash chain', () => {
  it('numbers entries from 1 and links each to the one before', () => {
    const { linked, head } = chain(3);
    expect(linked.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(linked[0]!.prevHash).toBe('');
    expect(linked[1]!.prevHash).toBe(linked[0]!.hash);
    expect(head).toEqual({ seq: 3, hash: linked[2]!.hash });
    expect(verifyChain(linked, head)).toEqual({ ok: true, count: 3, head });
  });

  it('continues a chain across writes exactly as if written at once', () => {
    const first = chainEntries(GENESIS, [entry(1), entry(2)]);
    const second = chainEntries(first.head, [entry(3)]);
    expect([...first.linked, ...second.linked]).toEqual(chain(3).linked);
  });

  it('the hash ignores key order but not content', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const [e] = chain(1).linked;
    const reordered = Object.fromEntries(Object.entries(e!).reverse());
    expect(linkHash(reordered)).toBe(e!.hash);
  });

  const cases: [string, (l: ReturnType<typeof chain>['linked']) => object[], object][] = [
    ['an edited change', (l) => l.map((e) => (e.seq === 3 ? { ...e, changes: [{ path: 'nama', from: 'x', to: 'y' }] } : e)), { kind: 'edited', seq: 3, id: 'e3' }],
    ['an edited actor', (l) => l.map((e) => (e.seq === 2 ? { ...e, actor: 'Orang lain' } : e)), { kind: 'edited', seq: 2, id: 'e2' }],
    ['a deleted entry', (l) => l.filter((e) => e.seq !== 3), { kind: 'missing', seq: 4, id: 'e4', expectedSeq: 3 }],
    ['the newest entries deleted', (l) => l.slice(0, 3), { kind: 'truncated', seq: 3, expectedSeq: 5 }],
    ['an entry replaced by a rehashed forgery', (l) => l.map((e) => {
      if (e.seq !== 2) return e;
      const forged = { ...e, actor: 'Orang lain', prevHash: e.prevHash };
      return { ...forged, hash: linkHash(forged) };
    }), { kind: 'relinked', seq: 3, id: 'e3' }],
    ['an entry added without a link', (l) => [...l, entry(9)], { kind: 'unlinked', id: 'e9' }],
  ];

  it.each(cases)('detects %s and names the first broken entry', (_name, tamper, broken) => {
    const { linked, head } = chain(5);
    expect(verifyChain(tamper(linked) as never, head)).toMatchObject({ ok: false, broken });
  });

  it('a whole chain rebuilt after the head was recorded no longer matches it', () => {
    const { linked, head } = chain(4);
    const rebuilt = chainEntries(GENESIS, linked.map((e) => (e.seq === 1 ? { ...e, actor: 'Orang lain' } : e)));
    expect(verifyChain(rebuilt.linked, rebuilt.head).ok).toBe(true);
    expect(verifyChain(rebuilt.linked, head)).toMatchObject({ ok: false, broken: { kind: 'relinked', seq: 4 } });
  });

  it('an empty log verifies', () => {
    expect(verifyChain([], GENESIS)).toEqual({ ok: true, count: 0, head: GENESIS });
  });
});
