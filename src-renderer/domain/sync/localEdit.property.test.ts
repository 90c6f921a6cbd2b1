import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revNode } from '../hlc';
import { bringsNews, onRevision, openSession, saveOf, typedPaths, writeEdit, type EditSession, type LocalEdit } from './localEdit';
import { headsOf, mergeDocs, openConflicts, shapeOf, type SyncDoc } from './merge';
import { flatten, sameValue } from './paths';
import { evaluationValues, Replica } from './sync.testkit';

/**
 * Random interleavings of editors left open, typing, saves and packages received on three
 * installations (issue #26). Whatever the order, a save never drops a write that arrived while
 * the editor was open, never reverts a path the person did not type, and a typed value is either
 * on the record or visibly in conflict with the value that beat it.
 */
const T = 'evaluations';
const ID = 'ev';
const RATINGS = ['', 'DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
type Draft = { ratingHasil: string; ratingPerilaku: string; hasil: Record<string, { realisasi: string; buktiDukung: string; umpanBalik: unknown[] }> };
const pick = (d: SyncDoc): Draft => structuredClone({ ratingHasil: d.ratingHasil, ratingPerilaku: d.ratingPerilaku, hasil: d.hasil } as Draft);

type Op =
  | { kind: 'open'; node: number }
  | { kind: 'type'; node: number; field: 0 | 1 | 2 | 3; value: number }
  | { kind: 'save'; node: number; whole: boolean }
  | { kind: 'direct'; node: number; value: number }
  | { kind: 'staleSave'; node: number; field: 0 | 1; value: number }
  | { kind: 'receive'; node: number; from: number };

const node = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), node }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('type' as const), node, field: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const), value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('save' as const), node, whole: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('direct' as const), node, value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('receive' as const), node, from: node }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('staleSave' as const), node, field: fc.constantFrom(0 as const, 1 as const), value: fc.integer({ min: 1, max: 3 }) }) },
);

function type(d: Draft, field: number, value: number): Draft {
  const next = structuredClone(d);
  if (field === 0) next.ratingHasil = RATINGS[value]!;
  else if (field === 1) next.ratingPerilaku = RATINGS[value]!;
  else {
    const key = field === 2 ? 'r1' : 'r2';
    next.hasil[key] = { ...next.hasil[key]!, realisasi: `${value}` };
  }
  return next;
}

describe('local saves against packages landing under open editors (fast-check, fixed seed)', () => {
  it('never loses a typed path without an open conflict, never reverts an untouched one, never drops an arrived write', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 10, maxLength: 60, size: 'max' }), (ops) => {
      const rs = [0, 1, 2].map((i) => new Replica(`n${i}`));
      const first = rs[0]!.edit(ID, evaluationValues());
      for (const r of rs.slice(1)) r.receive(first);
      const editors: (EditSession<Draft> | null)[] = [null, null, null];
      // What a grid row showed when it was last read (it may lag behind the stored copy).
      const rows: SyncDoc[] = rs.map((x) => x.get(ID));
      const shape = shapeOf(T);
      for (const o of ops) {
        const r = rs[o.node]!;
        const stored = r.get(ID);
        // The hook: a new revision under an open editor is taken in before anything else.
        const open = editors[o.node];
        if (open && bringsNews(open.shown, stored)) editors[o.node] = onRevision(T, open, stored, pick).session;
        const ed = editors[o.node];
        switch (o.kind) {
          case 'open': editors[o.node] = openSession(stored, pick); rows[o.node] = stored; break;
          case 'type': if (ed) editors[o.node] = { ...ed, draft: type(ed.draft, o.field, o.value) }; break;
          // Another window of the same installation saves (its editor here stays open).
          case 'direct': r.edit(ID, { ratingHasil: RATINGS[o.value] }); break;
          case 'receive': if (o.from !== o.node) r.receive(rs[o.from]!.get(ID)); break;
          case 'staleSave':
          case 'save': {
            let typed: string[];
            let edit: LocalEdit;
            let fields: Record<string, unknown>;
            let want: Record<string, unknown>;
            if (o.kind === 'staleSave') {
              // One field from a grid row read earlier (no editor, no rebase).
              const key = o.field === 0 ? 'ratingHasil' : 'ratingPerilaku';
              typed = [key];
              fields = { [key]: RATINGS[o.value] };
              want = fields;
              edit = { seen: rows[o.node]!, paths: typed };
            } else {
              if (!ed) break;
              typed = typedPaths(T, ed);
              ({ fields, edit } = saveOf(T, ed));
              want = ed.draft;
              if (o.whole) fields = ed.draft;
            }
            if (typed.length === 0) break;
            // Some editors hand over only the typed fields, others their whole draft (the employee form).
            const saved = writeEdit(T, stored, edit, fields, { rev: r.tick(), nowIso: '2026-01-05T00:00:00.000Z', id: ID });
            r.docs.set(ID, saved);
            const before = headsOf(stored, shape);
            const after = headsOf(saved, shape);
            const savedFlat = flatten(saved, shape);
            const storedFlat = flatten(stored, shape);
            const conflicted = new Set(openConflicts(T, saved).flatMap((c) => c.paths));
            for (const [path, hs] of before) {
              if (typed.includes(path)) continue;
              // Untouched: the stored value stands.
              expect(sameValue(savedFlat.get(path), storedFlat.get(path)), `${path} reverted`).toBe(true);
              void hs;
            }
            for (const path of typed) {
              const wanted = flatten(want, shape).get(path);
              const hs = after.get(path) ?? [];
              const mine = hs.find((h) => h.r === saved.rev || revNode(h.r) === r.node);
              // Typed: on the record, or one side of an open conflict.
              expect(sameValue(savedFlat.get(path), wanted) || (conflicted.has(path) && !!mine), `${path} lost`).toBe(true);
              // What arrived since the editor opened is never silently covered.
              for (const h of before.get(path) ?? []) {
                const arrivedUnseen = !headsOf(edit.seen as unknown as SyncDoc, shape).get(path)?.some((s) => s.r === h.r) && revNode(h.r) !== r.node;
                if (arrivedUnseen && !sameValue(h.value, wanted)) expect(hs.some((x) => x.r === h.r), `${path}: ${h.r} dropped`).toBe(true);
              }
            }
            if (o.kind === 'save') editors[o.node] = openSession(saved, pick);
            break;
          }
        }
      }
      // Everyone converges after a full exchange, with the same conflicts.
      const all = rs.map((x) => x.get(ID)).reduce((a, b) => mergeDocs(T, a, b).doc);
      for (const x of rs) expect(openConflicts(T, mergeDocs(T, x.get(ID), all).doc).length).toBe(openConflicts(T, all).length);
    }), { seed: 2626, numRuns: 300 });
  }, 120_000);
});
