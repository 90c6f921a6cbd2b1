import { diffFields, type SyncMeta } from '../domain/records';
import type { AuditEntry, KinerjaDb, SyncedTableName } from './schema';

export interface WriteContext {
  officeId: string;
  actor: string;
  nextRev(): string;
  nowIso(): string;
}

export interface SaveOptions {
  action?: AuditEntry['action'];
  note?: string;
  /** Id for a new document (default: a fresh UUID). */
  id?: string;
}

/**
 * Stamps the sync metadata, writes the document and appends an audit entry listing the changed
 * fields. Call it inside a transaction that covers `table` and `auditLog`. A save that changes
 * nothing writes nothing (re-saving the same form is not a new revision).
 */
export async function saveDoc<T extends SyncMeta>(
  db: KinerjaDb,
  table: SyncedTableName,
  prev: T | undefined,
  fields: Omit<Partial<T>, keyof SyncMeta>,
  ctx: WriteContext,
  opts: SaveOptions = {},
): Promise<T> {
  const prepared = prepareDoc(table, prev, fields, ctx, opts);
  if (!prepared) return prev as T;
  await db.table(table).put(prepared.doc);
  await db.auditLog.add(prepared.audit);
  return prepared.doc;
}

/**
 * The document and audit entry a save would write, or null when nothing changes. Batch writers
 * (imports) prepare thousands and write them with bulkPut/bulkAdd inside one transaction.
 */
export function prepareDoc<T extends SyncMeta>(
  table: SyncedTableName,
  prev: T | undefined,
  fields: Omit<Partial<T>, keyof SyncMeta>,
  ctx: WriteContext,
  opts: SaveOptions = {},
): { doc: T; audit: AuditEntry } | null {
  const candidate = { ...(prev ?? {}), ...fields } as Record<string, unknown>;
  const changes = diffFields(prev as Record<string, unknown> | undefined, candidate);
  if (prev && changes.length === 0 && !opts.action) return null;
  const now = ctx.nowIso();
  const rev = ctx.nextRev();
  const doc = {
    ...candidate,
    id: prev?.id ?? opts.id ?? crypto.randomUUID(),
    createdAt: prev?.createdAt ?? now,
    updatedAt: now,
    updatedBy: ctx.officeId,
    rev,
    deleted: opts.action === 'delete' ? true : opts.action === 'restore' ? false : (prev?.deleted ?? false),
  } as unknown as T;
  const audit: AuditEntry = {
    id: crypto.randomUUID(),
    at: now,
    actor: ctx.actor,
    officeId: ctx.officeId,
    table,
    docId: doc.id,
    action: opts.action ?? (prev ? 'update' : 'create'),
    changes: diffFields(prev as Record<string, unknown> | undefined, doc as unknown as Record<string, unknown>),
    rev,
    ...(opts.note ? { note: opts.note } : {}),
  };
  return { doc, audit };
}
