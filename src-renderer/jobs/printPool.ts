/**
 * Print workers started ahead of time. Loading pdfmake and the fonts into a fresh worker takes
 * about 1.7 s on an office PC; the Cetak screen starts them when it opens, so "Buat PDF" finds
 * them ready. A run takes workers from here (or starts new ones) and ends them when done, so each
 * run begins with a fresh heap.
 */
import type { PrintResponse } from './printProtocol';

interface Warm {
  worker: Worker;
  ready: Promise<void>;
}

const idle: Warm[] = [];

function spawn(): Warm {
  const worker = new Worker(new URL('./print.worker.ts', import.meta.url), { type: 'module' });
  const ready = new Promise<void>((resolve) => {
    worker.onmessage = (e: MessageEvent<PrintResponse>) => {
      if (e.data.type === 'ready') resolve();
    };
    worker.onerror = () => resolve();
  });
  return { worker, ready };
}

/** Have `n` workers loading; resolves when they are ready. */
export function warmPrintWorkers(n: number): Promise<void> {
  if (typeof Worker === 'undefined') return Promise.resolve();
  while (idle.length < n) idle.push(spawn());
  return Promise.all(idle.map((w) => w.ready)).then(() => undefined);
}

/** A warm worker if one is waiting, else a new one. */
export function takePrintWorker(): Worker {
  return (idle.shift() ?? spawn()).worker;
}
