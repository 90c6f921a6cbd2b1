/**
 * The backup worker (issue #27): making a backup, and reading, checking and restoring one, take
 * seconds for a kabupaten-sized office, and a hostile file must never hold the window. All of it
 * happens here, through the same repositories as the app, with progress for the bar; Batal
 * terminates the worker. It opens the same database as the app.
 */
import { RepoError } from '../db/errors';
import type { VerifiedBackup } from '../db/backupRepo';
import { DataStore } from '../db/store';
import { loadArchive } from '../db/archiveRepo';
import { archiveFailure, backupFailure, type BackupRequest, type BackupResponse } from './backupProtocol';
import { workerScope } from './workerSession';

const ctx = workerScope<BackupRequest & { dbName?: string }, BackupResponse>();
let dbName = '';
let store: DataStore | null = null;
let verified: VerifiedBackup | null = null;

async function openStore(): Promise<DataStore> {
  if (!store) store = await DataStore.open(dbName);
  return store;
}

/** At most about 20 progress messages a second: the bar moves, the window is not flooded. */
let lastProgress = 0;
function progress(p: { stage: Extract<BackupResponse, { type: 'progress' }>['stage']; done: number; total: number }) {
  const now = performance.now();
  if (now - lastProgress < 50 && p.done < p.total) return;
  lastProgress = now;
  ctx.postMessage({ type: 'progress', ...p });
}

async function handle(req: BackupRequest): Promise<void> {
  switch (req.type) {
    case 'create': {
      const { bytes, manifest } = await (await openStore()).backups.create(undefined, progress);
      return ctx.postMessage({ type: 'created', bytes, manifest }, [bytes.buffer as ArrayBuffer]);
    }
    case 'inspect': {
      verified = await (await openStore()).backups.inspect(req.bytes, progress);
      const { manifest, audit, signer } = verified;
      return ctx.postMessage({ type: 'inspected', summary: { manifest, audit, signer } });
    }
    case 'restore': {
      if (!verified) throw new RepoError('notFound');
      progress({ stage: 'write', done: 0, total: 1 });
      const installId = await (await openStore()).backups.restore(verified, { officeName: req.officeName });
      verified = null;
      return ctx.postMessage({ type: 'restored', installId });
    }
    case 'archive-create': {
      const { bytes, manifest } = await (await openStore()).archives.create(req.year, progress);
      return ctx.postMessage({ type: 'archive-created', bytes, manifest }, [bytes.buffer as ArrayBuffer]);
    }
    case 'archive-remove': {
      progress({ stage: 'write', done: 0, total: 1 });
      const entry = await (await openStore()).archives.remove(req.year, req.bytes, req.fileName);
      return ctx.postMessage({ type: 'archive-removed', entry });
    }
    case 'archive-open': {
      const { manifest, tables, signer } = await (await openStore()).archives.inspect(req.bytes, progress);
      progress({ stage: 'write', done: 0, total: 1 });
      await loadArchive(dbName, tables);
      const counts = Object.fromEntries(Object.entries(manifest.tables).map(([t, e]) => [t, e.count]));
      return ctx.postMessage({ type: 'archive-opened', summary: { manifest, signer, year: manifest.archive!.year, counts } });
    }
  }
}

ctx.onmessage = (e) => {
  if (e.data.dbName) dbName = e.data.dbName;
  const archive = e.data.type.startsWith('archive-');
  void handle(e.data).catch((err: unknown) => ctx.postMessage(archive ? archiveFailure(err) : backupFailure(err)));
};
