import { describe, expect, it } from 'vitest';
import released from './schema.released.json';
import { SCHEMA_VERSIONS, tableVersions, type SchemaVersion } from './schema';
import { TABLES } from '../domain/tables';
import { storeDeclaration, SYNCED_TABLES } from '../domain/tableFacts';

/** A Dexie store spec as its primary key and the set of its indexes. */
function parse(spec: string): { primary: string; indexes: Set<string> } {
  const [primary, ...rest] = spec.split(',').map((s) => s.trim()).filter(Boolean);
  return { primary: primary!, indexes: new Set(rest) };
}

/**
 * Offices run different app versions and exchange records, and Dexie rebuilds a store from its
 * newest spec: a table or index removed or renamed in a new version breaks every installation that
 * still has data in it. So a version, once shipped, never changes, and every later version only adds.
 */
export function additiveProblems(versions: readonly Pick<SchemaVersion, 'version' | 'stores'>[]): string[] {
  const problems: string[] = [];
  const current = new Map<string, { primary: string; indexes: Set<string> }>();
  let last = 0;
  for (const v of versions) {
    if (v.version <= last) problems.push(`version ${v.version} does not come after ${last}`);
    last = v.version;
    for (const [table, spec] of Object.entries(v.stores)) {
      const before = current.get(table);
      if (spec === null) {
        problems.push(`version ${v.version} deletes table ${table}`);
        continue;
      }
      const next = parse(spec);
      if (before) {
        if (before.primary !== next.primary) problems.push(`version ${v.version} changes the primary key of ${table}`);
        for (const idx of before.indexes) if (!next.indexes.has(idx)) problems.push(`version ${v.version} drops index ${idx} of ${table}`);
      }
      current.set(table, next);
    }
  }
  return problems;
}

describe('schema guard', () => {
  it('every released version is in schema.ts exactly as it shipped', () => {
    for (const r of released.versions) {
      const v = SCHEMA_VERSIONS.find((x) => x.version === r.version);
      expect(v, `version ${r.version}`).toBeDefined();
      expect(v!.stores, `version ${r.version}`).toEqual(r.stores);
    }
  });

  it('every synced table is declared, in its newest version, exactly as domain/tables.ts describes it', () => {
    for (const t of SYNCED_TABLES) {
      const newest = SCHEMA_VERSIONS.filter((v) => v.stores[t] !== undefined).at(-1)!;
      expect(newest.stores[t], t).toBe(storeDeclaration(TABLES[t]));
    }
  });

  it('every field a year rule or the archive reads by is indexed (an archive reads a year by index, never the whole table)', () => {
    for (const t of SYNCED_TABLES) {
      const rule = TABLES[t].year;
      if (rule === 'context') continue;
      const field = 'year' in rule ? rule.year : 'period' in rule ? rule.period : rule.evaluation;
      expect(TABLES[t].indexes, t).toContain(field);
    }
  });

  it('a synced table added after version 8 gets the version its spec names; tables of one version share it', () => {
    const spec = { ...TABLES.trainings, since: 10 };
    expect(tableVersions({ ...TABLES, a: { ...spec, since: 9 }, b: spec, c: { ...spec, indexes: ['x'] } }, 8)).toEqual([
      { version: 9, stores: { a: storeDeclaration(spec) } },
      { version: 10, stores: { b: storeDeclaration(spec), c: 'id, x, updatedAt, syncKey, svf, *kn' } },
    ]);
    expect(tableVersions(TABLES, 8)).toEqual([]);
  });

  it('every version only adds tables and indexes', () => {
    expect(additiveProblems(SCHEMA_VERSIONS)).toEqual([]);
  });

  it.each([
    ['a dropped index', { version: 9, stores: { employees: 'id, nip, unitId, updatedAt' } }, 'version 9 drops index atasanId of employees'],
    ['a deleted table', { version: 9, stores: { importLog: null } }, 'version 9 deletes table importLog'],
    ['a changed primary key', { version: 9, stores: { units: '++seq, parentId, updatedAt' } }, 'version 9 changes the primary key of units'],
  ])('refuses %s', (_name, bad, message) => {
    expect(additiveProblems([...SCHEMA_VERSIONS, bad as SchemaVersion])).toContain(message);
  });
});
