/**
 * The package worker: reading, verifying, previewing and applying a package, and building one,
 * take seconds for a kabupaten-sized copy; all of it happens here so the window keeps painting.
 * It opens the same database as the app and goes through the same repositories.
 */
import { RepoError } from '../db/errors';
import { DataStore } from '../db/store';
import type { Envelope } from '../exchange/package';
import type { ExchangeRecord } from '../exchange/records';
import { readPackageFile, writePackageFile } from './packageFile';
import type { BuiltPart, PackageRequest, PackageResponse } from './packageProtocol';
import { workerFailure } from './workerFailure';

const ctx = self as unknown as { postMessage(m: PackageResponse, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<PackageRequest & { dbName?: string }>) => void) | null };
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
      const s = await openStore();
      // Parts are written one after another: one file's workbook is in memory at a time.
      const parts: BuiltPart[] = [];
      let first: Envelope | null = null;
      for (const pkg of await s.packages.buildParts(req.peerId, { full: req.full, year: req.year })) {
        const { bytes, envelope } = await writePackageFile(pkg);
        first ??= envelope;
        parts.push({ bytes, packageId: envelope.packageId, records: pkg.records.length, part: envelope.part ? { n: envelope.part.n, of: envelope.part.of } : null });
      }
      const msg: PackageResponse = {
        type: 'built', parts, full: req.full, records: parts.reduce((n, p) => n + p.records, 0),
        toName: first!.to.installName || first!.to.officeName, fromOffice: first!.from.officeName, createdAt: first!.createdAt,
      };
      return ctx.postMessage(msg, parts.map((p) => p.bytes.buffer as ArrayBuffer));
    }
  }
}

ctx.onmessage = (e) => {
  if (e.data.dbName) dbName = e.data.dbName;
  void handle(e.data).catch((err: unknown) => ctx.postMessage(workerFailure(err)));
};
