import { bytesOf, sameValue } from './sync/paths';
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
  /** What this copy knows, indexed (sync/merge.ts syncKeyOf). */
  syncKey?: string;
}

export const SYNC_META_FIELDS = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'rev', 'deleted'] as const;

export type DocInput<T extends SyncMeta> = Omit<T, keyof SyncMeta>;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * How a value appears in the audit log: file contents never do (an attachment is named by its size
 * and a fingerprint of its bytes), everything else as it is.
 */
export function auditValue(v: unknown): unknown {
  const bytes = bytesOf(v);
  if (bytes) return { ukuran: bytes.length, sidik: fingerprint(bytes) };
  if (Array.isArray(v)) return v.map(auditValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, auditValue(x)]));
  return v;
}

/** FNV-1a over the bytes, 8 hex digits: enough to tell two versions of a file apart in a history. */
export function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Field-level differences between two versions of a document, ignoring the sync metadata. */
export function diffFields(before: object | undefined, after: object): FieldChange[] {
  const skip = new Set<string>([...SYNC_META_FIELDS, 'sv', 'syncKey']);
  // Any record's fields, read by name (a domain interface has no index signature to say so).
  const was = (before ?? {}) as Readonly<Record<string, unknown>>;
  const now = after as Readonly<Record<string, unknown>>;
  const keys = new Set([...Object.keys(was), ...Object.keys(now)]);
  const changes: FieldChange[] = [];
  for (const key of [...keys].sort()) {
    if (skip.has(key)) continue;
    const from = was[key];
    const to = now[key];
    if (!sameValue(from, to)) changes.push({ field: key, from: auditValue(from ?? null), to: auditValue(to ?? null) });
  }
  return changes;
}
