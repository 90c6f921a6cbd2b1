import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPaths, diffPaths, mergeDocs, openConflicts, type SyncDoc } from './merge';
import { canonical, evaluationValues, Replica, stable } from './sync.testkit';

const T = 'evaluations';
const ID = 'ev';
const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];

type Op =
  | { kind: 'rating'; node: number; value: number }
  | { kind: 'realisasi'; node: number; rhk: number; value: number }
  | { kind: 'note'; node: number; rhk: number }
  | { kind: 'dropEntry'; node: number; rhk: number }
  | { kind: 'final'; node: number; on: boolean }
  | { kind: 'delete'; node: number; on: boolean }
  | { kind: 'resolve'; node: number }
  | { kind: 'receive'; node: number; from: number }
  | { kind: 'clock'; node: number; deltaMs: number };

const node = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('rating' as const), node, value: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('realisasi' as const), node, rhk: fc.integer({ min: 1, max: 2 }), value: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('note' as const), node, rhk: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('dropEntry' as const), node, rhk: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('final' as const), node, on: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), node, on: fc.boolean() }),
  fc.record({ kind: fc.constant('resolve' as const), node }),
  fc.record({ kind: fc.constant('receive' as const), node, from: node }),
  fc.record({ kind: fc.constant('clock' as const), node, deltaMs: fc.integer({ min: -200 * 86_400_000, max: 200 * 86_400_000 }) }),
);

/** Plays a history on three installations; returns every copy any of them ever held. */
function play(ops: Op[]): SyncDoc[] {
  const rs = [0, 1, 2].map((i) => new Replica(`n${i}`));
  const states: SyncDoc[] = [];
  const first = rs[0]!.edit(ID, evaluationValues());
  states.push(first);
  for (const r of rs.slice(1)) r.receive(first);
  let seq = 0;
  for (const o of ops) {
    const r = rs[o.node]!;
    const d = r.docs.get(ID)!;
    const hasil = structuredClone(d.hasil) as Record<string, { realisasi: string; buktiDukung: string; umpanBalik: unknown[] }>;
    const key = `r${'rhk' in o ? o.rhk : 1}`;
    switch (o.kind) {
      case 'rating': r.edit(ID, { ratingHasil: RATINGS[o.value] }); break;
      case 'realisasi': hasil[key] = { buktiDukung: '', umpanBalik: [], ...hasil[key], realisasi: `${o.value}` }; r.edit(ID, { hasil }); break;
      case 'note': hasil[key] = { realisasi: '', buktiDukung: '', umpanBalik: [], ...hasil[key] }; hasil[key].umpanBalik.push({ id: `u${seq++}-${r.node}`, tanggal: '2026-02-01', teks: 'x' }); r.edit(ID, { hasil }); break;
      case 'dropEntry': delete hasil[key]; r.edit(ID, { hasil }); break;
      case 'final': r.edit(ID, { status: o.on ? 'FINAL' : 'DRAF' }); break;
      case 'delete': r.edit(ID, { deleted: o.on }); break;
      case 'resolve': { const c = openConflicts(T, d)[0]; if (c) r.edit(ID, {}, [c.path]); break; }
      case 'receive': if (o.from !== o.node) r.receive(rs[o.from]!.get(ID)); break;
      case 'clock': r.wallMs += o.deltaMs; break;
    }
    states.push(structuredClone(r.get(ID)));
  }
  return states;
}

const merge = (a: SyncDoc, b: SyncDoc, noShortcut = false) => mergeDocs(T, structuredClone(a), structuredClone(b), { noShortcut }).doc;
const same = (a: SyncDoc, b: SyncDoc) => canonical(T, a) === canonical(T, b);

const SEED = 4242;
const history = fc.array(op, { minLength: 1, maxLength: 40 });

describe('merge laws (fast-check, fixed seed)', () => {
  it('the audit of a merge (read from the write versions) lists the paths whose value changed', () => {
    fc.assert(fc.property(history, fc.nat(), fc.nat(), (ops, i, j) => {
      const s = play(ops);
      const a = s[i % s.length]!;
      const merged = merge(a, s[j % s.length]!);
      const listed = changedPaths(T, a, merged);
      const all = diffPaths(T, a, merged);
      // Every listed change is real; every real change is listed, or lies inside an item the
      // audit lists as removed (its fields leave with it).
      for (const c of listed) expect(all).toContainEqual(c);
      const removed = listed.filter((c) => c.to === null).map((c) => `${c.field}/`);
      for (const d of all) if (!listed.some((c) => c.field === d.field)) expect(removed.some((r) => d.field.startsWith(r)), d.field).toBe(true);
    }), { seed: SEED, numRuns: 150 });
  }, 60_000);

  it('idempotent: receiving a copy twice is receiving it once', () => {
    fc.assert(fc.property(history, fc.nat(), fc.nat(), (ops, i, j) => {
      const s = play(ops);
      const a = s[i % s.length]!;
      const b = s[j % s.length]!;
      const once = merge(a, b);
      expect(same(merge(once, b), once)).toBe(true);
      expect(same(merge(a, a), a)).toBe(true);
    }), { seed: SEED, numRuns: 150 });
  }, 60_000);

  it('commutative and associative: any order and any grouping give the same copy and the same conflicts', () => {
    fc.assert(fc.property(history, fc.nat(), fc.nat(), fc.nat(), (ops, i, j, k) => {
      const s = play(ops);
      const [a, b, c] = [s[i % s.length]!, s[j % s.length]!, s[k % s.length]!];
      expect(canonical(T, merge(a, b))).toBe(canonical(T, merge(b, a)));
      const left = merge(merge(a, b), c);
      const right = merge(a, merge(b, c));
      expect(canonical(T, left)).toBe(canonical(T, right));
      expect(stable(openConflicts(T, left))).toBe(stable(openConflicts(T, right)));
    }), { seed: SEED, numRuns: 150 });
  }, 60_000);

  it('every copy ever held, folded in two random orders, gives one result; the shortcut equals the full merge', () => {
    fc.assert(fc.property(history, fc.array(fc.nat(), { minLength: 2, maxLength: 12 }), (ops, order) => {
      const s = play(ops);
      const perm = [...s].sort((x, y) => (order[s.indexOf(x) % order.length]! - order[s.indexOf(y) % order.length]!));
      const forward = s.reduce((acc, d) => merge(acc, d));
      const shuffled = perm.reduce((acc, d) => merge(acc, d));
      const full = s.reduce((acc, d) => merge(acc, d, true));
      expect(canonical(T, forward)).toBe(canonical(T, shuffled));
      expect(canonical(T, forward)).toBe(canonical(T, full));
    }), { seed: SEED, numRuns: 120 });
  }, 60_000);
});
