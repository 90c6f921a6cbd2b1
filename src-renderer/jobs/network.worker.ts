/**
 * The network worker (issue #28): PouchDB replication, reading, applying and building packages
 * all happen here, so the window keeps painting while a kabupaten-sized first sync runs. It never
 * reaches the network itself: each request to the server goes back to the window, which hands it
 * to the platform (Electron main adds the credential; the browser build uses fetch with the same
 * allow-list).
 */
import PouchDB from 'pouchdb-browser';
import type { ServerRequest, ServerResponse } from '../../src-main/ipc-contract';
import { DataStore } from '../db/store';
import { PACKET_MIME } from '../exchange/packet';
import type { NetworkRequest, NetworkResponse } from './networkProtocol';
import { networkErrorCode, syncWithServer, trustPacketSender, type NetworkDeps } from './networkSync';
import { workerFailure } from './workerFailure';
import { workerScope } from './workerSession';

const ctx = workerScope<NetworkRequest & { dbName?: string }, NetworkResponse>();
let dbName = '';
let store: DataStore | null = null;
let nextId = 0;
const pending = new Map<number, (res: ServerResponse) => void>();

/** What networkErrorCode reads from a request that got no answer. */
const FAILURE_CODES = { offline: 'OFFLINE', certificate: 'CERT', notConfigured: 'NOT_CONFIGURED' } as const;

/** A request PouchDB makes, answered by the window. */
async function proxyFetch(base: string, input: string | Request, init: RequestInit = {}): Promise<Response> {
  const url = typeof input === 'string' ? input : input.url;
  if (!url.startsWith(base)) throw new TypeError('request outside the configured server');
  const headers = new Headers(init.headers);
  const body = init.body == null ? null : typeof init.body === 'string' ? new TextEncoder().encode(init.body) : new Uint8Array(await new Response(init.body).arrayBuffer());
  const req: ServerRequest = { method: (init.method ?? 'GET').toUpperCase() as ServerRequest['method'], path: url.slice(base.length) || '/', contentType: headers.get('content-type'), body };
  const id = ++nextId;
  const res = await new Promise<ServerResponse>((resolve) => {
    pending.set(id, resolve);
    ctx.postMessage({ type: 'fetch', id, req }, body ? [body.buffer as ArrayBuffer] : []);
  });
  if ('failure' in res) throw Object.assign(new TypeError(`server request failed: ${res.failure}`), { code: FAILURE_CODES[res.failure] });
  return new Response(res.status === 204 || res.status === 304 || req.method === 'HEAD' ? null : (res.body as BlobPart), { status: res.status, headers: res.contentType ? { 'content-type': res.contentType } : {} });
}

function deps(s: DataStore, url: string, appVersion: string, onProgress?: NetworkDeps['onProgress']): NetworkDeps {
  return {
    store: s,
    appVersion,
    // The mirror lives beside the app's database, one per server database.
    local: (name) => new PouchDB(`kl-cermin-${dbName}-${name}`),
    remote: (name) => new PouchDB(`${url}/${name}`, { skip_setup: true, fetch: (input, init) => proxyFetch(url, input, init) }),
    replicate: (source, target, opts) => PouchDB.replicate(source, target, opts),
    attachment: (bytes) => new Blob([bytes as BlobPart], { type: PACKET_MIME }),
    ...(onProgress ? { onProgress } : {}),
  };
}

async function handle(req: NetworkRequest): Promise<void> {
  if (req.type === 'fetch-result') {
    pending.get(req.id)?.(req.res);
    pending.delete(req.id);
    return;
  }
  store ??= await DataStore.open(dbName);
  try {
    if (req.type === 'sync') {
      const report = await syncWithServer(deps(store, req.url, req.appVersion, (progress) => ctx.postMessage({ type: 'progress', progress })));
      return ctx.postMessage({ type: 'synced', report });
    }
    await trustPacketSender(deps(store, req.url, req.appVersion), req.database, req.packet);
    ctx.postMessage({ type: 'done' });
  } catch (err) {
    const code = networkErrorCode(err);
    ctx.postMessage(code ? { type: 'failed', code, params: {} } : workerFailure(err));
  }
}

ctx.onmessage = (e) => {
  if (e.data.dbName) dbName = e.data.dbName;
  void handle(e.data).catch((err: unknown) => ctx.postMessage(workerFailure(err)));
};
