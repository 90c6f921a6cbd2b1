/**
 * A packet: a signed package (exchange/package.ts) carried by CouchDB instead of a flash drive
 * (issue #28, docs/sinkronisasi-jaringan.md). This file is the contract between the app and the
 * server: document ids, fields, database names and the server-side rule. It imports nothing, so
 * `npm run couchdb:siapkan` (scripts/couchdb-siapkan.mjs, plain Node) reads the same rule data
 * the app writes by.
 *
 * A packet is never updated. Its body is the package file as the attachment `paket.xlsx`; the
 * fields beside it only say where it goes, so the server can filter without reading the file. What
 * the package may change is decided by the receiver exactly as for a file: signature, relay rules,
 * ownership.
 */

/**
 * Document ids: `pkt:<installId>:<seq>:<packageId>`. The installation part is what the server
 * checks; the package id keeps two copies of one profile (a fork, issue #25) from making the same
 * id, which the server would refuse as an update.
 */
export const PACKET_PREFIX = 'pkt:';
export const PACKET_ATTACHMENT = 'paket.xlsx';
export const PACKET_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** `to` of a packet meant for every member of the database. */
export const TO_EVERYONE = '*';
/** Database names: `kl-<officeId>-<year>` (CouchDB allows lower case, digits and `_$()+-/`). */
export const DATABASE_PREFIX = 'kl-';
/** Id of the design document that holds the server-side rule. */
export const DESIGN_DOC_ID = '_design/kinerja-luring';

/** The fields every packet carries beside its attachment; the server refuses a packet without them. */
export const PACKET_FIELDS = ['packageId', 'from', 'to', 'createdAt'] as const;

export interface PacketDoc {
  _id: string;
  _rev?: string;
  /** The envelope's packageId. */
  packageId: string;
  /** The sending installation: the same as the id's, and the server's logged-in user. */
  from: string;
  /** The installation it is meant for, or TO_EVERYONE. */
  to: string;
  createdAt: string;
  /** Part n of `of`, when the package came in parts. */
  part?: { n: number; of: number } | null;
  _attachments?: Record<string, { content_type: string; data?: unknown; stub?: boolean; length?: number }>;
}

/** Sequence numbers padded so ids sort in the order they were made. */
const SEQ_DIGITS = 10;

export function packetId(installId: string, seq: number, packageId: string): string {
  return `${PACKET_PREFIX}${installId}:${String(seq).padStart(SEQ_DIGITS, '0')}:${packageId}`;
}

/** The author, sequence and package of a packet id, or null for anything else. */
export function parsePacketId(id: string): { installId: string; seq: number; packageId: string } | null {
  const parts = id.split(':');
  if (parts.length !== 4 || `${parts[0]}:` !== PACKET_PREFIX || !parts[1] || !parts[3]) return null;
  const seq = Number(parts[2]);
  return Number.isSafeInteger(seq) && seq > 0 ? { installId: parts[1], seq, packageId: parts[3] } : null;
}

/**
 * The database a kecamatan's packets travel through in one year. Office ids are UUIDs; lower-cased
 * they are valid database names. A year per database lets the BKD drop a finished year whole.
 */
export function databaseName(officeId: string, year: number): string {
  return `${DATABASE_PREFIX}${officeId.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}-${year}`;
}

/**
 * The server's `validate_doc_update`, generated from the rule data above. CouchDB runs it on every
 * write, replication included; a server admin is exempt only for the design document itself.
 * Written as ES5 because CouchDB 3's JavaScript engine (SpiderMonkey 1.8.5 in many installs) is old.
 */
export function validateDocUpdateSource(): string {
  const fields = JSON.stringify(PACKET_FIELDS);
  return [
    'function (newDoc, oldDoc, userCtx) {',
    "  if (newDoc._id.indexOf('_design/') === 0) {",
    "    if (userCtx.roles.indexOf('_admin') === -1) throw({ forbidden: 'Hanya admin server yang boleh mengubah aturan.' });",
    '    return;',
    '  }',
    "  if (oldDoc) throw({ forbidden: 'Paket tidak pernah diubah atau dihapus.' });",
    `  var prefix = ${JSON.stringify(PACKET_PREFIX)} + userCtx.name + ':';`,
    "  if (!userCtx.name || newDoc._id.indexOf(prefix) !== 0) throw({ forbidden: 'Paket hanya boleh dikirim atas nama pengirimnya sendiri.' });",
    "  if (newDoc._deleted) throw({ forbidden: 'Paket tidak pernah diubah atau dihapus.' });",
    `  var fields = ${fields};`,
    '  for (var i = 0; i < fields.length; i++) {',
    "    if (typeof newDoc[fields[i]] !== 'string' || newDoc[fields[i]] === '') throw({ forbidden: 'Paket tanpa kolom ' + fields[i] + '.' });",
    '  }',
    "  if (newDoc.from !== userCtx.name) throw({ forbidden: 'Paket hanya boleh dikirim atas nama pengirimnya sendiri.' });",
    `  if (!newDoc._attachments || !newDoc._attachments[${JSON.stringify(PACKET_ATTACHMENT)}]) throw({ forbidden: 'Paket tanpa berkas.' });`,
    '}',
  ].join('\n');
}

/** Name of the server-side filter a PC pulls with: packets meant for it (`?to=<installId>`) or for everyone. */
export const PULL_FILTER = 'untuk';

/**
 * The pull filter's source. A design-document filter, not a Mango selector: CouchDB 3 has both,
 * the stand-in only this one.
 */
export function pullFilterSource(): string {
  return `function (doc, req) { return doc._id.indexOf(${JSON.stringify(PACKET_PREFIX)}) === 0 && (doc.to === req.query.to || doc.to === ${JSON.stringify(TO_EVERYONE)}); }`;
}

/** `filter` of a pull replication: the design document's name without `_design/`, then the filter. */
export function pullFilterName(): string {
  return `${DESIGN_DOC_ID.slice('_design/'.length)}/${PULL_FILTER}`;
}

export interface DesignDoc {
  _id: string;
  validate_doc_update: string;
  filters: Record<string, string>;
}

/** The design document the setup command writes into every database. */
export function designDoc(): DesignDoc {
  return { _id: DESIGN_DOC_ID, validate_doc_update: validateDocUpdateSource(), filters: { [PULL_FILTER]: pullFilterSource() } };
}

/** `_security` of a kecamatan's database: its installations and the BKD's, nobody else. */
export function securityObject(memberInstallIds: readonly string[]): { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } } {
  return { admins: { names: [], roles: [] }, members: { names: [...new Set(memberInstallIds)].sort(), roles: [] } };
}
