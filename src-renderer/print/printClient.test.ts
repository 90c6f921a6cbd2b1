import { afterEach, describe, expect, it, vi } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, sampleSkp } from '../sample/printSamples';
import { PrintCancelled, PrintRun } from './printClient';
import type { PrintResponse } from './printProtocol';

/** Stands in for the module worker (vitest runs in Node): records messages, answers when told. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent<PrintResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: PrintResponse) {
    this.onmessage?.({ data: m } as MessageEvent<PrintResponse>);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('PrintRun', () => {
  const jobs = [{ kind: 'SKP' as const, skp: sampleSkp(1), pack: PERMENPANRB_6_2022 }];

  it('reports progress, resolves with the bytes and ends the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const progress: number[] = [];
    const run = new PrintRun().run(jobs, SAMPLE_OPTIONS, 'SATU_PDF', 'SKP', (p) => progress.push(p.done));
    const w = FakeWorker.last!;
    expect(w.posted[0]).toMatchObject({ type: 'print', output: 'SATU_PDF', jobs });
    w.reply({ type: 'progress', phase: 'render', unit: 'percent', done: 40, total: 100 });
    w.reply({ type: 'done', bytes: new Uint8Array([37, 80, 68, 70]), records: [], pages: 3 });
    await expect(run).resolves.toMatchObject({ pages: 3 });
    expect(progress).toEqual([40]);
    expect(w.terminated).toBe(true);
  });

  it('Batal stops the worker at once and the run ends as cancelled, even if the worker answers later', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const r = new PrintRun();
    const run = r.run(jobs, SAMPLE_OPTIONS, 'SATU_PDF', 'SKP', () => {});
    const w = FakeWorker.last!;
    r.cancel();
    expect(w.terminated).toBe(true);
    await expect(run).rejects.toBeInstanceOf(PrintCancelled);
    w.reply({ type: 'done', bytes: new Uint8Array(), records: [], pages: 1 });
  });

  it('a failure in the worker comes back as an error with its detail', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const run = new PrintRun().run(jobs, SAMPLE_OPTIONS, 'SATU_PDF', 'SKP', () => {});
    FakeWorker.last!.reply({ type: 'failed', detail: 'Access to URL denied by resource access policy' });
    await expect(run).rejects.toThrow('Access to URL denied');
  });
});
