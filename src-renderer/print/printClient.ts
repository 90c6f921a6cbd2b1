import type { PrintRecord } from './documents';
import type { PrintJob, PrintOptions } from './model';
import type { PrintOutput, PrintRequest, PrintResponse } from './printProtocol';

export type PrintProgress = Omit<Extract<PrintResponse, { type: 'progress' }>, 'type'>;

export interface PrintResult {
  bytes: Uint8Array;
  records: PrintRecord[];
  pages: number;
}

export class PrintCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * One print run in its own worker. `cancel()` terminates the worker at once (pdfmake cannot be
 * interrupted otherwise) and the promise rejects with PrintCancelled; nothing is logged.
 */
export class PrintRun {
  private worker: Worker | null = null;
  private rejectRun: ((e: Error) => void) | null = null;

  run(jobs: PrintJob[], opts: PrintOptions, output: PrintOutput, title: string, onProgress: (p: PrintProgress) => void): Promise<PrintResult> {
    return this.ask({ type: 'print', jobs, opts, output, title }, onProgress).then((m) => {
      if (m.type !== 'done') throw new Error('unexpected');
      return { bytes: m.bytes, records: m.records, pages: m.pages };
    });
  }

  /** Bench: bare pdfmake time for the same documents, prepared untimed in the worker. */
  bare(jobs: PrintJob[], opts: PrintOptions, title: string): Promise<{ ms: number; pages: number }> {
    return this.ask({ type: 'bare', jobs, opts, title }, () => {}).then((m) => {
      if (m.type !== 'bare') throw new Error('unexpected');
      return { ms: m.ms, pages: m.pages };
    });
  }

  private ask(req: PrintRequest, onProgress: (p: PrintProgress) => void): Promise<Extract<PrintResponse, { type: 'done' | 'bare' }>> {
    const worker = new Worker(new URL('./print.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    return new Promise((resolve, reject) => {
      this.rejectRun = reject;
      worker.onmessage = (e: MessageEvent<PrintResponse>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m);
        else {
          this.finish();
          if (m.type === 'failed') reject(new Error(m.detail));
          else resolve(m);
        }
      };
      worker.onerror = (e) => {
        this.finish();
        reject(new Error(e.message));
      };
      worker.postMessage(req);
    });
  }

  private finish() {
    this.worker?.terminate();
    this.worker = null;
    this.rejectRun = null;
  }

  cancel(): void {
    const reject = this.rejectRun;
    this.finish();
    reject?.(new PrintCancelled());
  }
}
