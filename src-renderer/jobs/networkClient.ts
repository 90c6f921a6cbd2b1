import { RepoError } from '../db/errors';
import { getPlatform } from '../platform/platform';
import type { NetworkRequest, NetworkResponse } from './networkProtocol';
import type { NetworkProgress, NetworkReport } from './networkSync';
import { WorkerSession } from './workerSession';

declare const __APP_VERSION__: string;

/**
 * One conversation with the network worker. The worker's requests to the server come back here
 * and go out through the platform, the only code that talks to the network.
 */
export class NetworkSession {
  private readonly session: WorkerSession<NetworkRequest, NetworkResponse>;

  constructor(dbName: string, onProgress: (p: NetworkProgress) => void = () => {}) {
    this.session = new WorkerSession<NetworkRequest, NetworkResponse>(
      new Worker(new URL('./network.worker.ts', import.meta.url), { type: 'module' }),
      dbName,
      (m) => (m.type === 'failed' ? new RepoError(m.code, m.params) : null),
      (m) => {
        if (m.type === 'progress') onProgress(m.progress);
        if (m.type === 'fetch') void this.answer(m.id, m.req);
      },
    );
  }

  private async answer(id: number, req: Extract<NetworkResponse, { type: 'fetch' }>['req']): Promise<void> {
    const res = await getPlatform().serverRequest(req).catch(() => ({ status: 0 as const, failure: 'offline' as const }));
    this.session.send({ type: 'fetch-result', id, res } satisfies NetworkRequest, 'body' in res && res.body.byteLength > 0 ? [res.body.buffer as ArrayBuffer] : []);
  }

  async sync(url: string): Promise<NetworkReport> {
    return (await this.session.ask({ type: 'sync', url, appVersion: __APP_VERSION__ }, 'synced')).report;
  }

  async trust(url: string, database: string, packet: string): Promise<void> {
    await this.session.ask({ type: 'trust', url, appVersion: __APP_VERSION__, database, packet }, 'done');
  }

  close(): void {
    this.session.close();
  }
}
