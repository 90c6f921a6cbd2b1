import type { ImportRequest, ImportResponse, ReadOk } from './importProtocol';
import type { EmployeePlan } from './pegawaiImport';

export type ReadResult = ReadOk | { type: 'read'; ok: false; code: string; params?: Record<string, number | string> };

/**
 * One import in progress: a dedicated worker holding the parsed workbook between the steps.
 * Cancel terminates it; nothing has been written at any step before the user confirms.
 */
export class ImportSession {
  private worker: Worker | null = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

  constructor(private readonly onProgress: (p: { phase: string; done: number; total: number }) => void) {}

  private ask<T extends ImportResponse['type']>(req: ImportRequest, want: T): Promise<Extract<ImportResponse, { type: T }>> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('cancelled'));
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<ImportResponse>) => {
        const m = e.data;
        if (m.type === 'progress') this.onProgress(m);
        else if (m.type === 'failed') reject(new Error(m.detail));
        else if (m.type === want) resolve(m as Extract<ImportResponse, { type: T }>);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(req, req.type === 'read' ? [req.bytes.buffer] : []);
    });
  }

  read(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
    return this.ask({ type: 'read', bytes, fileName }, 'read');
  }

  async plan(req: Omit<Extract<ImportRequest, { type: 'plan' }>, 'type'>): Promise<EmployeePlan> {
    return (await this.ask({ type: 'plan', ...req }, 'plan')).plan;
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
