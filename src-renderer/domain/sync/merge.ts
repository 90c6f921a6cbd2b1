import { revNode, revWallMs } from '../hlc';
import { auditValue, type FieldChange } from '../records';
import { byTable } from '../tableFacts';
import { type Collection, type FlatDoc, flatten, META_KEYS, POS, sameValue, SEP, valueAt, type Shape, SHAPES, unflatten } from './paths';
import type { Context, FieldVersion, SyncVersions } from './versions';

/** A document as the merge sees it: values plus sync metadata. */
export interface SyncDoc {
  id: string;
  rev: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
  sv?: SyncVersions;
  syncKey?: string;
  [field: string]: unknown;
}

/** A head with its value resolved (undefined = removed). */
export interface ValuedHead {
  r: string;
  c?: Context;
  d?: 1;
  value: unknown;
}

export type HeadMap = Map<string, ValuedHead[]>;

function canonicalValues(table: string, doc: SyncDoc): unknown {
  const flat = flatten(doc, shapeOf(table));
  return Object.fromEntries(flat);
}

export function shapeOf(table: string): Shape {
  return SHAPES[table] ?? {};
}

export function baseRev(doc: Pick<SyncDoc, 'sv' | 'rev'>): string {
  return doc.sv?.b ?? doc.rev;
}

/** Every path of a document with its heads, the winner first. */
export function headsOf(doc: SyncDoc, shape: Shape, flat: FlatDoc = flatten(doc, shape)): HeadMap {
  const b = baseRev(doc);
  const f = doc.sv?.f ?? {};
  const out: HeadMap = new Map();
  for (const [path, value] of flat) {
    if (!(path in f)) out.set(path, [{ r: b, value }]);
  }
  for (const path of Object.keys(f)) {
    const e = f[path]!;
    const winner: ValuedHead = { r: e.r, ...(e.c ? { c: e.c } : {}), ...(e.d ? { d: 1 as const } : {}), value: e.d ? undefined : 'v' in e ? e.v : flat.get(path) };
    const heads = [winner];
    for (const a of e.alt ?? []) heads.push({ r: a.r, ...(a.c ? { c: a.c } : {}), ...(a.d ? { d: 1 as const } : {}), value: a.d ? undefined : a.v });
    out.set(path, heads);
  }
  return out;
}

/** Has write `y`'s author seen write `x`? (Same installation: a later rev has.) */
export function hasSeen(y: { r: string; c?: Context }, x: { r: string }): boolean {
  if (y.r === x.r) return false;
  const node = revNode(x.r);
  if (revNode(y.r) === node) return y.r > x.r;
  const seen = y.c?.[node];
  return seen !== undefined && seen >= x.r;
}

/** Like hasSeen, but a write covers itself: used for "was this seen by the delete / the lock". */
function covers(y: { r: string; c?: Context }, x: { r: string }): boolean {
  return y.r === x.r || hasSeen(y, x);
}

function addKnowledge(into: Record<string, string>, h: { r: string; c?: Context }): void {
  const node = revNode(h.r);
  if (!(into[node]! >= h.r)) into[node] = h.r;
  if (h.c) for (const n of Object.keys(h.c)) if (!(into[n]! >= h.c[n]!)) into[n] = h.c[n]!;
}

/** Newest rev per installation among the given heads and what they had seen. */
export function knowledgeOf(heads: Iterable<{ r: string; c?: Context }>): Record<string, string> {
  const k: Record<string, string> = {};
  for (const h of heads) addKnowledge(k, h);
  return k;
}

/** Everything a document's copy knows: its base and every head of every path. */
export function docKnowledge(doc: Pick<SyncDoc, 'sv' | 'rev'>): Record<string, string> {
  const k: Record<string, string> = {};
  addKnowledge(k, { r: baseRev(doc) });
  const f = doc.sv?.f ?? {};
  for (const path of Object.keys(f)) {
    const e = f[path]!;
    addKnowledge(k, e);
    for (const a of e.alt ?? []) addKnowledge(k, a);
  }
  return k;
}

