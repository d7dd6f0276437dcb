/**
 * A small pool of worker threads for CPU-bound work: submit a task (plain data), get plain data
 * back. Workers start on first use, as many as the machine has cores unless told otherwise, and
 * stay until {@link WorkerPool.close}. A task that throws in its worker rejects with that error's
 * message; a worker that dies (a crash, `process.exit`, a script that cannot load) rejects the
 * task it was running with a message saying so, and is replaced for the tasks still queued, so a
 * caller never waits forever.
 *
 * The worker side is a module that calls {@link serveTasks} with its handler.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData, type TransferListItem, type WorkerOptions } from 'node:worker_threads';
import { CancelledError, type CancellationToken } from '../core/types.js';

/** Options of {@link WorkerPool}. */
export interface PoolOptions {
  /** Number of workers; by default the number of cores. */
  size?: number;
  /** Passed to every worker as `workerData` (plain data). */
  workerData?: unknown;
  /** Named in error messages ("the PHP worker stopped…"). */
  name?: string;
  /** Extra options for `new Worker` (resource limits, argv). */
  workerOptions?: Omit<WorkerOptions, 'workerData'>;
}

interface Job<In, Out> {
  task: In;
  token?: CancellationToken;
  /** Objects of the task that move to the worker (message ports, buffers) instead of being copied. */
  transfer?: TransferListItem[];
  resolve(value: Out): void;
  reject(error: Error): void;
}

interface Slot<In, Out> {
  worker: Worker;
  job?: Job<In, Out>;
}

/** Messages between the pool and a worker. */
type Reply<Out> = { ok: true; value: Out } | { ok: false; message: string; stack?: string };

/** How often a running task's cancellation token is looked at (tokens are polled, not evented). */
const CANCEL_POLL_MS = 25;

/** Worker threads that run tasks of one kind. */
export class WorkerPool<In, Out> {
  readonly size: number;
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private closed = false;
  private poller: ReturnType<typeof setInterval> | undefined;

  /** @param script the worker module (a file path or URL) that calls {@link serveTasks}. */
  constructor(
    private readonly script: string | URL,
    private readonly options: PoolOptions = {},
  ) {
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
  }

