import type { SyncMeta } from '../records';
import { baseRev, docKnowledge, hasSeen, headsOf, materialize, order, shapeOf, syncKeyOf, writeLocal, type LocalWriteMeta, type SyncDoc } from './merge';
import { flatten, sameValue, SEP, unflatten } from './paths';

/**
 * A local save is what the person changed, not the whole form they had open: the set of paths
 * where their draft differs from the version they saw, plus that version. The merge can then tell
 * "typed here" from "merely on screen" — a rating that arrived from a laptop while the evaluation
 * was open is not reverted by a Simpan of realisasi, and a value typed on both sides becomes an
 * open conflict instead of a silent overwrite (aturan-kinerja §Sinkronisasi).
 */

type Values = Record<string, unknown>;

/**
 * Are two copies the same version? Not by `rev` alone: receiving an older concurrent write adds a
 * value (a conflict) without changing the newest rev. What a copy knows (its syncKey) tells.
 */
export function sameVersion(a: SyncMeta, b: SyncMeta): boolean {
  if (a === b) return true;
  return a.rev === b.rev && (a.syncKey ?? syncKeyOf(a)) === (b.syncKey ?? syncKeyOf(b));
}

/** The paths where `draft` differs from `shown` (both a document or a part of one, e.g. an editor's fields). */
export function editedPaths(table: string, shown: Values, draft: Values): string[] {
  const shape = shapeOf(table);
  const a = flatten(pick(shown, Object.keys(draft)), shape);
  const b = flatten(draft, shape);
  const out: string[] = [];
  for (const [path, value] of b) if (!a.has(path) || !sameValue(a.get(path), value)) out.push(path);
  for (const path of a.keys()) if (!b.has(path)) out.push(path);
  return out.sort();
}

function pick(doc: Values, keys: readonly string[]): Values {
  const out: Values = {};
  for (const k of keys) if (doc[k] !== undefined) out[k] = doc[k];
  return out;
}

/**
 * `onto` with the given paths taken from `from` (a path `from` lacks is removed), as the top-level
 * fields those paths touch: exactly what a save of those paths has to hand the repository.
 */
export function withPaths(table: string, onto: Values, from: Values, paths: readonly string[]): Values {
  if (paths.length === 0) return {};
  const shape = shapeOf(table);
  const tops = [...new Set(paths.map((p) => p.split(SEP)[0]!))];
  const flat = flatten(pick(onto, tops), shape);
  const theirs = flatten(pick(from, tops), shape);
  for (const path of paths) {
    if (theirs.has(path)) flat.set(path, theirs.get(path));
    else {
      // A removed item takes its fields and place with it.
      for (const p of [...flat.keys()]) if (p === path || p.startsWith(path + SEP)) flat.delete(p);
    }
  }
  // A new item's fields travel with it (the draft added the item whole).
  for (const path of paths) for (const [p, v] of theirs) if (p.startsWith(path + SEP) && !flat.has(p)) flat.set(p, v);
  const built = unflatten(flat, shape);
  return pick(built, tops);
}

export interface Rebased<D extends object> {
  draft: D;
  /** Paths the new revision changed (what arrived). */
  arrived: string[];
  /** Of those, the ones the person had also typed: their value stays on screen, and saving it makes a conflict. */
  clashed: string[];
}

/**
 * An open editor when a new revision of its record lands (a package received, another window's
 * save): untouched fields take the new values, typed fields stay as typed.
 */
export function rebaseDraft<D extends object>(table: string, shown: Values, next: Values, draft: D): Rebased<D> {
  const keys = Object.keys(draft);
  const typed = editedPaths(table, shown, draft as Values);
  const arrived = editedPaths(table, pick(shown, keys), pick(next, keys));
  const clashed = arrived.filter((p) => typed.some((t) => t === p || p.startsWith(t + SEP) || t.startsWith(p + SEP)));
  const values = { ...pick(next, keys), ...withPaths(table, pick(next, keys), draft as Values, typed) } as D;
  return { draft: values, arrived, clashed };
}

/**
 * A save of the person's draft (relative to `seen`, the version they opened) onto `stored`, the
 * version in the database now. When nothing arrived in between this is an ordinary local write.
 * Otherwise the person's paths are written as seen from `seen` and merged with `stored` by the
 * same merge a package uses: paths they did not change keep the stored value, and a path both
 * sides changed keeps both values as an open conflict (never a silent revert, never a loss).
 */