/**
 * What a copy knows, as one string (its newest rev per installation, sorted). Whole documents
 * travel and each installation's writes are sequential, so two copies that know the same revs hold
 * the same state: a received copy with the local copy's key changes nothing.
 */
export function syncKeyOf(doc: Pick<SyncDoc, 'sv' | 'rev'>): string {
  return Object.values(docKnowledge(doc)).sort().join(' ');
}

function withoutNode(k: Record<string, string>, node: string): Context | undefined {
  delete k[node];
  return Object.keys(k).length > 0 ? k : undefined;
}

/** Paths whose write stands for a whole scope: the tombstone, a lock, an item's existence. */
export function isScopePath(path: string, shape: Shape, lockField: string | undefined): boolean {
  if (path === 'deleted' || path === lockField) return true;
  const segs = path.split(SEP);
  if (segs.length < 2 || segs.length % 2 !== 0) return false;
  let current: Shape | null = shape;
  for (let i = 0; i < segs.length; i += 2) {
    const coll: Collection | undefined = current?.[segs[i]!];
    if (!coll) return false;
    current = 'list' in coll ? coll.list : coll.map;
    if (current === null) return false;
  }
  return true;
}

/** The scope a scope path stands for: '' (the whole document) or the item's prefix. */
function scopePrefix(path: string, lockField: string | undefined): string {
  return path === 'deleted' || path === lockField ? '' : path + SEP;
}

/** The field whose "locked" values freeze a document (approved SKP, Final evaluation). */
export const LOCKS: Readonly<Record<string, { field: string; values: readonly string[] }>> = byTable((spec) => spec.lock);

function valueKey(h: ValuedHead): string {
  if (h.d) return '\u0000removed';
  try {
    return JSON.stringify(h.value, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v instanceof ArrayBuffer ? v : v.buffer)) : v)) ?? 'undefined';
  } catch {
    return String(h.value);
  }
}

/** Heads sorted winner first: greater rev first; equal revs (a cloned installation) by value. */
export function order(a: ValuedHead, b: ValuedHead): number {
  if (a.r !== b.r) return a.r > b.r ? -1 : 1;
  const ka = valueKey(a);
  const kb = valueKey(b);
  return ka > kb ? -1 : ka < kb ? 1 : 0;
}

export interface MergeOutcome<T extends SyncDoc> {
  doc: T;
  /** False when the result equals the local copy (nothing to write). */
  changed: boolean;
  /** Writes left out because their author may not make them (they wait as proposals). */
  refused: { path: string; head: ValuedHead }[];
  /** Installations seen writing two different values with one rev: a copied profile. */
  clones: string[];
  /** A new record its sender may not create: nothing of it was taken. */
  rejected: boolean;
  /** What each copy knew (docKnowledge), for the caller's own checks. */
  knowledge: { incoming: Record<string, string>; local: Record<string, string> };
}

/**
 * Who may write what (access.ts builds it from the enrolments). `wholeDoc` answers for an
 * installation that may write every path of this document, so the common case skips the per-path
 * check; `path` answers for the others.
 */
export interface Authorize {
  wholeDoc(node: string): boolean;
  path(node: string, path: string): boolean;
}

export interface MergeOptions {
  authorize?: Authorize;
  /** This installation: a received copy of its own last write is compared value by value. */
  selfNode?: string;
  /** Tests compare the shortcut for a copy that has seen everything local with the full merge. */
  noShortcut?: boolean;
  /** Identities found writing from two PCs: id → wall time (ms) after which their writes stay apart as conflicts. */
  forks?: Readonly<Record<string, number>>;
}

/**
 * Is knowledge `a` strictly past `b` for every installation `b` knows? Strictly: a copied profile
 * writes different contents under one rev, and only the full merge can see that.
 */
export function knowledgeAhead(a: Record<string, string>, b: Record<string, string>): boolean {
  for (const n of Object.keys(b)) if (!(a[n]! > b[n]!)) return false;
  return true;
}

