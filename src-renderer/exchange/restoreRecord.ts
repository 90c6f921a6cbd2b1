import { revNode } from '../domain/hlc';
import { emptyEmployeeFields } from '../domain/pegawai';
import { syncKeyOf, type SyncDoc } from '../domain/sync/merge';

/**
 * One normalising step for every record that enters this installation from outside — a package
 * from another office's PC, a backup from an older app (Excalidraw's restore.ts is the model): the
 * fields a newer app added get their defaults, the per-record upgrades the record missed run, and
 * fields this app does not know are kept (a newer app's record passes through an older one whole).
 * Package apply (db/syncRepo.ts) and backup restore (db/backupRepo.ts) both call it.
 */

type Doc = Record<string, unknown>;

/** Fields a record of each table has today, with the value an older record that lacks one means. */
const DEFAULTS: Readonly<Record<string, () => Doc>> = {
  employees: () => ({ ...emptyEmployeeFields() }),
  units: () => ({ parentId: null, headId: null, aktif: true }),
  skps: () => ({ ekspektasi: {}, lampiran: { dukungan: [], skema: [], konsekuensi: [] }, disetujuiPada: '' }),
  evaluations: () => ({ hasil: {}, perilaku: {}, masukan: [], rekomendasi: { pengembangan: '', penghargaan: '', pembinaan: '' }, finalPada: '' }),
};

const DEFAULT_KEYS = new Map(Object.entries(DEFAULTS).map(([t, f]) => [t, Object.keys(f())]));

/** Upgrades of one record, by the schema version that introduced them (additive, like schema.ts). */
const UPGRADES: readonly { version: number; upgrade(table: string, doc: Doc): void }[] = [
  {
    // Version 4 (sync): a record from before sync has no write versions; its whole content is one
    // write, its rev's, and its syncKey is what indexes it (a package received twice reads nothing).
    version: 4,
    upgrade(_table, doc) {
      if (!doc.sv && typeof doc.rev === 'string') doc.sv = { b: doc.rev, f: {} };
    },
  },
];

/**
 * A record as this app stores it: defaults filled, upgrades run, unknown fields kept. Pure: the
 * record given is returned as it is when nothing needs filling (a current record costs a few key
 * checks: a full package brings tens of thousands). `deriveKey`: set the syncKey from the write
 * versions (backups, which are stored as read; a package's records get theirs from the merge).
 */
export function restoreRecord(table: string, schemaVersion: number, doc: Doc, opts: { deriveKey?: boolean } = {}): Doc {
  let out: Doc | null = null;
  const own = () => (out ??= { ...doc });
  const defaults = DEFAULTS[table];
  if (defaults) {
    let fill: Doc | null = null;
    for (const k of DEFAULT_KEYS.get(table)!) {
      if (doc[k] === undefined) (own())[k] = (fill ??= defaults())[k];
    }
  }
  for (const u of UPGRADES) if (u.version > schemaVersion) u.upgrade(table, own());
  if (doc.deleted === undefined) own().deleted = false;
  if (typeof doc.rev === 'string' && typeof doc.updatedBy !== 'string') own().updatedBy = revNode(doc.rev);
  const result = out ?? doc;
  // The index of what a copy knows is derived, never trusted from outside.
  if (opts.deriveKey && result.sv) {
    const key = syncKeyOf(result as SyncDoc);
    if (result.syncKey !== key) own().syncKey = key;
  }
  return out ?? doc;
}
