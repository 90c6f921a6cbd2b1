import type { ApplyReport } from '../db/syncRepo';
import type { Envelope } from '../exchange/package';

/** Messages between the window and the package worker (io/package.worker.ts). */
export type PackageRequest =
  | { type: 'open'; bytes: Uint8Array; appVersion: string }
  | { type: 'preview' }
  | { type: 'apply' }
  | { type: 'join'; today: string }
  | { type: 'introduce' }
  | { type: 'trust' }
  | { type: 'build'; peerId: string; full: boolean };

export type PackageResponse =
  | { type: 'opened'; envelope: Envelope; records: number }
  | { type: 'report'; report: ApplyReport }
  | { type: 'done' }
  | { type: 'built'; bytes: Uint8Array; packageId: string; full: boolean; records: number; toName: string; fromOffice: string; createdAt: string }
  | { type: 'failed'; code: string; params: Record<string, unknown> };
