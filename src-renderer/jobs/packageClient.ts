import { RepoError } from '../db/errors';
import type { ApplyReport } from '../db/syncRepo';
import type { Envelope } from '../exchange/package';
import type { PackageRequest, PackageResponse } from './packageProtocol';
import { WorkerSession } from './workerSession';

/**
 * One package in progress: a dedicated worker that holds the verified package between the preview
 * and the apply. Closing it before applying writes nothing.
 */
export class PackageSession {
  private readonly session: WorkerSession<PackageRequest, PackageResponse>;

  constructor(dbName: string) {
    this.session = new WorkerSession(new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module' }), dbName, (m) =>
      m.type === 'failed' ? new RepoError(m.code, m.params) : null,
    );
  }

  private ask<T extends PackageResponse['type']>(req: PackageRequest, want: T) {
    return this.session.ask(req, want, req.type === 'open' ? [req.bytes.buffer] : []);
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

  /** A person compared the sender's key code: trust it, then preview again. */
  async trust(): Promise<void> {
    await this.ask({ type: 'trust' }, 'done');
  }

  /** `year`: a full package of that performance year only. */
  build(peerId: string, full: boolean, year?: number) {
    return this.ask({ type: 'build', peerId, full, ...(year !== undefined ? { year } : {}) }, 'built');
  }

  /** The next file of the package `build` started (after the window saved the previous one). */
  nextPart() {
    return this.ask({ type: 'next-part' }, 'built');
  }

  close(): void {
    this.session.close();
  }
}