/** Does knowledge `a` include everything in `b`? */
export function knowledgeCovers(a: Record<string, string>, b: Record<string, string>): boolean {
  for (const n of Object.keys(b)) if (!(a[n]! >= b[n]!)) return false;
  return true;
}

function sameHead(a: ValuedHead, b: ValuedHead): boolean {
  return a.r === b.r && !!a.d === !!b.d && (!!a.d || sameValue(a.value, b.value));
}

/**
 * Has `y` seen `x`, where some identities are known to write from two PCs (a copied profile):
 * after the fork, two writes under such an identity are concurrent, never ordered by rev.
 */
function seenAcrossForks(y: ValuedHead, x: ValuedHead, forks: Readonly<Record<string, number>> | undefined): boolean {
  const node = revNode(x.r);
  const since = forks?.[node];
  if (since !== undefined && revNode(y.r) === node && revWallMs(x.r) > since && revWallMs(y.r) > since) return false;
  return hasSeen(y, x);
}

function mergeHeads(a: ValuedHead[], b: ValuedHead[], clones: Set<string>, forks?: Readonly<Record<string, number>>): ValuedHead[] {
  const all: ValuedHead[] = [...a];
  for (const h of b) {
    if (all.some((x) => sameHead(x, h))) continue;
    // One rev, two contents: two installations write with one node id. Both stay, visibly.
    if (all.some((x) => x.r === h.r)) clones.add(revNode(h.r));
    all.push(h);
  }
  return all.filter((x) => !all.some((y) => seenAcrossForks(y, x, forks))).sort(order);
}

function toEntry(heads: ValuedHead[], hidden: boolean): FieldVersion {
  const [w, ...rest] = heads as [ValuedHead, ...ValuedHead[]];
  const e: FieldVersion = { r: w.r };
  if (w.c) e.c = w.c;
  if (w.d) e.d = 1;
  else if (hidden) e.v = w.value;
  if (rest.length > 0) e.alt = rest.map((h) => ({ r: h.r, ...(h.c ? { c: h.c } : {}), ...(h.d ? { d: 1 as const } : { v: h.value }) }));
  return e;
}

/**
 * When and by which installation a document was last changed, read from its rev: a function of the
 * merged state alone, so every copy agrees (a refused newer write must not lend its time).
 */
export function lastWrite(rev: string): { updatedAt: string; updatedBy: string } {
  return { updatedAt: new Date(revWallMs(rev)).toISOString(), updatedBy: revNode(rev) };
}

/** Values, base and heads → a stored document (values shown, metadata compact). */
export function materialize<T extends SyncDoc>(
  meta: Pick<SyncDoc, 'id' | 'createdAt'>,
  heads: HeadMap,
  b: string,
  shape: Shape,
): T {
  const flat: FlatDoc = new Map();
  let rev = b;
  for (const [path, hs] of heads) {
    const w = hs[0]!;
    if (!w.d) flat.set(path, w.value);
    for (const h of hs) if (h.r > rev) rev = h.r;
  }
  const values = unflatten(flat, shape);
  // Paths inside a removed item are not shown by the document; their value lives in the entry.
  const shown = flat.size === 0 ? flat : flatten(values, shape);
  const f: Record<string, FieldVersion> = {};
  const paths = [...heads.keys()].sort();
  for (const path of paths) {
    const hs = heads.get(path)!;
    const w = hs[0]!;
    // Also a list position the document shows differently (items added at one place on two sides).
    const hidden = !w.d && (!shown.has(path) || !sameValue(shown.get(path), w.value));
    if (hs.length === 1 && w.r === b && !w.c && !w.d && !hidden) continue;
    f[path] = toEntry(hs, hidden);
  }
  const out = {
    ...values,
    id: meta.id,
    createdAt: meta.createdAt,
    ...lastWrite(rev),
    rev,
    deleted: values.deleted === true,
    sv: { b, f },
  } as T;
  out.syncKey = syncKeyOf(out);
  return out;
}

