/**
 * A document as a flat map of paths → values, the unit at which installations merge.
 *
 * Two installations that edit different parts of one document must both keep their edits, so the
 * merge works on paths, not on whole documents. Collections inside a document are addressed by
 * stable keys, never by array position ("the second RHK" shifts when one is removed):
 * - a list of items with an `id` (RHK, indicators, dated feedback) becomes `rhk/<id>` (the item
 *   exists: `true`), `rhk/<id>/#pos` (its place) and `rhk/<id>/<field>` for each of its fields;
 * - a map keyed by code or id (`hasil` per RHK id, `ekspektasi` per BerAKHLAK code) becomes
 *   `hasil/<key>` (exists) plus its fields, or `ekspektasi/<key>` = the value for maps of leaves;
 * - every other field is one leaf: a snapshot, a list of strings, a number.
 * Which fields are collections is data (SHAPES), per table.
 */
import type { Collection, Shape } from '../tables';
import { byTable } from '../tableFacts';

export type { Collection, Shape } from '../tables';

/** Collections per synced table (domain/tables.ts); a table without any has leaves only. */
export const SHAPES: Readonly<Record<string, Shape>> = byTable((spec) => spec.shape);

/** Sync metadata that is not itself an edited field (the tombstone `deleted` is a field). */
export const META_KEYS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'rev', 'sv', 'syncKey', 'kn']);

export const POS = '#pos';
export const SEP = '/';

/** Keys become path segments: escape the separator the way JSON Pointer does. */
export function escapeKey(k: string): string {
  return k.includes('/') || k.includes('~') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k;
}
function unescapeKey(k: string): string {
  return k.includes('~') ? k.replace(/~1/g, '/').replace(/~0/g, '~') : k;
}

export type FlatDoc = Map<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof ArrayBuffer) && !ArrayBuffer.isView(v);
}

function flattenInto(out: FlatDoc, prefix: string, obj: Record<string, unknown>, shape: Shape, skip: ReadonlySet<string> | null): void {
  for (const key of Object.keys(obj)) {
    if (skip?.has(key)) continue;
    const value = obj[key];
    if (value === undefined) continue;
    const path = prefix + escapeKey(key);
    const coll = shape[key];
    if (coll && 'list' in coll && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (!isPlainObject(item) || typeof item.id !== 'string') throw new Error(`item without id at ${path}`);
        const itemPath = path + SEP + escapeKey(item.id);
        out.set(itemPath, true);
        out.set(itemPath + SEP + POS, i);
        flattenInto(out, itemPath + SEP, item, coll.list, ID_ONLY);
      });
    } else if (coll && 'map' in coll && isPlainObject(value)) {
      for (const k of Object.keys(value)) {
        const v = value[k];
        if (v === undefined) continue;
        const entryPath = path + SEP + escapeKey(k);
        if (coll.map === null) out.set(entryPath, v);
        else if (isPlainObject(v)) {
          out.set(entryPath, true);
          flattenInto(out, entryPath + SEP, v, coll.map, null);
        } else out.set(entryPath, v);
      }
    } else {
      out.set(path, value);
    }
  }
}
const ID_ONLY: ReadonlySet<string> = new Set(['id']);

/** The edited fields of a document as paths (sync metadata left out; `deleted` kept). */
export function flatten(doc: Record<string, unknown>, shape: Shape = {}): FlatDoc {
  const out: FlatDoc = new Map();
  flattenInto(out, '', doc, shape, META_KEYS);
  return out;
}

interface Node {
  value?: unknown;
  has: boolean;
  children: Map<string, Node>;
}

function tree(flat: FlatDoc): Node {
  const root: Node = { has: false, children: new Map() };
  for (const [path, value] of flat) {
    let node = root;
    for (const seg of path.split(SEP)) {
      let next = node.children.get(seg);
      if (!next) {
        next = { has: false, children: new Map() };
        node.children.set(seg, next);
      }
      node = next;
    }
    node.value = value;
    node.has = true;
  }
  return root;
}

function build(node: Node, shape: Shape, into: Record<string, unknown>): void {
  for (const [seg, child] of node.children) {
    const key = unescapeKey(seg);
    const coll = shape[key];
    // A collection field never holds a value of its own; one that does (a malformed record) is a leaf.
    if (coll && !child.has) into[key] = 'list' in coll ? buildList(child, coll.list) : buildMap(child, coll.map);
    else if (child.has) into[key] = child.value;
  }
  // A collection with no entries left still exists as an empty one.
  for (const key of Object.keys(shape)) {
    if (!(key in into)) {
      const coll = shape[key]!;
      into[key] = 'list' in coll ? [] : {};
    }
  }
}

