/**
 * `npm run bench` › network (issue #28): a 12,000-employee office's first replication through
 * the CouchDB-protocol stand-in (bench.mjs starts it) into a fresh PC, and a 1 % change round
 * trip, against receiving the same data as a file package in the same run. Runs through the
 * network worker and the browser platform, as the app does.
 */
import Dexie from 'dexie';
import { setupServer } from '../../scripts/couchdb-setup-lib.mjs';
import { formatHlc } from '../domain/hlc';
import { writeLocal } from '../domain/sync/merge';
import { DB_NAME } from '../db/schema';
import { DataStore } from '../db/store';
import { NetworkSession } from '../jobs/networkClient';
import type { NetworkReport } from '../jobs/networkSync';
import { writePackageFile } from '../exchange/packageFile';
import { getPlatform } from '../platform/platform';
import { longestTask } from './longestTask';
import { enrolReceiver, RECEIVER, receiveTimed, sender } from './packageBench';

async function clean() {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  // PouchDB's mirrors are IndexedDB databases Dexie does not list by name.
  for (const db of (await indexedDB.databases?.()) ?? []) if (db.name?.startsWith('_pouch_')) indexedDB.deleteDatabase(db.name);
}

/** One run of one PC with the server, through the worker, as "Sinkronkan sekarang" does. */
async function syncAs(dbName: string, url: string, user: string, password: string): Promise<NetworkReport> {
  await getPlatform().serverConfigure({ url, user, password });
  const session = new NetworkSession(dbName);
  try {
    return await session.sync(url);
  } finally {
    session.close();
  }
}

export async function networkBench(n: number, server: { url: string; admin: { name: string; password: string } }) {
  await clean();
  const s = await sender(n);
  try {
    await enrolReceiver(s);
    // The same data as a file: built whole, received through the package worker (the baseline).
    const file = await writePackageFile(await s.store.packages.build(RECEIVER, { full: true }));
    const fileReceive = await receiveTimed(file.bytes);

    // A fresh receiving PC and a sender that never heard from it: the network carries everything.
    await Dexie.delete(DB_NAME);
    await enrolReceiver(s);
    await s.store.db.peers.delete(RECEIVER);
    // Its first packet back brings a key the sender has not seen: a person compared the codes.
    const receiver = await DataStore.open(DB_NAME);
    const receiverKey = (await receiver.trust.signer()).key;
    receiver.close();
    await s.store.trust.trustKey(RECEIVER, receiverKey, null);
    const senderId = s.self.id;
    const { passwords } = await setupServer({ url: server.url, admin: server.admin, plan: { tahun: [new Date().getFullYear()], kantor: [{ officeId: s.officeId, anggota: [senderId, RECEIVER] }] } });
    const pw = new Map(passwords.map((p) => [p.name, p.password]));

    const first = await longestTask(async () => {
      const t = performance.now();
      const up = await syncAs(s.store.db.name, server.url, senderId, pw.get(senderId)!);
      const pushMs = performance.now() - t;
      const down = await syncAs(DB_NAME, server.url, RECEIVER, pw.get(RECEIVER)!);
      return { up, down, pushMs, pullMs: performance.now() - t - pushMs };
    });
    const received = await s.store.db.employees.count();
    const arrived = await new Dexie(DB_NAME).open().then(async (db) => {
      const count = await db.table('employees').count();
      db.close();
      return count;
    });

    // A week later 1 % of the employees changed: the sender syncs (it hears the receiver's
    // confirmation, sends the change), then the receiver does.
    // Stamped now, as an edit in the app is (the seeded revs are from before the first sync).
    const now = Date.now();
    const changed = s.employees.slice(0, Math.max(1, Math.round(n / 100))).map((e, i) =>
      writeLocal('employees', e, { ...e, jabatan: `${String(e.jabatan)} Ahli` }, { rev: formatHlc({ wallMs: now, counter: i, node: s.self.id }), nowIso: new Date(now).toISOString(), id: e.id }),
    );
    await s.store.db.employees.bulkPut(changed as never);
    const round = await longestTask(async () => {
      const up = await syncAs(s.store.db.name, server.url, senderId, pw.get(senderId)!);
      const down = await syncAs(DB_NAME, server.url, RECEIVER, pw.get(RECEIVER)!);
      return { up, down };
    });
    return {
      records: fileReceive.applied.created + fileReceive.applied.updated + fileReceive.applied.unchanged,
      fileBytes: file.bytes.length,
      fileReceiveMs: fileReceive.ms,
      firstMs: first.ms, pushMs: first.result.pushMs, pullMs: first.result.pullMs, firstLongestMs: first.longestMs,
      firstSent: first.result.up.sent, firstApplied: first.result.down.applied, firstCreated: first.result.down.created, firstRefused: first.result.down.refused.length,
      senderEmployees: received, receiverEmployees: arrived,
      smallRecords: changed.length, roundMs: round.ms, roundLongestMs: round.longestMs, roundUpdated: round.result.down.updated, roundRefused: round.result.down.refused.length + round.result.up.refused.length, roundSent: round.result.up.sent, roundApplied: round.result.down.applied, phases: { firstUp: first.result.up.phases, firstDown: first.result.down.phases, roundUp: round.result.up.phases, roundDown: round.result.down.phases },
      refusals: [...round.result.up.refused, ...round.result.down.refused, ...first.result.up.refused].map((r) => r.code),
    };
  } finally {
    s.store.close();
  }
}
