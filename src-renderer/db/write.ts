import { recordHash } from '../domain/auditChain';
import { diffFields, type SyncMeta } from '../domain/records';
import { authorizeFor, type Installation, ownerOf } from '../domain/sync/access';
import { editedPaths, type LocalEdit, sameVersion, writeEdit } from '../domain/sync/localEdit';
import { writeLocal, type SyncDoc } from '../domain/sync/merge';
import { tableSpec } from '../domain/tableFacts';
import { appendAudit } from './audit';
import { RepoError } from './errors';
import type { AuditEntry, KinerjaDb, SyncedTableName } from './schema';

export interface WriteContext {
  /** The office this installation belongs to: owner of the records it creates. */
  officeId: string;
  /** This installation (the clock node). */
  installId: string;
  actor: string;
  nextRev(): string;
  nowIso(): string;
  /** What this installation may write (a penilai laptop: ratings of its appraisees only). */
  role?: Pick<Installation, 'role' | 'penilaiEmployeeId'>;
}

/**
 * The same rule other installations apply on receipt (domain/sync/access.ts), applied before a
 * local save: a penilai laptop cannot make a change that the office would refuse anyway.
 */
function refuseForeignWrite(table: SyncedTableName, prev: SyncMeta | undefined, doc: SyncDoc, rev: string, ctx: WriteContext): void {
  if (!ctx.role || ctx.role.role === 'KANTOR') return;
  const self = { ...ctx.role, id: ctx.installId, officeId: ctx.officeId } as Installation;
  const owner = ownerOf(table, prev ?? doc);
  const auth = authorizeFor(table, owner, prev as unknown as SyncDoc | undefined, (id) => (id === ctx.installId ? self : undefined));
  // This save's write may stand second on a path (a clash with a write from a clock ahead).
  const written = Object.entries(doc.sv?.f ?? {}).filter(([, e]) => e.r === rev || (e.alt ?? []).some((a) => a.r === rev)).map(([p]) => p);
  const refused = prev ? written.filter((p) => !auth.path(ctx.installId, p)) : auth.wholeDoc(ctx.installId) ? [] : ['*'];
  if (refused.length > 0) throw new RepoError('notAllowedHere', { table, role: ctx.role.role, paths: refused });
}

export interface SaveOptions<T = Record<string, unknown>> {
  action?: AuditEntry['action'];
  note?: string;
  /** Id for a new document (default: a fresh UUID). */
  id?: string;
  /** Paths written even when unchanged: settling a conflict or acknowledging a flag (domain/sync). */
  force?: readonly string[];
  /**
   * From an editor: the version the person saw and the paths they typed. `fields` are then read
   * against that version, and only those paths are written onto what is stored now
   * (domain/sync/localEdit).
   */
  edit?: LocalEdit;
  /**
   * Fields computed from the others (an evaluation's predikat from its ratings): recomputed from the
   * document as saved, and written as having seen it, so they never clash on their own.
   */
  derive?: (doc: T) => Partial<T>;
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
  opts: SaveOptions<T> = {},
): Promise<T> {
  const prepared = prepareDoc(table, prev, fields, ctx, opts);
  if (!prepared) return prev as T;
  await db.table(table).put(prepared.doc);
  await appendAudit(db, [prepared.audit]);
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
  opts: SaveOptions<T> = {},
): { doc: T; audit: AuditEntry } | null {
  // An edit begun on an older version: what the person changed is read against what they saw.
  const edit = prev && opts.edit && !sameVersion(opts.edit.seen, prev) ? opts.edit : undefined;
  const seen = edit?.seen as unknown as SyncDoc | undefined;
  const candidate = { ...(seen ?? prev ?? {}), ...fields } as Record<string, unknown>;
  const nothing = edit ? edit.paths.length === 0 && editedPaths(table, seen!, candidate).length === 0 : diffFields(prev as Record<string, unknown> | undefined, candidate).length === 0;
  if (prev && nothing && !opts.action && !opts.force?.length) return null;
  const now = ctx.nowIso();
  const rev = ctx.nextRev();
  candidate.deleted = opts.action === 'delete' ? true : opts.action === 'restore' ? false : ((seen ?? prev)?.deleted ?? false);
  // A new record belongs to this installation's office (the office document is its own owner).
  if (!prev && tableSpec(table)?.ownedBy !== 'self' && candidate.officeId === undefined) candidate.officeId = ctx.officeId;
  const meta = { rev, nowIso: now, id: prev?.id ?? opts.id ?? crypto.randomUUID(), ...(opts.force ? { force: opts.force } : {}) };
  let doc = (edit ? writeEdit(table, prev as unknown as SyncDoc, edit, candidate, meta) : writeLocal(table, prev as unknown as SyncDoc | undefined, candidate, meta)) as unknown as T;
  const derived = opts.derive?.(doc);
  if (derived && diffFields(doc, { ...doc, ...derived }).length > 0) {
    doc = writeLocal(table, doc as unknown as SyncDoc, { ...doc, ...derived }, meta) as unknown as T;
  }
  refuseForeignWrite(table, prev, doc as unknown as SyncDoc, rev, ctx);
  const audit: AuditEntry = {
    id: crypto.randomUUID(),
    at: now,
    actor: ctx.actor,
    officeId: ctx.officeId,
    installId: ctx.installId,
    table,
    docId: doc.id,
    action: opts.action ?? (prev ? 'update' : 'create'),
    changes: diffFields(prev, doc),
    rev,
    ...(opts.note ? { note: opts.note } : {}),
    h: recordHash(doc),
  };
  return { doc, audit };
}
