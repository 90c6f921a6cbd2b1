import type { PouchDatabase, ReplicateResult } from './networkSync';

/** What the app and the tests use of the PouchDB constructor (the packages ship no types). */
export interface PouchConstructor {
  new (name: string, opts?: { adapter?: string; skip_setup?: boolean; auth?: { username: string; password: string }; fetch?: (url: string | Request, init?: RequestInit) => Promise<Response> }): PouchDatabase & { close(): Promise<void>; destroy(): Promise<void> };
  plugin(p: unknown): PouchConstructor;
  defaults(opts: object): PouchConstructor;
  fetch(url: string | Request, init?: RequestInit): Promise<Response>;
  replicate(source: PouchDatabase, target: PouchDatabase, opts?: object): Promise<ReplicateResult>;
}