function buildList(node: Node, itemShape: Shape): Record<string, unknown>[] {
  const items: { pos: number; id: string; item: Record<string, unknown> }[] = [];
  for (const [seg, child] of node.children) {
    if (!child.has || child.value !== true) continue; // removed item (its fields may linger, unseen)
    const id = unescapeKey(seg);
    const item: Record<string, unknown> = { id };
    const fields: Node = { has: false, children: new Map(child.children) };
    const pos = fields.children.get(POS);
    fields.children.delete(POS);
    build(fields, itemShape, item);
    items.push({ pos: typeof pos?.value === 'number' ? pos.value : Number.MAX_SAFE_INTEGER, id, item });
  }
  // Two items added at the same place on two installations: both stay, in id order.
  items.sort((a, b) => a.pos - b.pos || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return items.map((i) => i.item);
}

function buildMap(node: Node, valueShape: Shape | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...node.children.keys()].sort();
  for (const seg of keys) {
    const child = node.children.get(seg)!;
    const key = unescapeKey(seg);
    if (valueShape === null) {
      if (child.has) out[key] = child.value;
    } else if (child.has && child.value === true) {
      const entry: Record<string, unknown> = {};
      build(child, valueShape, entry);
      out[key] = entry;
    } else if (child.has) {
      out[key] = child.value;
    }
  }
  return out;
}

/** The inverse of `flatten` (collections ordered by their place, then id; map keys sorted). */
export function unflatten(flat: FlatDoc, shape: Shape = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  build(tree(flat), shape, out);
  return out;
}

/** The collection item or map entry a path belongs to ("rhk/<id>" for "rhk/<id>/teks"), or null. */
export function scopesOf(path: string, shape: Shape): string[] {
  const segs = path.split(SEP);
  const scopes: string[] = [];
  let current: Shape | null = shape;
  let i = 0;
  while (current && i + 1 < segs.length) {
    const coll: Collection | undefined = current[unescapeKey(segs[i]!)];
    if (!coll) break;
    const scope = segs.slice(0, i + 2).join(SEP);
    const inner: Shape | null = 'list' in coll ? coll.list : coll.map;
    if (inner === null) break;
    if (i + 2 < segs.length) scopes.push(scope);
    current = inner;
    i += 2;
  }
  return scopes;
}

/** Equality of stored values: deep, with binary data (attachments) compared by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const ba = bytesOf(a);
  const bb = bytesOf(b);
  if (ba || bb) {
    if (!ba || !bb || ba.length !== bb.length) return false;
    for (let i = 0; i < ba.length; i++) if (ba[i] !== bb[i]) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const arr = b as unknown[];
    return a.length === arr.length && a.every((x, i) => sameValue(x, arr[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function bytesOf(v: unknown): Uint8Array | null {
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
}

/** The value `flatten` would give for one path, found without flattening the whole document. */
export function valueAt(doc: Record<string, unknown>, path: string, shape: Shape = {}): unknown {
  const segs = path.split(SEP).map(unescapeKey);
  let cur: unknown = doc;
  let sh: Shape | null = shape;
  for (let i = 0; i < segs.length; i++) {
    const key = segs[i]!;
    const container = (cur as Record<string, unknown> | undefined)?.[key];
    const coll: Collection | undefined = sh?.[key];
    if (!coll || i + 1 >= segs.length) return i + 1 >= segs.length ? container : undefined;
    const id = segs[i + 1]!;
    const last = i + 2 >= segs.length;
    if ('list' in coll) {
      if (!Array.isArray(container)) return undefined;
      const at = container.findIndex((x) => isPlainObject(x) && x.id === id);
      if (at < 0) return undefined;
      if (last) return true;
      if (segs[i + 2] === POS && i + 3 === segs.length) return at;
      cur = container[at];
      sh = coll.list;
    } else {
      const entry = isPlainObject(container) ? container[id] : undefined;
      if (coll.map === null) return last ? entry : undefined;
      if (last) return isPlainObject(entry) ? true : entry;
      cur = entry;
      sh = coll.map;
    }
    i++;
  }
  return undefined;
}
