/**
 * A table's rows a page at a time, in primary-key order (keyset paging: each page is one bounded
 * read after the last key seen). Five years of a big office do not fit in memory as objects at
 * once (issue #33); a page does. `visit` is synchronous so a caller's Dexie transaction stays open.
 */
import Dexie, { type IndexableType, type Table } from 'dexie';

export async function forEachPage<T>(table: Table, size: number, visit: (rows: T[]) => void): Promise<void> {
  const keyPath = table.schema.primKey.keyPath;
  if (!keyPath) throw new TypeError(`${table.name}: forEachPage needs inbound primary keys`);
  let last: IndexableType | null = null;
  for (;;) {
    const rows = (last === null ? await table.orderBy(':id').limit(size).toArray() : await table.where(':id').above(last).limit(size).toArray()) as T[];
    if (rows.length === 0) return;
    last = Dexie.getByKeyPath(rows[rows.length - 1] as object, keyPath as string) as IndexableType;
    visit(rows);
    if (rows.length < size) return;
  }
}
