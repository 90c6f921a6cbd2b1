import type { ChainCheck } from '../domain/auditChain';
import type { BackupManifest, BackupStage, SignerCheck } from '../exchange/backup';
import { BackupError } from '../exchange/backup';
import { workerFailure } from './workerFailure';

/** Messages between the window and the backup worker (io/backup.worker.ts). */
export type BackupRequest =
  | { type: 'create' }
  | { type: 'inspect'; bytes: Uint8Array }
  | { type: 'restore'; officeName: string };

/** What the confirmation shows of a verified backup; its records stay in the worker until restored. */
export interface BackupSummary {
  manifest: BackupManifest;
  audit: ChainCheck | null;
  signer: SignerCheck;
}

export type BackupResponse =
  | { type: 'progress'; stage: BackupStage | 'write'; done: number; total: number }
  | { type: 'created'; bytes: Uint8Array; manifest: BackupManifest }
  | { type: 'inspected'; summary: BackupSummary }
  | { type: 'restored'; installId: string }
  | { type: 'failed'; code: string; params: Record<string, unknown> };

/** A refused backup with its message key (backup.error.*), or what every writing worker sends (workerFailure). */
export function backupFailure(err: unknown): Extract<BackupResponse, { type: 'failed' }> {
  if (err instanceof BackupError) return { type: 'failed', code: `backup.error.${err.code}`, params: err.params };
  return workerFailure(err);
}
