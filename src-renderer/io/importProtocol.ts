/** Messages between the screen and the import worker (one typed contract, like the IPC one). */
import type { CalendarDate } from '../domain/dates';
import type { Employee } from '../domain/pegawai';
import type { Unit } from '../domain/unit';
import type { ImportField } from './headers';
import type { EmployeePlan } from './pegawaiImport';
import type { MetaInfo } from './templates';

export type ImportRequest =
  | { type: 'read'; bytes: Uint8Array; fileName: string }
  | { type: 'plan'; mapping: (ImportField | '')[]; existing: Employee[]; units: Unit[]; existingMode: 'update' | 'skip'; today: CalendarDate };

export interface ReadOk {
  type: 'read';
  ok: true;
  sha256: string;
  meta: MetaInfo | null;
  sheet: string;
  /** Excel row number of the header row (data starts below it). */
  headerRowNo: number;
  labels: string[];
  mapping: (ImportField | '')[];
  signature: string;
  rowCount: number;
  sample: string[][];
}

export type ImportResponse =
  | { type: 'progress'; phase: 'read' | 'validate'; done: number; total: number }
  | ReadOk
  | { type: 'read'; ok: false; code: string; params?: Record<string, number | string> }
  | { type: 'plan'; plan: EmployeePlan }
  | { type: 'failed'; detail: string };
