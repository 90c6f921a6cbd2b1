/**
 * "Sinkronkan sekarang" with a server (issue #28): the same signed packages as files, carried by
 * CouchDB replication. PouchDB is only the outbox and inbox (a local mirror of each server database);
 * Dexie stays the app's store. One run:
 *  1. `PouchDB.replicate` pulls the packets meant for this installation (checkpoints, retries and
 *     batching are the engine's);
 *  2. applies each new one through the file path (readPackageFile → PackageRepo.receive), in the
 *     order its author made them, and marks it in the mirror so it is never applied twice;
 *  3. for each partner reached through the database, builds the package a file would carry (what
 *     it has not confirmed, or only confirmations) and puts each part into the mirror as a packet;
 *  4. pushes this installation's packets.
 * Runs in the network worker (jobs/network.worker.ts); Node tests run it against the stand-in server.
 */
import type { DataStore } from '../db/store';
import { RepoError } from '../db/errors';
import type { PeerView } from '../db/packageRepo';
import type { Installation } from '../domain/sync/access';
import { databaseName, PACKET_ATTACHMENT, PACKET_MIME, PACKET_PREFIX, packetId, parsePacketId, pullFilterName, TO_EVERYONE, type PacketDoc } from '../exchange/packet';
import { readPackageFile, writePackageFile } from '../exchange/packageFile';

/** The part of a PouchDB database this uses (pouchdb-browser in the app, pouchdb-core in tests). */
export interface PouchDatabase {
  name: string;
  put(doc: object): Promise<{ rev: string }>;
  get(id: string): Promise<Record<string, unknown> & { _rev?: string }>;
  allDocs(opts: { startkey: string; endkey: string }): Promise<{ rows: { id: string }[] }>;
  getAttachment(id: string, name: string): Promise<Blob | Uint8Array>;
}

export interface ReplicateResult {
  docs_written: number;
  docs_read: number;
}

/** What the run is given: the store and the engine, the mirror and server databases by name. */
export interface NetworkDeps {
  store: DataStore;
  local(name: string): PouchDatabase;
  remote(name: string): PouchDatabase;
  replicate(source: PouchDatabase, target: PouchDatabase, opts: object): Promise<ReplicateResult>;
  /** A package file as PouchDB stores an attachment: a Blob in the browser, a Buffer in Node. */
  attachment(bytes: Uint8Array): unknown;
  appVersion: string;
  now?: () => Date;
  onProgress?(p: NetworkProgress): void;
}

export interface NetworkProgress {
  step: 'build' | 'push' | 'pull' | 'apply';
  sent: number;
  received: number;
  applied: number;
}

/** A packet that was not applied, and the message key saying why (with its parameters). */
export interface PacketRefusal {
  /** The server database it came through, and its id there. */
  database: string;
  packet: string;
  from: string;
  code: string;
  params: Record<string, unknown>;
  /** Tried again on the next run (a key nobody here confirmed yet); others are refused for good. */
  retry: boolean;
}

export interface NetworkReport {
  databases: string[];
  /** Packets pushed (parts count one each). */
  sent: number;
  /** Packets pulled from the server this run. */
  received: number;
  applied: number;
  /** Records created and updated by what was applied. */
  created: number;
  updated: number;
  conflicts: number;
  refused: PacketRefusal[];
  /** Milliseconds by step, summed over the databases (the bench prints them). */
  phases: Record<string, number>;
}

function phaseTimer(report: NetworkReport): (step: string) => void {
  let t = performance.now();
  return (step) => {
    const now = performance.now();
    report.phases[step] = (report.phases[step] ?? 0) + Math.round(now - t);
    t = now;
  };
}

const APPLIED = '_local/kl-applied';
const REFUSED = '_local/kl-refused';
const SEQ = '_local/kl-seq';

async function readLocalDoc<T extends object>(db: PouchDatabase, id: string, empty: T): Promise<T & { _rev?: string }> {
  try {
    return (await db.get(id)) as T & { _rev?: string };
  } catch (err) {
    if ((err as { status?: number }).status === 404) return { ...empty };
    throw err;
  }
}

async function bytesOf(data: Blob | Uint8Array): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

/**
 * A package is owed to a partner when records wait for it that it has not been sent yet: written
 * after the last package to it, or arrived here since (a rating the laptop made before that package,
 * which the kantor relays to its BKD). Also when the partner sent records since: it then learns what
 * this installation now holds (a package with confirmations only). Never for an empty package
 * received: two partners would otherwise answer each other forever. Records merely unconfirmed are
 * not sent again each run (a BKD offline for a week would find a packet every five minutes).
 */