  /**
   * Runs `task` on a free worker. Rejects with the worker's error message, with a message when
   * the worker stopped, or with {@link CancelledError} when `token` is cancelled (a running task
   * is then abandoned: its result is dropped and its worker replaced). `transfer` lists the
   * objects of the task that move to the worker (a message port must).
   */
  run(task: In, token?: CancellationToken, transfer?: TransferListItem[]): Promise<Out> {
    if (this.closed) return Promise.reject(new Error(`${this.label} pool is closed`));
    if (token?.isCancellationRequested) return Promise.reject(new CancelledError());
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ task, token, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every worker now rather than on first use, so that they load while the caller
   * prepares their first tasks.
   */
  start(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /**
   * Takes the oldest task no worker has started and runs it with `work` in the calling thread:
   * a thread that has finished its own work helps the workers with theirs, from the same queue.
   * The task's promise (from {@link run}) settles with what `work` gives; a task whose token is
   * cancelled is rejected with {@link CancelledError} instead. False when no task was waiting.
   */
  async runQueuedHere(work: (task: In) => Out | Promise<Out>): Promise<boolean> {
    const job = this.queue.shift();
    if (!job) return false;
    if (job.token?.isCancellationRequested) job.reject(new CancelledError());
    else {
      try {
        job.resolve(await work(job.task));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return true;
  }

  /** Stops every worker; queued and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    for (const job of this.queue.splice(0)) job.reject(new Error(`${this.label} pool closed before the task ran`));
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.job?.reject(new Error(`${this.label} pool closed while the task ran`));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private get label(): string {
    return this.options.name ? `the ${this.options.name} worker` : 'the worker';
  }

  private dispatch(): void {
    // Cancelled tasks still waiting never start.
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].token?.isCancellationRequested) this.queue.splice(i, 1)[0].reject(new CancelledError());
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) break;
      const job = this.queue.shift()!;
      slot.job = job;
      // A busy worker keeps the process alive until its answer comes; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage(job.task, job.transfer);
    }
    this.watchTokens();
  }

  private spawn(): Slot<In, Out> {
    const options = { ...this.options.workerOptions, workerData: this.options.workerData };
    const worker = /\.ts$/.test(String(this.script))
      ? new Worker(typescriptBootstrap(this.script), { ...options, eval: true })
      : new Worker(this.script, { execArgv: withoutTypeScriptLoader(process.execArgv), ...options });
    const slot: Slot<In, Out> = { worker };
    this.slots.push(slot);
    worker.on('message', (reply: Reply<Out>) => {
      const job = slot.job;
      slot.job = undefined;
      worker.unref();
      if (job) {
        if (reply.ok) job.resolve(reply.value);
        else job.reject(Object.assign(new Error(reply.message), { stack: reply.stack ?? reply.message }));
      }
      this.dispatch();
    });
    const fail = (why: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return; // Already replaced or closed.
      this.slots.splice(index, 1);
      slot.job?.reject(new Error(`${this.label} stopped: ${why}`));
      slot.job = undefined;
      void worker.terminate();
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (error: Error) => fail(error.message || String(error)));
    worker.on('exit', (code) => fail(`it exited with code ${code}`));
    return slot;
  }

  /** Polls the tokens of running tasks while there are any. */
  private watchTokens(): void {
    const busy = this.slots.some((s) => s.job?.token);
    if (busy && !this.poller) {
      this.poller = setInterval(() => {
        for (const slot of [...this.slots]) {
          if (!slot.job?.token?.isCancellationRequested) continue;
          const job = slot.job;
          slot.job = undefined;
          this.slots.splice(this.slots.indexOf(slot), 1);
          void slot.worker.terminate();
          job.reject(new CancelledError());
        }
        this.dispatch();
      }, CANCEL_POLL_MS);
      this.poller.unref();
    } else if (!busy && this.poller) {
      clearInterval(this.poller);
      this.poller = undefined;
    }
  }
}

/**
 * Running from sources (tests, benchmarks under tsx), a worker script is TypeScript, and worker
 * threads do not inherit tsx's loader: the worker registers it first. Bundles use `.js` scripts.
 */
function typescriptBootstrap(script: string | URL): string {
  const url = script instanceof URL ? script.href : pathToFileURL(script).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
}

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);
const TSX = /^tsx(?:\/|$)/;

/**
 * The Node options of the process without a TypeScript loader (`--import tsx`, there when
 * benchmarks and tests run from sources): a bundled worker never needs one, and loading it
 * would cost every worker its start-up.
 */
export function withoutTypeScriptLoader(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (LOADER_FLAGS.has(flag) && TSX.test(argv[i + 1] ?? '')) i++;
    else if (!/^--(?:import|require|loader|experimental-loader)=tsx(?:\/|$)/.test(flag)) out.push(flag);
  }
  return out;
}

/**
 * The worker side: answers each task posted by the pool with `handler`'s result. A thrown error
 * goes back as a message (and its stack), never as a silent worker exit. `transfer` names the
 * buffers of a result that move to the pool's thread instead of being copied.
 */
export function serveTasks<In, Out>(handler: (task: In, data: unknown) => Out | Promise<Out>, transfer?: (value: Out) => ArrayBuffer[]): void {
  if (!parentPort) throw new Error('serveTasks must run in a worker thread');
  const port = parentPort;
  port.on('message', async (task: In) => {
    let reply: Reply<Out>;
    try {
      reply = { ok: true, value: await handler(task, workerData) };
    } catch (error) {
      const e = error as Error;
      reply = { ok: false, message: e?.message ?? String(error), stack: e?.stack };
    }
    port.postMessage(reply, reply.ok && transfer ? transfer(reply.value) : []);
  });
}
