export interface StandIn {
  url: string;
  admin: { name: string; password: string };
  kill(): Promise<void>;
  revive(): Promise<number>;
  close(): Promise<void>;
}
export function startStandIn(opts?: { port?: number; admin?: { name: string; password: string }; corsOrigins?: string[] }): Promise<StandIn>;
export const NodePouch: import('../src-renderer/jobs/pouchTypes').PouchConstructor;
