import type { PrintRecord } from './documents';
import type { PrintJob, PrintOptions } from './model';

/** One PDF with every document, or one PDF per document packed in a zip. */
export type PrintOutput = 'SATU_PDF' | 'PER_PEGAWAI';

export type PrintRequest =
  | { type: 'print'; jobs: PrintJob[]; opts: PrintOptions; output: PrintOutput; title: string }
  /** Bench only: render the prepared definition with bare pdfmake and report the time. */
  | { type: 'bare'; jobs: PrintJob[]; opts: PrintOptions; title: string };

export type PrintResponse =
  /** `percent`: done out of 100 while one PDF is written; `count`: documents done. */
  | { type: 'progress'; phase: 'prepare' | 'render'; unit: 'count' | 'percent'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array; records: PrintRecord[]; pages: number }
  | { type: 'bare'; ms: number; pages: number }
  | { type: 'failed'; detail: string };
