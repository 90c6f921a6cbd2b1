/**
 * The package worker: reading, verifying, previewing and applying a package, and building one,
 * take seconds for a kabupaten-sized copy; all of it happens here so the window keeps painting.
 * It opens the same database as the app and goes through the same repositories.
 */
import { RepoError } from '../db/errors';
import type { OutgoingPackage } from '../db/packageRepo';
import { DataStore } from '../db/store';
import type { Envelope } from '../exchange/package';
import type { ExchangeRecord } from '../exchange/records';
import { readPackageFile, writePackageFile } from '../exchange/packageFile';
import type { BuiltPart, PackageRequest, PackageResponse } from './packageProtocol';
import { workerFailure } from './workerFailure';
import { workerScope } from './workerSession';

const ctx = workerScope<PackageRequest & { dbName?: string }, PackageResponse>();
let dbName = '';
let store: DataStore | null = null;
let opened: { envelope: Envelope; records: ExchangeRecord[] } | null = null;

async function openStore(): Promise<DataStore> {
  if (!store) store = await DataStore.open(dbName);
  return store;
}

function held(): { envelope: Envelope; records: ExchangeRecord[] } {
  if (!opened) throw new RepoError('package.notPackage');
  return opened;
}

/** The package being built, part by part ("Buat paket"). */
let building: { parts: AsyncGenerator<OutgoingPackage>; full: boolean; first?: Envelope } | null = null;

async function nextPart(): Promise<void> {
  if (!building) throw new RepoError('package.notPackage');
  const b = building;
  const next = await b.parts.next();
  if (next.done) throw new RepoError('package.notPackage');
  const { bytes, envelope } = await writePackageFile(next.value);
  b.first ??= envelope;
  const part: BuiltPart = { bytes, packageId: envelope.packageId, records: next.value.records.length, part: envelope.part ? { n: envelope.part.n, of: envelope.part.of } : null };
  const last = !envelope.part || envelope.part.n === envelope.part.of;
  if (last) building = null;
  const msg: PackageResponse = { type: 'built', part, last, full: b.full, toName: b.first.to.installName || b.first.to.officeName, fromOffice: b.first.from.officeName, createdAt: b.first.createdAt };
  ctx.postMessage(msg, [bytes.buffer as ArrayBuffer]);
}

async function handle(req: PackageRequest): Promise<void> {
  switch (req.type) {
    case 'open': {
      const r = await readPackageFile(req.bytes, req.appVersion);
      if (!r.ok) return ctx.postMessage({ type: 'failed', code: r.code, params: r.params });
      opened = { envelope: r.envelope, records: r.records };
      return ctx.postMessage({ type: 'opened', envelope: r.envelope, records: r.records.length });
    }
    case 'preview': {
      const p = held();
      return ctx.postMessage({ type: 'report', report: await (await openStore()).packages.preview(p.envelope, p.records) });
    }
    case 'apply': {
      const p = held();
      return ctx.postMessage({ type: 'report', report: await (await openStore()).packages.receive(p.envelope, p.records) });
    }
    case 'join': {
      const p = held();
      return ctx.postMessage({ type: 'report', report: await (await openStore()).packages.joinFromPairing(p.envelope, p.records, new Date(req.today)) });
    }
    case 'introduce': {
      const p = held();
      await (await openStore()).packages.acceptIntroduction(p.envelope, p.records);
      return ctx.postMessage({ type: 'done' });
    }
    case 'trust': {
      const p = held();
      await (await openStore()).packages.trustSender(p.envelope);
      return ctx.postMessage({ type: 'done' });
    }
    case 'build': {
      // Parts are built, written and handed over one at a time: one part is in memory here, and the
      // window asks for the next once it saved this one.
      building = { parts: (await openStore()).packages.partsOf(req.peerId, { full: req.full, year: req.year }), full: req.full };
      return nextPart();
    }
    case 'next-part':
      return nextPart();
  }
}

ctx.onmessage = (e) => {
  if (e.data.dbName) dbName = e.data.dbName;
  void handle(e.data).catch((err: unknown) => ctx.postMessage(workerFailure(err)));
};
