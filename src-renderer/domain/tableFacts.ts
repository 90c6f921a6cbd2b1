/**
 * What follows from TABLES (tables.ts), for the files that use a table's facts: kept apart from the
 * data so that the data is all a new table needs (and all db/tables.test.ts replaces).
 */
import { SYNC_INDEXES, TABLES, type TableSpec } from './tables';

export type SyncedTableName = keyof typeof TABLES;

/** The synced tables by name, in package order. */
export const SYNCED_TABLES = Object.keys(TABLES) as readonly SyncedTableName[];

/** The spec of a synced table, or undefined for a name that is not one (a received record may name anything). */
export function tableSpec(table: string): TableSpec | undefined {
  return Object.hasOwn(TABLES, table) ? (TABLES as Record<string, TableSpec>)[table] : undefined;
}

/** The Dexie declaration of a synced table: `id`, its own indexes, then the sync indexes. */
export function storeDeclaration(spec: TableSpec): string {
  return ['id', ...spec.indexes, ...SYNC_INDEXES].join(', ');
}

/** A fact of every synced table that has it, by table name. */
export function byTable<T>(pick: (spec: TableSpec) => T | undefined): Readonly<Record<string, T>> {
  const out: Record<string, T> = {};
  for (const [name, spec] of Object.entries(TABLES) as [string, TableSpec][]) {
    const v = pick(spec);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The synced tables whose spec satisfies `keep`, in package order. */
export function tablesWhere(keep: (spec: TableSpec) => boolean): SyncedTableName[] {
  return SYNCED_TABLES.filter((t) => keep(TABLES[t]));
}