export function owed(p: PeerView, lastArrival: string | null): boolean {
  if (p.due > 0) return true;
  const sentAt = p.state?.lastSent?.at ?? '';
  if (p.waiting > 0 && lastArrival !== null && lastArrival > sentAt) return true;
  const r = p.state?.lastReceived;
  return !!r && r.records > 0 && r.at > sentAt;
}

/** When records last arrived here from anyone (the newest receipt of a package that carried some). */
function lastArrivalOf(peers: readonly PeerView[]): string | null {
  let at: string | null = null;
  for (const p of peers) {
    const r = p.state?.lastReceived;
    if (r && r.records > 0 && (at === null || r.at > at)) at = r.at;
  }
  return at;
}

/** Which database a partner is reached through: its kecamatan's (a BKD's partner) or this one's. */
function databaseOf(self: { officeId: string; role: string }, partner: Installation, year: number): string {
  return databaseName(self.role === 'BKD' ? partner.officeId : self.officeId, year);
}

export async function syncWithServer(deps: NetworkDeps): Promise<NetworkReport> {
  const { store } = deps;
  const now = deps.now?.() ?? new Date();
  const year = now.getFullYear();
  const { ref, role } = await store.packages.whoAmI();
  const self = { installId: ref.installId, officeId: ref.officeId, role };
  // The installations a file would go to (this office's, and offices introduced to it), by the
  // database each is reached through; what waits for each is counted once, after applying.
  const byDb = new Map<string, Set<string>>();
  for (const inst of await store.packages.partners()) {
    const name = databaseOf(self, inst, year);
    byDb.set(name, (byDb.get(name) ?? new Set()).add(inst.id));
  }
  // A kecamatan PC syncs its own database even before it knows a partner: packets meant for it wait there.
  if (role !== 'BKD' && !byDb.has(databaseName(self.officeId, year))) byDb.set(databaseName(self.officeId, year), new Set());

  const report: NetworkReport = { databases: [...byDb.keys()], sent: 0, received: 0, applied: 0, created: 0, updated: 0, conflicts: 0, refused: [], phases: {} };
  const progress = (step: NetworkProgress['step']) => deps.onProgress?.({ step, sent: report.sent, received: report.received, applied: report.applied });
  const own = `${PACKET_PREFIX}${self.installId}:`;

  const lap = phaseTimer(report);
  const mirrors = new Map([...byDb.keys()].map((name) => [name, { local: deps.local(name), remote: deps.remote(name) }]));
  // Received first, from every database: what came in is relayed, and confirmed, by the packages
  // built after.
  for (const [name, { local, remote }] of mirrors) {
    progress('pull');
    const pulled = await deps.replicate(remote, local, { filter: pullFilterName(), query_params: { to: self.installId }, batch_size: 5 });
    report.received += pulled.docs_written;
    lap('pull');
    progress('apply');
    await applyNew(name, local, self.installId, deps, report);
    lap('apply');
  }
  progress('build');
  // Counted once, after applying: what waits for each partner (a BKD has one per kecamatan).
  const peers = await store.packages.peers();
  const arrival = lastArrivalOf(peers);
  lap('owed');
  for (const [name, { local, remote }] of mirrors) {
    const ids = byDb.get(name)!;
    for (const p of peers.filter((f) => ids.has(f.installation.id) && owed(f, arrival))) report.sent += await putPackets(local, self.installId, p.installation.id, deps, now);
    lap('build');
    progress('push');
    await deps.replicate(local, remote, { filter: (doc: { _id: string }) => doc._id.startsWith(own), batch_size: 5 });
    lap('push');
  }
  return report;
}

/** The package for `to`, part by part, into the mirror as packets; marked sent once all are there. */
async function putPackets(local: PouchDatabase, self: string, to: string, deps: NetworkDeps, now: Date): Promise<number> {
  const seqDoc = await readLocalDoc(local, SEQ, { seq: 0 });
  let seq = seqDoc.seq;
  let count = 0;
  let last: { packageId: string; records: number } | null = null;
  let records = 0;
  for await (const pkg of deps.store.packages.partsOf(to, {})) {
    const { bytes, envelope } = await writePackageFile(pkg);
    seq += 1;
    const doc: PacketDoc = {
      _id: packetId(self, seq, envelope.packageId),
      packageId: envelope.packageId,
      from: self,
      to,
      createdAt: envelope.createdAt,
      part: envelope.part ? { n: envelope.part.n, of: envelope.part.of } : null,
      _attachments: { [PACKET_ATTACHMENT]: { content_type: PACKET_MIME, data: deps.attachment(bytes) } },
    };
    await local.put(doc);
    count += 1;
    records += pkg.records.length;
    last = { packageId: envelope.packageId, records: pkg.records.length };
  }
  await local.put({ ...seqDoc, _id: SEQ, seq, at: now.toISOString() });
  if (last) await deps.store.packages.markSent(to, { packageId: last.packageId, full: false }, records);
  return count;
}

