import Dexie from 'dexie';
import { KinerjaDb, SCHEMA_VERSIONS } from './schema';

/**
 * A database as schema version `version` left it, holding `rows` exactly as given (written past
 * the app's middleware, so nothing a later version derives is added): opening it with the app then
 * runs the upgrades after `version`. Returns its name.
 */
export async function storedAsVersion(version: number, rows: Record<string, readonly Record<string, unknown>[]>): Promise<string> {
  const name = `upgrade-${version}-${Math.random().toString(36).slice(2)}`;
  const old = new KinerjaDb(name, SCHEMA_VERSIONS.filter((v) => v.version <= version));
  await old.open();
  old.close();
  const raw = new Dexie(name);
  await raw.open();
  for (const [t, list] of Object.entries(rows)) if (raw.tables.some((x) => x.name === t)) await raw.table(t).bulkPut([...list]);
  raw.close();
  return name;
}