export function writeEdit<T extends SyncDoc>(table: string, stored: T, edit: LocalEdit, draft: Values, meta: LocalWriteMeta): T {
  if (sameVersion(stored, edit.seen)) return writeLocal(table, stored, { ...stored, ...draft }, meta);
  const seen = edit.seen as unknown as T;
  const shape = shapeOf(table);
  const target = { ...seen, ...draft };
  // Written: the typed paths, and any other the caller changed from both versions (a value the
  // repository normalised). A value equal to the stored one is what arrived, shown in the form.
  const a = flatten(seen, shape);
  const b = flatten(target, shape);
  const now = flatten(stored, shape);
  const paths = new Set(edit.paths);
  for (const [p, v] of b) if (!sameValue(a.get(p), v) && !sameValue(now.get(p), v)) paths.add(p);
  for (const p of a.keys()) if (!b.has(p) && now.has(p)) paths.add(p);
  const values = { ...seen, ...withPaths(table, seen, target, [...paths]) };
  // The person's write, stamped as seen from `seen`: its context is what they saw on each path.
  const mine = writeLocal(table, seen, values, { ...meta, force: [...(meta.force ?? []), ...edit.paths] });
  // Laid onto the stored copy path by path (never as a whole copy: one installation's writes are
  // otherwise taken as sequential, and this one did not see what arrived since `seen`). On each
  // written path the stored heads it did not see stay beside it: a conflict, not an overwrite.
  const heads = headsOf(stored, shape);
  for (const [path, hs] of headsOf(mine, shape)) {
    const ours = hs.filter((h) => h.r === meta.rev);
    if (ours.length === 0) continue;
    const unseen = (heads.get(path) ?? []).filter((h) => !ours.some((o) => hasSeen(o, h)));
    heads.set(path, [...ours, ...unseen].sort(order));
  }
  return materialize<T>(stored, heads, baseRev(stored), shape);
}

/** What a save from an editor carries besides its fields: the version the person saw and the paths they typed. */
export interface LocalEdit {
  /** A stored record as the editor read it (any table's type: it is read as a SyncDoc). */
  seen: SyncMeta;
  paths: readonly string[];
}

/**
 * An editor's state between opening a record and saving it: the version the person saw (what a
 * save is read against), the version on screen (new untouched values taken), and the draft.
 * The editor hook (components/useEditDraft.ts) and the property test drive the same functions.
 */
export interface EditSession<D extends object> {
  seen: SyncMeta;
  shown: SyncMeta;
  /** The editor's fields of `shown` as the editor reads them (defaults filled): what "typed" is measured against. */
  base: D;
  draft: D;
}

export function openSession<D extends object, S extends SyncMeta>(doc: S, pickFields: (doc: S) => D): EditSession<D> {
  const base = pickFields(doc);
  return { seen: doc, shown: doc, base, draft: base };
}

/** The paths typed in this session (where the draft differs from what the editor showed). */
export function typedPaths<D extends object>(table: string, s: EditSession<D>): string[] {
  return editedPaths(table, s.base as Values, s.draft as Values);
}

/**
 * Does `next` bring anything `shown` did not have? A live query can still hand an editor the
 * version before its own save; that older copy is no new revision.
 */
export function bringsNews(shown: SyncMeta, next: SyncMeta): boolean {
  if (sameVersion(shown, next)) return false;
  const have = docKnowledge(shown);
  const got = docKnowledge(next);
  return Object.keys(got).some((n) => !(have[n]! >= got[n]!));
}

/**
 * A new revision of the record under an open editor. Nothing typed: the editor simply shows it.
 * Typed fields stay; when the new revision changed one of them too, the save stays read against
 * the older version, so that clash becomes a conflict rather than an overwrite.
 */
export function onRevision<D extends object, S extends SyncMeta>(table: string, s: EditSession<D>, next: S, pickFields: (doc: S) => D): { session: EditSession<D> } & Omit<Rebased<D>, 'draft'> {
  const nextBase = pickFields(next);
  if (typedPaths(table, s).length === 0) {
    return { session: openSession(next, pickFields), arrived: editedPaths(table, s.base as Values, nextBase as Values), clashed: [] };
  }
  const r = rebaseDraft(table, s.base as Values, nextBase as Values, s.draft);
  // Once a clash was seen, the save stays read against the version before it (even after more arrive).
  const keepSeen = r.clashed.length > 0 || s.seen !== s.shown;
  return { session: { seen: keepSeen ? s.seen : next, shown: next, base: nextBase, draft: r.draft }, arrived: r.arrived, clashed: r.clashed };
}

/** What a save hands the repository: the typed paths' fields, read against `session.seen`. */
export function saveOf<D extends object>(table: string, s: EditSession<D>): { fields: Partial<D>; edit: LocalEdit } {
  const paths = typedPaths(table, s);
  return { fields: withPaths(table, s.seen as unknown as Values, s.draft as Values, paths) as Partial<D>, edit: { seen: s.seen, paths } };
}
