/**
 * The knowledge index (issue #33): `kn` on every synced record lists, per installation whose
 * writes it holds, "<installation> <its newest rev here>". Indexed multi-entry (db/schema.ts), it
 * answers "which records hold writes of installation X newer than rev R" — what a peer that
 * confirmed R lacks — by reading only those records' keys, however many years are stored; and
 * "the newest rev of X held here" by reading one key. Derived from the record's syncKey on every
 * write, left out of its audit hash, of the merge (a sync meta key) and of package files.
 */
import { revNode } from '../hlc';
import { syncKeyOf, type SyncDoc } from './merge';

export const KNOWLEDGE_INDEX = 'kn';
/** Sorts after every character a rev or an installation id may hold. */
const HIGH = '\uffff';

/** The record's index keys, from its syncKey (derived when it has none); none for a record without revs. */
export function knowledgeKeys(doc: Record<string, unknown>): string[] {
  let key = typeof doc.syncKey === 'string' ? doc.syncKey : '';
  if (!key) {
    try {
      key = syncKeyOf(doc as SyncDoc);
    } catch {
      return [];
    }
  }
  return key ? key.split(' ').filter(Boolean).map((rev) => `${revNode(rev)} ${rev}`) : [];
}

/** The record with its knowledge keys as its syncKey calls for (the same object when already right). */
export function withKnowledgeIndex<T extends object>(doc: T): T {
  const d = doc as Record<string, unknown>;
  const keys = knowledgeKeys(d);
  const now = d[KNOWLEDGE_INDEX];
  if (Array.isArray(now) && now.length === keys.length && now.every((k, i) => k === keys[i])) return doc;
  return { ...d, [KNOWLEDGE_INDEX]: keys } as T;
}

/** Index range of installation `node`'s keys, above rev `after` when given (exclusive). */
export function nodeRange(node: string, after?: string): { lower: string; upper: string; includeLower: boolean } {
  return after === undefined ? { lower: `${node} `, upper: `${node} ${HIGH}`, includeLower: true } : { lower: `${node} ${after}`, upper: `${node} ${HIGH}`, includeLower: false };
}

/** "<node> <rev>" → [node, rev]. */
export function splitKey(key: string): [node: string, rev: string] {
  const i = key.indexOf(' ');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** The index keys of the next installation after `node` begin above this. */
export function afterNode(node: string): string {
  return `${node} ${HIGH}`;
}

/** The record as it travels in a package: the receiver derives its own keys. */
export function withoutKnowledgeIndex(doc: Record<string, unknown>): Record<string, unknown> {
  if (!(KNOWLEDGE_INDEX in doc)) return doc;
  const { [KNOWLEDGE_INDEX]: _kn, ...rest } = doc;
  return rest;
}
