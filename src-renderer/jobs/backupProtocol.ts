import type { ChainCheck } from '../domain/auditChain';
import type { BackupManifest, BackupStage, SignerCheck } from '../exchange/backupFile';
import { BackupError } from '../exchange/backupFile';
import { workerFailure } from './workerFailure';
import { hasMessage } from '../i18n/i18n';
import type { ArchivedYear } from '../db/schema';

/** Messages between the window and the backup worker (jobs/backup.worker.ts). */
export type BackupRequest =
  | { type: 'create' }
  | { type: 'inspect'; bytes: Uint8Array }
  | { type: 'restore'; officeName: string }
  // "Arsipkan tahun" (issue #33): the file is made, saved by the window, then handed back to move the year.
  | { type: 'archive-create'; year: number }
  | { type: 'archive-remove'; year: number; bytes: Uint8Array; fileName: string }
  | { type: 'archive-open'; bytes: Uint8Array };

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
  | { type: 'archive-created'; bytes: Uint8Array; manifest: BackupManifest }
  | { type: 'archive-removed'; entry: ArchivedYear }
  | { type: 'archive-opened'; summary: ArchiveSummary }
  | { type: 'failed'; code: string; params: Record<string, unknown> };

/** An opened archive, now readable from the archive database (db/archiveRepo.ts archiveDbName). */
export interface ArchiveSummary {
  manifest: BackupManifest;
  signer: SignerCheck;
  year: number;
  counts: Record<string, number>;
}

/** A refused archive says "arsip", not "cadangan", where the catalog has its own sentence. */
export function archiveFailure(err: unknown): Extract<BackupResponse, { type: 'failed' }> {
  if (err instanceof BackupError && hasMessage(`archive.error.${err.code}`)) return { type: 'failed', code: `archive.error.${err.code}`, params: err.params };
  return backupFailure(err);
}

/** A refused backup with its message key (backup.error.*), or what every writing worker sends (workerFailure). */
export function backupFailure(err: unknown): Extract<BackupResponse, { type: 'failed' }> {
  if (err instanceof BackupError) return { type: 'failed', code: `backup.error.${err.code}`, params: err.params };
  return workerFailure(err);
}
