import { NodePouch, startStandIn, type StandIn } from '../../scripts/couchdb-standin.mjs';
import { setupServer } from '../../scripts/couchdb-setup-lib.mjs';
import type { DataStore } from '../db/store';
import type { NetworkDeps, PouchDatabase } from './networkSync';

/**
 * Network sync in Node tests: the CouchDB-protocol stand-in started by the test on 127.0.0.1, and
 * each installation's PouchDB mirror in memory (the app's is in IndexedDB).
 */
export const Pouch = NodePouch;

let mirrors = 0;

export interface Server {
  standIn: StandIn;
  passwords: Map<string, string>;
}

export const installId = async (s: DataStore) => (await s.packages.whoAmI()).ref.installId;
export const officeId = async (s: DataStore) => (await s.packages.whoAmI()).ref.officeId;

/** A stand-in set up by the real setup command for one kecamatan (its PCs) and a BKD. */
export async function serverFor(kantor: DataStore, others: DataStore[], bkd: DataStore[] = []): Promise<Server> {
  const standIn = await startStandIn();
  const { passwords } = await setupServer({
    url: standIn.url,
    admin: standIn.admin,
    plan: {
      tahun: [new Date().getFullYear()],
      bkd: await Promise.all(bkd.map(installId)),
      kantor: [{ officeId: await officeId(kantor), nama: 'Kecamatan Curug', anggota: await Promise.all([kantor, ...others].map(installId)) }],
    },
  });
  return { standIn, passwords: new Map(passwords.map((p) => [p.name, p.password])) };
}

/**
 * What a PC's run is given: its store, its own mirror (kept across runs, like IndexedDB), the
 * server with its user and password. `mirror` names a fresh mirror (a PC whose mirror was lost).
 */
export async function netOf(store: DataStore, server: Server, opts: { password?: string; mirror?: string; replicate?: NetworkDeps['replicate']; fetch?: (url: string | Request, init?: RequestInit) => Promise<Response> } = {}): Promise<NetworkDeps> {
  const user = await installId(store);
  const prefix = opts.mirror ?? `${store.db.name}-mirror`;
  const locals = new Map<string, PouchDatabase>();
  return {
    store,
    appVersion: '0.3.0',
    local: (name) => {
      if (!locals.has(name)) locals.set(name, new Pouch(`${prefix}-${++mirrors}-${name}`, { adapter: 'memory' }));
      return locals.get(name)!;
    },
    remote: (name) => new Pouch(`${server.standIn.url}/${name}`, { skip_setup: true, auth: { username: user, password: opts.password ?? server.passwords.get(user)! }, ...(opts.fetch ? { fetch: opts.fetch } : {}) }),
    replicate: opts.replicate ?? ((source, target, o) => Pouch.replicate(source, target, o)),
    attachment: (bytes) => Buffer.from(bytes),
  };
}
