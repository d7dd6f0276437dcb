/**
 * Report analysis in worker threads, for the language server and the CLI. The calling thread
 * only posts text and configuration and gets plain snapshots back, so it stays free to answer
 * requests. A document always goes to the same worker (its parse cache and previous state live
 * there). A job can be cancelled while queued or running; a worker that crashes or runs past the
 * time limit is terminated and replaced, and the jobs queued behind it are sent to the new one.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReportEngine, type AnalysisInput } from './report-engine.js';
import type { ReportSnapshot } from './report-snapshot.js';

/** A message to a worker. */
export type WorkerRequest = { type: 'analyse'; id: number; input: AnalysisInput; cancel: SharedArrayBuffer } | { type: 'forget'; key: string };

/** A worker's answer to one analysis. */
export type WorkerReply = { id: number; ok: true; snapshot: ReportSnapshot; ms: number } | { id: number; ok: false; cancelled: boolean; message: string };

/** An analysis that finished. */
export interface AnalysisResult {
  snapshot: ReportSnapshot;
  /** Time of the analysis itself, without the wait in the queue. */
  ms: number;
}

/** Why a job gave no snapshot: `cancelled`, `failed` (the core threw), `crashed` or `timeout` (the worker was replaced). */
export class AnalysisError extends Error {
  constructor(
    readonly reason: 'cancelled' | 'failed' | 'crashed' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = reason === 'cancelled' ? 'CancelledError' : 'AnalysisError';
  }
}

/** A submitted analysis: its outcome, and a way to stop it. */
export interface AnalysisJob {
  readonly result: Promise<AnalysisResult>;
  cancel(): void;
}

export interface ReportWorkersOptions {
  /** Worker threads; 0 analyses on the calling thread. Default: the cores, between 2 and 4. */
  threads?: number;
  /** A job running longer than this (a hang) is stopped by replacing its worker. Default 120 s. */
  timeoutMs?: number;
  /** Heap limit of each worker (old generation), in MB; a worker that exceeds it is replaced. */
  memoryMb?: number;
  /** Path of the worker script; found next to this bundle by default. */
  script?: string;
  /** Where the pool says that it replaced a worker. */
  log?: (message: string) => void;
}

interface Pending {
  id: number;
  input: AnalysisInput;
  flag: Int32Array;
  cancel: SharedArrayBuffer;
  resolve: (r: AnalysisResult) => void;
  reject: (e: AnalysisError) => void;
}

/** The worker script beside the running bundle (`dist/report-worker.js`), or in `dist/` above the sources. */
export function findWorkerScript(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'report-worker.js'), join(dir, 'dist', 'report-worker.js')]) if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** One worker thread and the jobs sent to it, in the order it runs them. */
class Slot {
  worker!: Worker;
  readonly queue: Pending[] = [];
  keys = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly pool: ReportWorkers) {
    this.start();
  }

  start(): void {
    const { script, memoryMb } = this.pool.settings;
    this.worker = new Worker(script!, memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {});
    this.worker.unref();
    const worker = this.worker;
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.replace(worker, 'crashed', `the analysis worker crashed (${error.message})`));
    worker.on('exit', (code) => this.replace(worker, 'crashed', `the analysis worker exited with code ${code}`));
  }

  post(job: Pending): void {
    this.queue.push(job);
    // A worker with work keeps the process alive (the CLI awaits it); an idle one does not.
    this.worker.ref();
    this.worker.postMessage({ type: 'analyse', id: job.id, input: job.input, cancel: job.cancel } satisfies WorkerRequest);
    if (this.queue.length === 1) this.arm();
  }

  forget(key: string): void {
    this.worker.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }

  /** Starts the time limit of the job at the head of the queue (the one the worker is running). */
  private arm(): void {
    clearTimeout(this.timer);
    const head = this.queue[0];
    if (!head) return;
    const worker = this.worker;
    this.timer = setTimeout(() => this.replace(worker, 'timeout', `checking ${head.input.file} took longer than ${this.pool.settings.timeoutMs} ms`), this.pool.settings.timeoutMs);
    this.timer.unref();
  }

  private settle(reply: WorkerReply): void {
    const index = this.queue.findIndex((p) => p.id === reply.id);
    if (index === -1) return;
    const [job] = this.queue.splice(index, 1);
    if (reply.ok) job.resolve({ snapshot: reply.snapshot, ms: reply.ms });
    else job.reject(new AnalysisError(reply.cancelled ? 'cancelled' : 'failed', reply.message));
    if (this.queue.length === 0) this.worker.unref();
    this.arm();
  }

  /** Ends `worker` (if it is still the current one), fails its running job and resends the others to a new worker. */
  private replace(worker: Worker, reason: 'crashed' | 'timeout', why: string): void {
    if (worker !== this.worker || this.pool.disposed) return;
    clearTimeout(this.timer);
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    void worker.terminate();
    const [head, ...rest] = this.queue.splice(0);
    this.pool.settings.log?.(`Incident Scribe: ${why}${head ? ` while checking ${head.input.file}` : ''}; a new worker takes over.`);
    this.start();
    head?.reject(new AnalysisError(reason, why));
    for (const job of rest) this.post(job);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker.removeAllListeners();
    void this.worker.terminate();
    for (const job of this.queue.splice(0)) job.reject(new AnalysisError('cancelled', 'the analysis workers were stopped'));
  }
}

