/**
 * A conversation with a dedicated worker that holds state between steps (an import's plan, a
 * package's records): one request at a time, answered by a message of the wanted type, a failure,
 * or progress along the way. Closing terminates the worker, so nothing it held is written.
 */
export class WorkerSession<Req extends { type: string }, Res extends { type: string }> {
  private worker: Worker | null;
  private first = true;

  constructor(
    worker: Worker,
    private readonly dbName: string,
    /** A failure message as the error to reject with, or null for any other message. */
    private readonly failure: (m: Res) => Error | null,
    private readonly onOther: (m: Res) => void = () => {},
  ) {
    this.worker = worker;
  }

  ask<T extends Res['type']>(req: Req, want: T, transfer: Transferable[] = []): Promise<Extract<Res, { type: T }>> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('closed'));
    // The first request tells the worker which database to open.
    const message = this.first ? { ...req, dbName: this.dbName } : req;
    this.first = false;
    return new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Res>) => {
        const m = e.data;
        const err = this.failure(m);
        if (err) reject(err);
        else if (m.type === want) resolve(m as Extract<Res, { type: T }>);
        else this.onOther(m);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(message, transfer);
    });
  }

  /** A message that expects no answer of its own (a reply to something the worker asked). */
  send(message: unknown, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** The worker's side of a conversation: what it receives and what it may post, typed by its protocol. */
export interface WorkerScope<Req, Res> {
  postMessage(message: Res, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<Req>) => void) | null;
}

/**
 * `self` inside a job's worker, typed by its protocol. The renderer's type library describes the
 * window, not a worker, so this one cast stands for every worker (jobs/*.worker.ts).
 */
export function workerScope<Req, Res>(): WorkerScope<Req, Res> {
  return self as unknown as WorkerScope<Req, Res>;
}
