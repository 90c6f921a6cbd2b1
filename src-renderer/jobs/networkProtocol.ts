import type { ServerRequest, ServerResponse } from '../../src-main/ipc-contract';
import type { NetworkProgress, NetworkReport } from './networkSync';

/** Messages between the window and the network worker (jobs/network.worker.ts). */
export type NetworkRequest =
  /** One run with the server at `url` (requests go back through the window: platform.serverRequest). */
  | { type: 'sync'; url: string; appVersion: string }
  /** A person compared the key code of a packet's sender. */
  | { type: 'trust'; url: string; appVersion: string; database: string; packet: string }
  | { type: 'fetch-result'; id: number; res: ServerResponse };

export type NetworkResponse =
  | { type: 'fetch'; id: number; req: ServerRequest }
  | { type: 'progress'; progress: NetworkProgress }
  | { type: 'synced'; report: NetworkReport }
  | { type: 'done' }
  | { type: 'failed'; code: string; params: Record<string, unknown> };
