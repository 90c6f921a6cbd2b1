/**
 * "Arsipkan tahun" (issue #33): a closed performance year leaves the live database for a signed,
 * read-only archive file. Which records belong to a year, and which years may be archived, are
 * decided here; the file and the move are db/archiveRepo.ts.
 */
import type { TABLES } from './tables';
import { tableSpec, tablesWhere, type SyncedTableName } from './tableFacts';

/** Tables whose records belong to one performance year (`year` in domain/tables.ts). */
export type YearTable = { [T in SyncedTableName]: (typeof TABLES)[T]['year'] extends 'context' ? never : T }[SyncedTableName];
// The type says the same as the filter, from the same data.
export const YEAR_TABLES = tablesWhere((spec) => spec.year !== 'context') as readonly YearTable[];

/**
 * What an archive carries besides the year's records, so its forms print as they did: the office,
 * its units and people, the rule packs the year's records name, the installations that wrote them
 * and the officials' scanned signatures. Copied, never removed from the live database.
 */
export const CONTEXT_TABLES: readonly SyncedTableName[] = tablesWhere((spec) => spec.year === 'context');

/** "2022-TRIWULANAN-1" → 2022 (domain/periods.ts periodKey); null for anything else. */
export function yearOfPeriodId(periodId: unknown): number | null {
  const m = typeof periodId === 'string' ? /^(\d{4})-/.exec(periodId) : null;
  return m ? Number(m[1]) : null;
}

type Row = Record<string, unknown>;

/**
 * The year of a record of a year table, or null when it has none. An attachment belongs to the
 * year of the evaluation it supports (`evaluationYear`, looked up by the caller).
 */
export function recordYear(table: string, doc: Row, evaluationYear: (id: string) => number | null | undefined): number | null {
  const rule = tableSpec(table)?.year;
  if (!rule || rule === 'context') return null;
  if ('year' in rule) return typeof doc[rule.year] === 'number' ? (doc[rule.year] as number) : null;
  if ('period' in rule) return yearOfPeriodId(doc[rule.period]);
  const owner = doc[rule.evaluation];
  return typeof owner === 'string' ? (evaluationYear(owner) ?? null) : null;
}

/**
 * A year is closed once the office works on a later one (§ the active year in Pengaturan): only
 * closed years with records, not archived already, may be archived.
 */
export function archivableYears(activeYear: number, withRecords: readonly number[], archived: readonly number[]): number[] {
  const done = new Set(archived);
  return [...new Set(withRecords)].filter((y) => y < activeYear && !done.has(y)).sort((a, b) => a - b);
}

/** The year's records among `tables` (rows of the year tables), as ids per table. */
export function selectYear(year: number, tables: Partial<Record<YearTable, readonly Row[]>>): Record<YearTable, string[]> {
  const evYear = new Map((tables.evaluations ?? []).map((e) => [String(e.id), yearOfPeriodId(e.periodId)]));
  const out = Object.fromEntries(YEAR_TABLES.map((t) => [t, [] as string[]])) as Record<YearTable, string[]>;
  for (const t of YEAR_TABLES) {
    for (const doc of tables[t] ?? []) if (recordYear(t, doc, (id) => evYear.get(id)) === year) out[t].push(String(doc.id));
  }
  return out;
}

/**
 * Records of a received batch that belong to a year archived here (issue #33): they are not taken
 * back into the live database. An attachment goes with its evaluation, in the batch or held here.
 */
export function archivedYearRecords<R extends { table: string; doc: Row }>(records: readonly R[], archived: ReadonlySet<number>, heldEvaluationYear: (id: string) => number | null | undefined = () => null): Set<R> {
  const out = new Set<R>();
  if (archived.size === 0) return out;
  const inBatch = new Map(records.filter((r) => r.table === 'evaluations').map((r) => [String(r.doc.id), yearOfPeriodId(r.doc.periodId)]));
  for (const r of records) {
    const y = recordYear(r.table, r.doc, (id) => inBatch.get(id) ?? heldEvaluationYear(id));
    if (y !== null && archived.has(y)) out.add(r);
  }
  return out;
}