/** A fixed set of analysis workers (see the module comment). */
export class ReportWorkers {
  readonly settings: Required<Omit<ReportWorkersOptions, 'script' | 'memoryMb' | 'log'>> & Pick<ReportWorkersOptions, 'script' | 'memoryMb' | 'log'>;
  disposed = false;
  private readonly slots: Slot[] = [];
  private readonly assigned = new Map<string, Slot>();
  private readonly local = new ReportEngine();
  private nextId = 1;

  constructor(options: ReportWorkersOptions = {}) {
    const script = options.script ?? findWorkerScript();
    const threads = script ? (options.threads ?? Math.max(2, Math.min(4, availableParallelism()))) : 0;
    this.settings = { threads, timeoutMs: options.timeoutMs ?? 120_000, script, memoryMb: options.memoryMb, log: options.log };
  }

  /** Analyses one version of a document. */
  analyse(input: AnalysisInput): AnalysisJob {
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    let job!: Pending;
    const result = new Promise<AnalysisResult>((resolve, reject) => {
      job = { id: this.nextId++, input, flag, cancel, resolve, reject };
    });
    if (this.settings.threads === 0) this.runHere(job);
    else this.slotFor(input.key).post(job);
    return { result, cancel: () => Atomics.store(flag, 0, 1) };
  }

  /** Drops what the workers keep about a document. */
  forget(key: string): void {
    this.local.forget(key);
    const slot = this.assigned.get(key);
    if (!slot) return;
    slot.forget(key);
    slot.keys--;
    this.assigned.delete(key);
  }

  /** Stops every worker; queued jobs are cancelled. */
  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots) slot.dispose();
  }

  private slotFor(key: string): Slot {
    let slot = this.assigned.get(key);
    if (!slot) {
      if (this.slots.length < this.settings.threads) this.slots.push(new Slot(this));
      slot = this.slots.reduce((a, b) => (b.keys < a.keys ? b : a));
      slot.keys++;
      this.assigned.set(key, slot);
    }
    return slot;
  }

  /** Without workers: the same engine on this thread, after a turn of the event loop (so that a cancellation can arrive). */
  private runHere(job: Pending): void {
    setImmediate(() => {
      const token = { get isCancellationRequested() { return Atomics.load(job.flag, 0) !== 0; } };
      const started = performance.now();
      try {
        if (token.isCancellationRequested) throw new AnalysisError('cancelled', 'cancelled');
        job.resolve({ snapshot: this.local.analyse(job.input, token), ms: performance.now() - started });
      } catch (error) {
        if (error instanceof AnalysisError) job.reject(error);
        else if ((error as Error)?.name === 'CancelledError') job.reject(new AnalysisError('cancelled', 'cancelled'));
        else job.reject(new AnalysisError('failed', (error as Error)?.stack ?? String(error)));
      }
    });
  }
}
