import { RepoError } from '../db/errors';
import type { ApplyReport } from '../db/syncRepo';
import type { Envelope } from '../exchange/package';
import type { PackageRequest, PackageResponse } from './packageProtocol';

/**
 * One package in progress: a dedicated worker that holds the verified package between the preview
 * and the apply. Closing it before applying writes nothing.
 */
export class PackageSession {
  private worker: Worker | null = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module' });
  private first = true;

  constructor(private readonly dbName: string) {}

  private ask<T extends PackageResponse['type']>(req: PackageRequest, want: T): Promise<Extract<PackageResponse, { type: T }>> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('closed'));
    const message = this.first ? { ...req, dbName: this.dbName } : req;
    this.first = false;
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<PackageResponse>) => {
        const m = e.data;
        if (m.type === 'failed') reject(new RepoError(m.code, m.params));
        else if (m.type === want) resolve(m as Extract<PackageResponse, { type: T }>);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(message, req.type === 'open' ? [req.bytes.buffer] : []);
    });
  }

  /** Reads and verifies the file; a refusal comes back as a RepoError whose code is its message key. */
  async open(bytes: Uint8Array, appVersion: string): Promise<Envelope> {
    return (await this.ask({ type: 'open', bytes, appVersion }, 'opened')).envelope;
  }

  async preview(): Promise<ApplyReport> {
    return (await this.ask({ type: 'preview' }, 'report')).report;
  }

  async apply(): Promise<ApplyReport> {
    return (await this.ask({ type: 'apply' }, 'report')).report;
  }

  async join(today: Date): Promise<ApplyReport> {
    return (await this.ask({ type: 'join', today: today.toISOString() }, 'report')).report;
  }

  async introduce(): Promise<void> {
    await this.ask({ type: 'introduce' }, 'done');
  }

  build(peerId: string, full: boolean) {
    return this.ask({ type: 'build', peerId, full }, 'built');
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
