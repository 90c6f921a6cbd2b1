import { RepoError } from '../db/errors';
import type { ImportLogEntry } from '../db/schema';
import type { ImportRequest, ImportResponse, PlanSummary, ReadOk } from './importProtocol';
import { WorkerSession } from './workerSession';

export type ReadResult = ReadOk | { type: 'read'; ok: false; code: string; params?: Record<string, number | string> };

/**
 * One import in progress: a dedicated worker holding the parsed workbook and the plan between the
 * steps, and writing it on confirm. Cancel before confirming terminates it: nothing was written.
 */
export class ImportSession {
  private readonly session: WorkerSession<ImportRequest, ImportResponse>;

  constructor(dbName: string, onProgress: (p: { phase: string; done: number; total: number }) => void) {
    this.session = new WorkerSession(
      new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
      dbName,
      (m) => (m.type === 'failed' ? new Error(m.detail) : null),
      (m) => {
        if (m.type === 'progress') onProgress(m);
      },
    );
  }

  private ask<T extends ImportResponse['type']>(req: ImportRequest, want: T) {
    return this.session.ask(req, want, req.type === 'read' ? [req.bytes.buffer] : []);
  }

  read(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
    return this.ask({ type: 'read', bytes, fileName }, 'read');
  }

  async plan(req: Omit<Extract<ImportRequest, { type: 'plan' }>, 'type'>): Promise<PlanSummary> {
    return (await this.ask({ type: 'plan', ...req }, 'plan')).summary;
  }

  /** Writes the plan in one transaction; a refusal (stale data, errors) comes back as a RepoError. */
  async commit(onlyValid: boolean): Promise<ImportLogEntry> {
    const r = await this.ask({ type: 'commit', onlyValid }, 'commit');
    if (!r.ok) throw new RepoError(r.code, r.params);
    return r.log;
  }

  cancel(): void {
    this.session.close();
  }
}
