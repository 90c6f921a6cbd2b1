import type { SkippedDoc } from '../print/batch';
import type { PrintRecord } from '../print/documents';
import type { DashboardPrintData } from '../print/dashboard';
import type { PrintJob, PrintOptions } from '../print/model';
import type { SignOutcome, SignRequest } from '../tte/signOutput';

/** One PDF with every document, or one PDF per document packed in a zip. */
export type PrintOutput = 'SATU_PDF' | 'PER_PEGAWAI';

export type PrintRequest =
  /** Render one slice of a batch: one PDF (SATU_PDF) or a PDF per document (PER_PEGAWAI). */
  | { type: 'print'; jobs: PrintJob[]; opts: PrintOptions; output: PrintOutput; title: string }
  /** Put the slices together in order: one PDF, or a zip of the per-document files. */
  | { type: 'join'; output: PrintOutput; title: string; parts: Uint8Array[]; records: PrintRecord[] }
  /**
   * The dashboard page: its numbers and words cross to the worker, which builds the definition there
   * (a definition holds table-layout functions, which postMessage cannot clone). No verification code.
   */
  | { type: 'dashboard'; data: DashboardPrintData }
  /** Bench only: prepare and render with bare pdfmake on this one thread, and report the time. */
  | { type: 'bare'; jobs: PrintJob[]; opts: PrintOptions; title: string }
  /** Sign what a run made (#31): the pengesahan page needs pdfmake and the fonts, which are here. */
  | { type: 'tte'; req: SignRequest }
  /** Load the signing code and the pengesahan page's fonts while the person picks the .p12 (#31). */
  | { type: 'tteWarm' }
  /** "PDF siap TTE": the same pages with an empty signature field, for the instansi's esign service. */
  | { type: 'tteReady'; req: Pick<SignRequest, 'output' | 'docs' | 'paper' | 'location' | 'now' | 'signedAt'> };

export type PrintResponse =
  /** The worker has loaded pdfmake and the fonts. */
  | { type: 'ready' }
  /** `percent`: done out of 100 while one PDF is written; `count`: documents done. */
  | { type: 'progress'; phase: 'prepare' | 'render' | 'join'; unit: 'count' | 'percent'; done: number; total: number }
  /** A slice: its PDF (SATU_PDF) or one PDF per printed document, in the records' order. */
  | { type: 'part'; files: Uint8Array[]; records: PrintRecord[]; skipped: SkippedDoc[]; pages: number; ms: { prepare: number; render: number } }
  | { type: 'joined'; bytes: Uint8Array; ms: number }
  | { type: 'rendered'; bytes: Uint8Array; pages: number }
  | { type: 'bare'; ms: number; pages: number }
  | { type: 'tte'; outcome: SignOutcome }
  | { type: 'failed'; detail: string };
