/**
 * A CouchDB-protocol stand-in for trying network sync and for the tests (issue #28): express-pouchdb
 * (the PouchDB project's CouchDB HTTP layer) on in-memory PouchDB, listening on 127.0.0.1 only.
 * It is not CouchDB 3: a BKD installs Apache CouchDB (README › Server BKD).
 *
 * Where it differs, and what this file does about it:
 * - express-pouchdb's "create a database" fails once a server admin exists (its security wrapper
 *   returns a promise where a database is expected). PUT /<db> is therefore answered here, for the
 *   server admin only, as CouchDB does.
 * - express-pouchdb has no CORS; the browser build talks to it from another port, so the allowed
 *   origins get CORS headers here (CouchDB: `[cors] origins`, set by `npm run couchdb:siapkan`).
 * - `validate_doc_update` and `_security` are enforced only in express-pouchdb's full mode (the
 *   default used here), never in `minimumForPouchDB`.
 * - Everything is lost when it stops.
 */
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchCore from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PouchDB for Node with what the stand-in needs. Plugins change the one PouchDB class (its
 * prototype), so a process makes this once: tests use it for their PCs' mirrors too.
 */
export const NodePouch = PouchCore.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce);

const DB_NAME = /^\/([a-z][a-z0-9_$()+-]*)\/?$/;

/**
 * Starts a stand-in on 127.0.0.1. `port` 0 takes a free one. Returns its URL and `close()`.
 * `corsOrigins`: page origins allowed to call it from a browser.
 */
export async function startStandIn({ port = 0, admin = { name: 'admin', password: 'admin' }, corsOrigins = [] } = {}) {
  // Each stand-in gets its own memory: two in one process (a test's two servers) never share databases.
  const prefix = `standin${Math.random().toString(36).slice(2, 8)}_`;
  const ServerPouch = NodePouch.defaults({ adapter: 'memory', prefix });
  const logDir = mkdtempSync(join(tmpdir(), 'kl-standin-'));
  const app = express();
  const sockets = new Set();
  const adminAuth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');

  app.use((req, res, next) => {
    const origin = req.headers.origin;
    if (origin && corsOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      if (req.method === 'OPTIONS') return res.status(204).end();
    }
    next();
  });
  app.put(DB_NAME, async (req, res) => {
    if (req.headers.authorization !== adminAuth) return res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
    const name = DB_NAME.exec(req.path)[1];
    if ((await ServerPouch.allDbs()).includes(name)) return res.status(412).json({ error: 'file_exists', reason: 'The database could not be created, the file already exists.' });
    await new ServerPouch(name).info();
    res.status(201).json({ ok: true });
  });
  const pouchApp = expressPouchDB(ServerPouch, { inMemoryConfig: true, logPath: join(logDir, 'log.txt') });
  app.use(pouchApp);

  let server = null;
  const listen = async (on) => {
    server = app.listen(on, '127.0.0.1');
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return server.address().port;
  };
  const stopListening = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  const boundPort = await listen(port);
  const url = `http://127.0.0.1:${boundPort}`;
  // The first request makes express-pouchdb start its daemons; the admin is configured then.
  const put = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.name)}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!put.ok) throw new Error(`stand-in: admin not set (${put.status})`);
  return {
    url,
    admin,
    /** The server goes away at once, cutting open connections (mid-replication); its data stays in memory. */
    kill: stopListening,
    /** Back on the same port with the same data. */
    revive: () => listen(boundPort),
    close: async () => {
      await stopListening();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
