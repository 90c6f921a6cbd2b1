/** Messages between the screen and the import worker (one typed contract, like the IPC one). */
import type { CalendarDate } from '../domain/dates';
import type { ImportLogEntry } from '../db/schema';
import type { FieldChange } from '../domain/records';
import type { ImportError } from '../exchange/pegawaiImport';
import type { MetaInfo } from '../exchange/templates';
import type { DistributionWarning } from '../domain/distribution';
import type { RowPreview } from '../exchange/importRows';
import type { CapaianOrganisasi, Predikat, Rating } from '../domain/rulepack';

export type ImportRequest =
  | { type: 'read'; bytes: Uint8Array; fileName: string }
  | { type: 'plan'; mapping: string[]; existingMode: 'update' | 'skip'; today: CalendarDate }
  | { type: 'commit'; onlyValid: boolean };

export interface ReadOk {
  type: 'read';
  ok: true;
  sha256: string;
  /** What the file holds: employees (template or any staff list), the Unit kerja or SKP template, or a lembar penilaian. */
  kind: 'pegawai' | 'unit' | 'skp' | 'realisasi';
  meta: MetaInfo | null;
  sheet: string;
  /** Excel row number of the header row (data starts below it). */
  headerRowNo: number;
  labels: string[];
  mapping: string[];
  signature: string;
  rowCount: number;
  sample: string[][];
}

/** What the preview shows; the full plan stays in the worker, which also writes it. */
/** A lembar penilaian's effect, for the preview: each rated employee and each unit's spread after it. */
export interface LembarPreview {
  predikat: { nama: string; ratingHasil: Rating | ''; ratingPerilaku: Rating | ''; predikat: Predikat | '' }[];
  /** Each guideline group the import changes (§7.4): the whole office, or a unit's group. */
  distribution: { unitName: string; office: boolean; capaian: CapaianOrganisasi | ''; rated: number; warnings: DistributionWarning[] }[];
}

export interface PlanSummary {
  kind: 'pegawai' | 'unit' | 'skp' | 'realisasi';
  lembar?: LembarPreview;
  createCount: number;
  updateCount: number;
  unchanged: number;
  skipped: number;
  errorRows: number;
  totalRows: number;
  /** The first changed records with their field changes. */
  updates: { row: number; id: string; nama: string; changes: FieldChange[] }[];
  /** Errors, capped for the preview and the saved error list. */
  errors: ImportError[];
  errorCount: number;
  /** Warnings per row (non-blocking), capped like the errors. */
  warnings: ImportError[];
  warningCount: number;
  warningRows: number;
  /** Names of records created by this file, for showing a new atasan or parent unit in the changes. */
  newNames: Record<string, string>;
  /** An employee sheet's every row as read, with its outcome, changes and problems. */
  rows?: RowPreview[];
}

export type ImportResponse =
  | { type: 'progress'; phase: 'read' | 'validate' | 'write'; done: number; total: number }
  | ReadOk
  | { type: 'read'; ok: false; code: string; params?: Record<string, number | string> }
  | { type: 'plan'; summary: PlanSummary }
  | { type: 'commit'; ok: true; log: ImportLogEntry }
  | { type: 'commit'; ok: false; code: string; params: Record<string, unknown> }
  | { type: 'failed'; detail: string };