/**
 * Merge a received copy of a document into the local one (or take it as new). Pure: the same two
 * inputs give the same output on every installation, and merge(merge(a, b), b) = merge(a, b).
 */
export function mergeDocs<T extends SyncDoc>(table: string, local: T | undefined, incoming: T, opts: MergeOptions = {}): MergeOutcome<T> {
  const shape = shapeOf(table);
  const clones = new Set<string>();
  const refused: { path: string; head: ValuedHead }[] = [];
  const inK = docKnowledge(incoming);
  const localK = local ? docKnowledge(local) : {};
  const knowledge = { incoming: inK, local: localK };
  const none = { refused, clones: [] as string[], rejected: false, knowledge };
  if (local && local.rev === incoming.rev && sameValue(local.sv ?? null, incoming.sv ?? null)) {
    // Same revs, same content, unless a copy of this very installation wrote it: look then.
    const own = opts.selfNode !== undefined && revNode(incoming.rev) === opts.selfNode;
    if (!own || sameValue(canonicalValues(table, local), canonicalValues(table, incoming))) return { doc: local, changed: false, ...none };
  }
  const { authorize } = opts;
  const allowedWhole = !authorize || Object.keys(inK).every((n) => authorize.wholeDoc(n));
  const forked = !!opts.forks && Object.keys(inK).some((n) => opts.forks![n] !== undefined);
  // A copy whose author had seen everything the local copy holds replaces it as it is.
  if (allowedWhole && !opts.noShortcut && (!local || (!forked && knowledgeAhead(inK, localK)))) {
    const doc = { ...incoming, sv: incoming.sv ?? { b: incoming.rev, f: {} } };
    doc.syncKey = Object.values(inK).sort().join(' ');
    return { doc, changed: true, ...none };
  }
  const inHeads = headsOf(incoming, shape);
  if (authorize && !allowedWhole) {
    for (const [path, hs] of inHeads) {
      const ok = hs.filter((h) => authorize.path(revNode(h.r), path));
      if (ok.length < hs.length) for (const h of hs) if (!ok.includes(h)) refused.push({ path, head: h });
      if (ok.length === 0) inHeads.delete(path);
      else inHeads.set(path, ok);
    }
  }
  if (!local) {
    // A new record from someone who may not write all of it is not created: it waits whole.
    if (refused.length > 0) return { doc: incoming, changed: false, refused, clones: [], rejected: true, knowledge };
    const doc = materialize<T>(incoming, inHeads, baseRev(incoming), shape);
    return { doc, changed: true, ...none };
  }
  const localFlat = flatten(local, shape);
  const localHeads = headsOf(local, shape, localFlat);
  const merged: HeadMap = new Map();
  for (const [path, hs] of localHeads) merged.set(path, hs);
  for (const [path, hs] of inHeads) {
    const mine = localHeads.get(path);
    const heads = mine ? mergeHeads(mine, hs, clones, opts.forks) : [...hs].sort(order);
    merged.set(path, heads);
  }
  const b = baseRev(local) <= baseRev(incoming) ? baseRev(local) : baseRev(incoming);
  const meta = { id: local.id, createdAt: local.createdAt <= incoming.createdAt ? local.createdAt : incoming.createdAt };
  const doc = materialize<T>(meta, merged, b, shape);
  const changed = doc.rev !== local.rev || !sameValue(doc.sv, local.sv ?? { b: baseRev(local), f: {} });
  return { doc: changed ? doc : local, changed, refused, clones: [...clones], rejected: false, knowledge };
}

/**
 * The sync metadata of a document after a local save: every path whose value changed (or that the
 * caller names, to resolve a conflict or acknowledge a flag) gets a write with `rev`, whose context
 * is what the user saw: every head of that path, or for a scope path (delete, lock, an item) every
 * head inside the scope.
 */