/** Every packet in the mirror meant for this installation and not yet applied or refused for good. */
async function applyNew(database: string, local: PouchDatabase, self: string, deps: NetworkDeps, report: NetworkReport): Promise<void> {
  const applied = await readLocalDoc(local, APPLIED, { ids: [] as string[] });
  const refused = await readLocalDoc(local, REFUSED, { ids: [] as string[] });
  const done = new Set([...applied.ids, ...refused.ids]);
  const rows = (await local.allDocs({ startkey: PACKET_PREFIX, endkey: `${PACKET_PREFIX}\uffff` })).rows;
  const todo = rows
    .map((r) => ({ id: r.id, key: parsePacketId(r.id) }))
    .filter((r): r is { id: string; key: NonNullable<ReturnType<typeof parsePacketId>> } => !!r.key && r.key.installId !== self && !done.has(r.id))
    // An author's packets in the order it made them (ids sort by author, then sequence).
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const { id, key } of todo) {
    const doc = (await local.get(id)) as unknown as PacketDoc;
    if (doc.to !== self && doc.to !== TO_EVERYONE) continue;
    const refuse = (code: string, params: Record<string, unknown>, retry: boolean) => {
      report.refused.push({ database, packet: id, from: key.installId, code, params, retry });
      if (!retry) refused.ids.push(id);
    };
    const read = await readPackageFile(await bytesOf(await local.getAttachment(id, PACKET_ATTACHMENT)), deps.appVersion);
    if (!read.ok) {
      refuse(read.code, read.params, false);
      continue;
    }
    // The id names who pushed it (the server checked that); the signed envelope must say the same.
    if (read.envelope.from.installId !== key.installId || read.envelope.kind !== 'data') {
      refuse('network.packetAuthor', {}, false);
      continue;
    }
    try {
      const r = await deps.store.packages.receive(read.envelope, read.records);
      report.applied += 1;
      report.created += r.created;
      report.updated += r.updated;
      report.conflicts += r.conflicts;
      applied.ids.push(id);
      // Saved after each packet: a run cut short never applies one twice.
      applied._rev = (await local.put({ ...applied, _id: APPLIED })).rev;
    } catch (err) {
      if (!(err instanceof RepoError)) throw err;
      refuse(err.code, err.params, err.code === 'package.newKey');
    }
  }
  if (report.refused.some((r) => !r.retry)) await local.put({ ...refused, _id: REFUSED });
}

/** The sender of a packet refused for an unconfirmed key, trusted once a person compared its code. */
export async function trustPacketSender(deps: Pick<NetworkDeps, 'store' | 'local' | 'appVersion'>, database: string, packet: string): Promise<void> {
  const local = deps.local(database);
  const read = await readPackageFile(await bytesOf(await local.getAttachment(packet, PACKET_ATTACHMENT)), deps.appVersion);
  if (!read.ok) throw new RepoError(read.code, read.params);
  await deps.store.packages.trustSender(read.envelope);
}

/**
 * The message key for what stopped a run: no connection, a wrong password, a server that refused,
 * a database the server does not have, a certificate. Anything else keeps its own sentence.
 */
export function networkErrorCode(err: unknown): string | null {
  const e = err as { status?: number; name?: string; code?: string; message?: string };
  if (e?.code === 'NOT_CONFIGURED') return 'network.notConfigured';
  if (e?.code === 'CERT' || /certificate|CERT_|SSL/i.test(e?.message ?? '')) return 'network.certificate';
  if (e?.status === 401) return 'network.wrongPassword';
  if (e?.status === 403) return 'network.refused';
  if (e?.status === 404) return 'network.noDatabase';
  // Only what says the connection failed: a TypeError of our own code must keep its own sentence.
  if (e?.code === 'OFFLINE' || e?.name === 'FetchError' || /Failed to fetch|NetworkError|ECONNREFUSED|ECONNRESET|socket hang up/i.test(e?.message ?? '')) return 'network.offline';
  if (typeof e?.status === 'number' && e.status >= 500) return 'network.serverError';
  return null;
}
