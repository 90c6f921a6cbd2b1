import type { ApplyReport } from '../db/syncRepo';
import type { Envelope } from '../exchange/package';

/** One file of a built package: the whole package, or part n of several (Envelope.part). */
export interface BuiltPart {
  bytes: Uint8Array;
  packageId: string;
  records: number;
  part: { n: number; of: number } | null;
}

/** Messages between the window and the package worker (jobs/package.worker.ts). */
export type PackageRequest =
  | { type: 'open'; bytes: Uint8Array; appVersion: string }
  | { type: 'preview' }
  | { type: 'apply' }
  | { type: 'join'; today: string }
  | { type: 'introduce' }
  | { type: 'trust' }
  | { type: 'build'; peerId: string; full: boolean; year?: number }
  // The next file of the package being built (issue #33: one part in memory at a time).
  | { type: 'next-part' };

export type PackageResponse =
  | { type: 'opened'; envelope: Envelope; records: number }
  | { type: 'report'; report: ApplyReport }
  | { type: 'done' }
  /** One file of the package being built; `last` when no part follows. */
  | { type: 'built'; part: BuiltPart; last: boolean; full: boolean; toName: string; fromOffice: string; createdAt: string }
  | { type: 'failed'; code: string; params: Record<string, unknown> };