export function stampLocal(table: string, prev: SyncDoc | undefined, next: Record<string, unknown>, rev: string, force: readonly string[] = []): SyncVersions {
  if (!prev) return { b: rev, f: {} };
  const shape = shapeOf(table);
  const node = revNode(rev);
  const lockField = LOCKS[table]?.field;
  const prevFlat = flatten(prev, shape);
  const nextFlat = flatten(next, shape);
  const heads = headsOf(prev, shape, prevFlat);
  const f: Record<string, FieldVersion> = { ...(prev.sv?.f ?? {}) };
  const written = new Set(force);
  // Written = what the user changed from what the document showed.
  for (const [path, value] of nextFlat) {
    if (!prevFlat.has(path) || !sameValue(prevFlat.get(path), value)) written.add(path);
  }
  for (const path of prevFlat.keys()) if (!nextFlat.has(path)) written.add(path);
  for (const path of written) {
    let k: Record<string, string>;
    if (isScopePath(path, shape, lockField)) {
      const prefix = scopePrefix(path, lockField);
      const scoped: ValuedHead[] = [];
      for (const [p, hs] of heads) if (p === path || p.startsWith(prefix)) scoped.push(...hs);
      k = knowledgeOf(scoped);
    } else k = knowledgeOf(heads.get(path) ?? []);
    const c = withoutNode(k, node);
    const e: FieldVersion = { r: rev };
    if (c) e.c = c;
    if (!nextFlat.has(path)) e.d = 1;
    f[path] = e;
  }
  // A removed item's fields leave with it, so later merges know they were seen removed.
  return { b: baseRev(prev), f };
}

export type ConflictKind = 'field' | 'deleteEdit' | 'removeEdit' | 'afterLock';

export interface OpenConflict {
  kind: ConflictKind;
  /** The path in conflict, or the deleted/removed/locked path for the other kinds. */
  path: string;
  /** Field conflicts: the heads, winner first. Other kinds: the writes that did not see it. */
  heads: ValuedHead[];
  /** Other kinds: the paths edited without seeing the delete / removal / lock. */
  paths: string[];
}

/**
 * What needs a person: values written on two installations without seeing each other, a record
 * deleted on one while edited on another, and edits made without seeing an approval or Final.
 * A function of the document alone, so every installation that holds it lists the same.
 */
export function openConflicts(table: string, doc: SyncDoc): OpenConflict[] {
  const lock = LOCKS[table];
  // Most records have nothing to review: no other heads, no removal, no delete, no lock.
  const entries = Object.values(doc.sv?.f ?? {});
  if (!doc.deleted && !(lock && lock.values.includes(doc[lock.field] as string)) && !entries.some((e) => e.alt || e.d)) return [];
  const shape = shapeOf(table);
  const heads = headsOf(doc, shape);
  const out: OpenConflict[] = [];
  const uncovered = (by: ValuedHead, prefix: string, except: string): { paths: string[]; heads: ValuedHead[] } => {
    const paths: string[] = [];
    const hs: ValuedHead[] = [];
    for (const [p, list] of heads) {
      if (p === except || (prefix && !p.startsWith(prefix))) continue;
      const missed = list.filter((h) => !covers(by, h) && !hasSeen(h, by));
      if (missed.length > 0) {
        paths.push(p);
        hs.push(...missed);
      }
    }
    return { paths: paths.sort(), heads: hs };
  };
  // Inside a removed item, a clash of "removed" with an edit is reported once, as the removal's.
  const removed = [...heads].filter(([p, hs]) => hs[0]!.d && p !== 'deleted' && isScopePath(p, shape, undefined)).map(([p]) => p + SEP);
  for (const path of [...heads.keys()].sort()) {
    const hs = heads.get(path)!;
    // Two places for one item are settled by rev alone: nobody needs to choose an order.
    if (hs.length > 1 && !path.endsWith(POS) && !removed.some((prefix) => path.startsWith(prefix))) out.push({ kind: 'field', path, heads: hs, paths: [path] });
  }
  const del = heads.get('deleted')?.[0];
  if (del && del.value === true) {
    const u = uncovered(del, '', 'deleted');
    if (u.paths.length > 0) out.push({ kind: 'deleteEdit', path: 'deleted', ...u });
  }
  for (const [path, hs] of heads) {
    const w = hs[0]!;
    if (!w.d || !isScopePath(path, shape, undefined) || path === 'deleted') continue;
    const u = uncovered(w, path + SEP, path);
    if (u.paths.length > 0) out.push({ kind: 'removeEdit', path, ...u });
  }
  if (lock) {
    const st = heads.get(lock.field)?.[0];
    if (st && lock.values.includes(st.value as string)) {
      const u = uncovered(st, '', lock.field);
      if (u.paths.length > 0) out.push({ kind: 'afterLock', path: lock.field, ...u });
    }
  }
  return out;
}

