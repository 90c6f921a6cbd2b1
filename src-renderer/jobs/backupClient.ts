import { RepoError } from '../db/errors';
import type { ArchivedYear } from '../db/schema';
import type { ArchiveSummary, BackupRequest, BackupResponse, BackupSummary } from './backupProtocol';
import { WorkerSession } from './workerSession';

export type BackupProgressEvent = Extract<BackupResponse, { type: 'progress' }>;

/**
 * One backup made, or one backup file read and restored, in a dedicated worker
 * (jobs/backup.worker.ts): the window keeps painting, and close() (Batal) stops it. Closed before
 * "Ya, pulihkan", nothing was written.
 */
export class BackupSession {
  private readonly session: WorkerSession<BackupRequest, BackupResponse>;

  constructor(dbName: string, onProgress: (p: BackupProgressEvent) => void) {
    this.session = new WorkerSession(
      new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' }),
      dbName,
      (m) => (m.type === 'failed' ? new RepoError(m.code, m.params) : null),
      (m) => {
        if (m.type === 'progress') onProgress(m);
      },
    );
  }

  async create(): Promise<{ bytes: Uint8Array; manifest: BackupSummary['manifest'] }> {
    return this.session.ask({ type: 'create' }, 'created');
  }

  /** Reads and verifies the file; a refusal comes back as a RepoError whose code is its message key. */
  async inspect(bytes: Uint8Array): Promise<BackupSummary> {
    return (await this.session.ask({ type: 'inspect', bytes }, 'inspected', [bytes.buffer as ArrayBuffer])).summary;
  }

  /** Writes the verified backup (one transaction); returns this installation's new id. */
  async restore(officeName: string): Promise<string> {
    return (await this.session.ask({ type: 'restore', officeName }, 'restored')).installId;
  }

  /** The archive file of a closed year (nothing is deleted yet). */
  async createArchive(year: number): Promise<{ bytes: Uint8Array; manifest: BackupSummary['manifest'] }> {
    return this.session.ask({ type: 'archive-create', year }, 'archive-created');
  }

  /** The saved archive handed back: the year leaves the live database once the file proves whole. */
  async removeArchived(year: number, bytes: Uint8Array, fileName: string): Promise<ArchivedYear> {
    return (await this.session.ask({ type: 'archive-remove', year, bytes, fileName }, 'archive-removed')).entry;
  }

  /** Reads an archive file and loads it into the archive database, to be opened read-only. */
  async openArchive(bytes: Uint8Array): Promise<ArchiveSummary> {
    return (await this.session.ask({ type: 'archive-open', bytes }, 'archive-opened', [bytes.buffer as ArrayBuffer])).summary;
  }

  close(): void {
    this.session.close();
  }
}
