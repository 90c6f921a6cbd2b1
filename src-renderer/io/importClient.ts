import { RepoError } from '../db/errors';
import type { ImportLogEntry } from '../db/schema';
import type { ImportRequest, ImportResponse, PlanSummary, ReadOk } from '../exchange/importProtocol';

export type ReadResult = ReadOk | { type: 'read'; ok: false; code: string; params?: Record<string, number | string> };

/**
 * One import in progress: a dedicated worker holding the parsed workbook and the plan between the
 * steps, and writing it on confirm. Cancel before confirming terminates it: nothing was written.
 */
export class ImportSession {
  private worker: Worker | null = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  private first = true;

  constructor(
    private readonly dbName: string,
    private readonly onProgress: (p: { phase: string; done: number; total: number }) => void,
  ) {}

  private ask<T extends ImportResponse['type']>(req: ImportRequest, want: T): Promise<Extract<ImportResponse, { type: T }>> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('cancelled'));
    const message = this.first ? { ...req, dbName: this.dbName } : req;
    this.first = false;
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<ImportResponse>) => {
        const m = e.data;
        if (m.type === 'progress') this.onProgress(m);
        else if (m.type === 'failed') reject(new Error(m.detail));
        else if (m.type === want) resolve(m as Extract<ImportResponse, { type: T }>);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(message, req.type === 'read' ? [req.bytes.buffer] : []);
    });
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
    this.worker?.terminate();
    this.worker = null;
  }
}