export interface LocalWriteMeta {
  rev: string;
  /** Creation time of a new document. */
  nowIso: string;
  /** Id of a new document. */
  id: string;
  /** Paths written even though their value did not change (resolving a conflict, acknowledging a flag). */
  force?: readonly string[];
}

/** A document after a local save: values as given, sync metadata stamped (see stampLocal). */
export function writeLocal<T extends SyncDoc>(table: string, prev: T | undefined, values: Record<string, unknown>, meta: LocalWriteMeta): T {
  const doc = {
    ...values,
    id: prev?.id ?? meta.id,
    createdAt: prev?.createdAt ?? meta.nowIso,
    ...lastWrite(meta.rev),
    rev: meta.rev,
    deleted: values.deleted === true,
  } as Record<string, unknown>;
  delete doc.sv;
  doc.sv = stampLocal(table, prev, doc, meta.rev, meta.force);
  doc.syncKey = syncKeyOf(doc as SyncDoc);
  return doc as T;
}

/** A document in one canonical form (for comparing copies held by different installations). */
export function canonicalDoc<T extends SyncDoc>(table: string, doc: T): T {
  const shape = shapeOf(table);
  return materialize<T>(doc, headsOf(doc, shape), baseRev(doc), shape);
}

/**
 * What changed between two copies, path by path (positions left out), for the audit of received
 * records: "hasil/<rhk>/realisasi: 290 → 310", never file contents (see records.ts auditValue).
 */
export function diffPaths(table: string, before: SyncDoc, after: SyncDoc): FieldChange[] {
  const shape = shapeOf(table);
  // Only the top-level fields that differ are taken apart (most of a record is unchanged).
  const changed = (o: SyncDoc) => {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) if (!META_KEYS.has(k) && !sameValue(before[k], after[k])) out[k] = o[k];
    return out;
  };
  const a = flatten(changed(before), shape);
  const b = flatten(changed(after), shape);
  const out: FieldChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (path.endsWith(POS)) continue;
    const from = a.get(path);
    const to = b.get(path);
    if (!sameValue(from, to)) out.push({ field: path, from: auditValue(from ?? null), to: auditValue(to ?? null) });
  }
  return out.sort((x, y) => (x.field < y.field ? -1 : 1));
}

/**
 * What a merge changed, read from the write versions: the paths with a write the local copy had
 * not seen, each with its value before and after. Exact and cheap (no walk over unchanged data);
 * copies from before sync, without versions, fall back to diffPaths.
 */
export function changedPaths(table: string, before: SyncDoc, after: SyncDoc): FieldChange[] {
  if (!after.sv || !before.sv || after.sv.b !== before.sv.b) return diffPaths(table, before, after);
  const known = docKnowledge(before);
  const unseen = (r: string) => !(known[revNode(r)]! >= r);
  const paths = Object.keys(after.sv.f).filter((p) => !p.endsWith(POS) && [after.sv!.f[p]!, ...(after.sv!.f[p]!.alt ?? [])].some((h) => unseen(h.r)));
  if (paths.length === 0) return [];
  const shape = shapeOf(table);
  const out: FieldChange[] = [];
  for (const path of paths.sort()) {
    const from = valueAt(before, path, shape);
    const to = valueAt(after, path, shape);
    if (!sameValue(from, to)) out.push({ field: path, from: auditValue(from ?? null), to: auditValue(to ?? null) });
  }
  return out;
}
