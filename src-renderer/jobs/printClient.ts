import type { SkippedDoc } from '../print/batch';
import type { DashboardPrintData } from '../print/dashboard';
import type { PrintRecord } from '../print/documents';
import type { PrintJob, PrintOptions } from '../print/model';
import { takePrintWorker } from './printPool';
import type { PrintOutput, PrintRequest, PrintResponse } from './printProtocol';
import type { SignOutcome, SignRequest } from '../tte/signOutput';

/** Overall progress of a run: documents prepared, then percent rendered across all workers. */
export interface PrintProgress {
  phase: 'prepare' | 'render' | 'join';
  unit: 'count' | 'percent';
  done: number;
  total: number;
}

export interface PrintResult {
  bytes: Uint8Array;
  records: PrintRecord[];
  pages: number;
  /** Documents left out, with why; the rest printed. */
  skipped: SkippedDoc[];
  /** Where the time went (bench): the slowest worker's prepare and render, then the join. */
  phases: { prepare: number; render: number; join: number };
}

export class PrintCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** One worker per core, at least two (a batch on a 2-core office PC uses both), at most eight. */
export function workerCount(jobs: number, cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(jobs, Math.max(2, Math.min(cores, 8))));
}

/** Contiguous slices of near-equal size, so joining them keeps the batch order. */
export function slices<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0, from = 0; i < n; i++) {
    const to = Math.round(((i + 1) * items.length) / n);
    out.push(items.slice(from, to));
    from = to;
  }
  return out.filter((s) => s.length > 0);
}

type Reply<K extends PrintResponse['type']> = Extract<PrintResponse, { type: K }>;

/**
 * One print run on several workers. `cancel()` terminates them at once (pdfmake cannot be
 * interrupted otherwise) and the promise rejects with PrintCancelled; nothing is logged.
 */
export class PrintRun {
  private workers: Worker[] = [];
  private signing: { worker: Worker; ready: Promise<void> } | null = null;
  private rejectRun: ((e: Error) => void) | null = null;

  async run(jobs: PrintJob[], opts: PrintOptions, output: PrintOutput, title: string, onProgress: (p: PrintProgress) => void): Promise<PrintResult> {
    const parts = slices(jobs, workerCount(jobs.length));
    const workers = parts.map(() => this.spawn());
    const prepared = parts.map(() => 0);
    const rendered = parts.map(() => 0);
    const report = (phase: PrintProgress['phase']) => {
      if (phase === 'prepare') onProgress({ phase, unit: 'count', done: prepared.reduce((a, b) => a + b, 0), total: jobs.length });
      else onProgress({ phase, unit: 'percent', done: Math.floor(rendered.reduce((a, b, i) => a + b * parts[i]!.length, 0) / jobs.length), total: 100 });
    };
    const results = await Promise.all(
      parts.map((slice, i) =>
        this.ask<'part'>(workers[i]!, { type: 'print', jobs: slice, opts, output, title }, (m) => {
          if (m.phase === 'prepare') prepared[i] = m.done;
          else rendered[i] = m.unit === 'percent' ? m.done : Math.floor((m.done / m.total) * 100);
          report(m.phase === 'prepare' ? 'prepare' : 'render');
        }),
      ),
    );
    const records = results.flatMap((r) => r.records);
    const skipped = results.flatMap((r) => r.skipped);
    const pages = results.reduce((a, r) => a + r.pages, 0);
    const files = results.flatMap((r) => r.files);
    const phases = { prepare: Math.max(...results.map((r) => r.ms.prepare)), render: Math.max(...results.map((r) => r.ms.render)), join: 0 };
    if (files.length === 0) {
      this.finish();
      return { bytes: new Uint8Array(), records, pages: 0, skipped, phases };
    }
    onProgress({ phase: 'join', unit: 'percent', done: 0, total: 100 });
    const joined = await this.ask<'joined'>(workers[0]!, { type: 'join', output, title, parts: files, records }, () => {});
    this.finish();
    return { bytes: joined.bytes, records, pages, skipped, phases: { ...phases, join: joined.ms } };
  }

  /** The dashboard page, built and rendered in a print worker, where the fonts are. */
  async dashboard(data: DashboardPrintData): Promise<{ bytes: Uint8Array; pages: number }> {
    const m = await this.ask<'rendered'>(this.spawn(), { type: 'dashboard', data }, () => {});
    this.finish();
    return { bytes: m.bytes, pages: m.pages };
  }

  /**
   * A worker for signing, loaded ahead (#31): the signing code and the fonts of the pengesahan page
   * take longer to load than signing takes, and the person is still choosing the .p12 meanwhile.
   */
  prepareSigning(): void {
    if (this.signing) return;
    const worker = this.spawn();
    this.signing = { worker, ready: this.ask<'rendered'>(worker, { type: 'tteWarm' }, () => {}).then(() => undefined, () => undefined) };
  }

  /** Sign what a run made, in a print worker (#31); the .p12 and passphrase go there and nowhere else. */
  async sign(req: SignRequest): Promise<SignOutcome> {
    const ahead = this.signing;
    this.signing = null;
    if (ahead) await ahead.ready;
    const m = await this.ask<'tte'>(ahead && this.workers.includes(ahead.worker) ? ahead.worker : this.spawn(), { type: 'tte', req }, () => {});
    this.finish();
    return m.outcome;
  }

  /** "PDF siap TTE" (#31): the output with an empty signature field for an online esign service. */
  async prepareForEsign(req: Extract<PrintRequest, { type: 'tteReady' }>['req']): Promise<Uint8Array> {
    const m = await this.ask<'rendered'>(this.spawn(), { type: 'tteReady', req }, () => {});
    this.finish();
    return m.bytes;
  }

  /** Bench: bare pdfmake time for the same documents, prepared untimed in one worker. */
  async bare(jobs: PrintJob[], opts: PrintOptions, title: string): Promise<{ ms: number; pages: number }> {
    const m = await this.ask<'bare'>(this.spawn(), { type: 'bare', jobs, opts, title }, () => {});
    this.finish();
    return { ms: m.ms, pages: m.pages };
  }

  private spawn(): Worker {
    const w = takePrintWorker();
    this.workers.push(w);
    return w;
  }

  private ask<K extends 'part' | 'joined' | 'bare' | 'rendered' | 'tte'>(worker: Worker, req: PrintRequest, onProgress: (p: Reply<'progress'>) => void): Promise<Reply<K>> {
    return new Promise((resolve, reject) => {
      this.rejectRun = reject;
      worker.onmessage = (e: MessageEvent<PrintResponse>) => {
        const m = e.data;
        if (m.type === 'ready') return;
        if (m.type === 'progress') onProgress(m);
        else if (m.type === 'failed') {
          this.finish();
          reject(new Error(m.detail));
        } else resolve(m as Reply<K>);
      };
      worker.onerror = (e) => {
        this.finish();
        reject(new Error(e.message));
      };
      const transfer = req.type === 'join' ? req.parts.map((p) => p.buffer as ArrayBuffer) : [];
      worker.postMessage(req, transfer);
    });
  }

  private finish() {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  cancel(): void {
    const reject = this.rejectRun;
    this.finish();
    this.rejectRun = null;
    reject?.(new PrintCancelled());
  }
}
