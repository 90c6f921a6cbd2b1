import { RepoError } from '../db/errors';
import type { BackupRequest, BackupResponse, BackupSummary } from './backupProtocol';
import { WorkerSession } from './workerSession';

export type BackupProgressEvent = Extract<BackupResponse, { type: 'progress' }>;

/**
 * One backup made, or one backup file read and restored, in a dedicated worker
 * (io/backup.worker.ts): the window keeps painting, and close() (Batal) stops it. Closed before
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

  close(): void {
    this.session.close();
  }
}
