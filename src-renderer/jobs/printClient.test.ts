import { afterEach, describe, expect, it, vi } from 'vitest';
import { PERMENPANRB_6_2022 } from '../domain/rulepack';
import { SAMPLE_OPTIONS, sampleSkp } from '../sample/printSamples';
import type { PrintRecord } from '../print/documents';
import { PrintCancelled, PrintRun, slices, workerCount } from './printClient';
import type { PrintResponse } from './printProtocol';

/** Stands in for the module worker (vitest runs in Node): records messages, answers when told. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<PrintResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: { type: string; jobs?: unknown[]; parts?: Uint8Array[] }[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: { type: string }) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: PrintResponse) {
    this.onmessage?.({ data: m } as MessageEvent<PrintResponse>);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.all = [];
});

const record = (code: string) => ({ code }) as PrintRecord;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('splitting a batch over the cores', () => {
  it.each([
    [1, 2, 1],
    [500, 2, 2],
    [500, 1, 2],
    [500, 16, 8],
    [3, 4, 3],
  ])('%i documents on %i cores → %i workers', (jobs, cores, n) => expect(workerCount(jobs, cores)).toBe(n));

  it('slices are contiguous, in order and near equal', () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(slices([1], 3)).toEqual([[1]]);
  });
});

describe('PrintRun', () => {
  const skp = sampleSkp(1);
  const jobs = Array.from({ length: 4 }, () => ({ kind: 'SKP' as const, skp, pack: PERMENPANRB_6_2022 }));

  it('renders slices in parallel, reports overall progress, joins in order and ends the workers', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    const progress: string[] = [];
    const run = new PrintRun().run(jobs, SAMPLE_OPTIONS, 'SATU_PDF', 'SKP', (p) => progress.push(`${p.phase}:${p.done}`));
    const [a, b] = FakeWorker.all;
    expect(FakeWorker.all).toHaveLength(2);
    expect(a!.posted[0]!.jobs).toHaveLength(2);
    expect(b!.posted[0]!.jobs).toHaveLength(2);
    a!.reply({ type: 'progress', phase: 'render', unit: 'percent', done: 40, total: 100 });
    b!.reply({ type: 'part', files: [new Uint8Array([2])], records: [record('B1'), record('B2')], skipped: [], pages: 4, ms: { prepare: 1, render: 2 } });
    a!.reply({ type: 'part', files: [new Uint8Array([1])], records: [record('A1'), record('A2')], skipped: [], pages: 5, ms: { prepare: 1, render: 2 } });
    await tick();
    // The first worker joins: slice A before slice B, whatever order they finished in.
    expect(a!.posted[1]).toMatchObject({ type: 'join', parts: [new Uint8Array([1]), new Uint8Array([2])] });
    a!.reply({ type: 'joined', bytes: new Uint8Array([9]), ms: 3 });
    const result = await run;
    expect(result).toMatchObject({ pages: 9, bytes: new Uint8Array([9]), phases: { join: 3 } });
    expect(result.records.map((r) => r.code)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(progress).toContain('render:20');
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
  });

  it('Batal stops every worker at once and the run ends as cancelled, even if a worker answers later', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const r = new PrintRun();
    const run = r.run(jobs, SAMPLE_OPTIONS, 'SATU_PDF', 'SKP', () => {});
    r.cancel();
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    await expect(run).rejects.toBeInstanceOf(PrintCancelled);
    FakeWorker.all[0]!.reply({ type: 'part', files: [], records: [], skipped: [], pages: 1, ms: { prepare: 1, render: 2 } });
  });

  it('a failure in a worker comes back as an error with its detail', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const run = new PrintRun().run(jobs, SAMPLE_OPTIONS, 'SATU_PDF', 'SKP', () => {});
    FakeWorker.all[1]!.reply({ type: 'failed', detail: 'Access to URL denied by resource access policy' });
    await expect(run).rejects.toThrow('Access to URL denied');
  });
});
