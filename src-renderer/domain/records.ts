import type { SyncVersions } from './sync/versions';

/**
 * Fields every synced document carries. Offices exchange data by spreadsheet, so ids are UUIDs
 * (two offices never both create "row 17"), `rev` orders edits (see hlc.ts) and nothing is ever
 * hard-deleted: `deleted` is a tombstone that travels like any other change.
 */
export interface SyncMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  /**
   * The installation (its installId, the rev's node) that made the last change; read from `rev`.
   * Records from before sync hold the office id here, which was the installation id then.
   */
  updatedBy: string;
  rev: string;
  deleted: boolean;
  /** Who wrote each field, for merging copies from other installations (domain/sync/versions.ts). */
  sv?: SyncVersions;
  /** The office that owns the record (absent on records from before sync: see sync/access.ts ownerOf). */
  officeId?: string;
}

export const SYNC_META_FIELDS = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'rev', 'deleted'] as const;

export type DocInput<T extends SyncMeta> = Omit<T, keyof SyncMeta>;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** Field-level differences between two versions of a document, ignoring the sync metadata. */
export function diffFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldChange[] {
  const skip = new Set<string>(SYNC_META_FIELDS);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const key of [...keys].sort()) {
    if (skip.has(key)) continue;
    const from = before?.[key];
    const to = after[key];
    if (!sameValue(from, to)) changes.push({ field: key, from: from ?? null, to: to ?? null });
  }
  return changes;
}
