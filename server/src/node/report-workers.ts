/**
 * Report analysis in worker threads, for the language server and the CLI, on the worker pool
 * (`pool.ts`). The calling thread only posts text and configuration and gets plain snapshots
 * back, so it stays free to answer requests. A document always goes to the same worker (a pool
 * of one thread per slot): its parse cache and previous state live there. A job can be cancelled
 * while queued or running (the core polls a shared flag, so the worker and its caches stay); a
 * worker that crashes or runs past the time limit is replaced by the pool, with a log line, and
 * the jobs queued behind it run on the new one.
 */
import { availableParallelism } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from './pool.js';
import type { ExportFormat, OverviewFormat } from '../core/export/index.js';
import { exportOverview } from '../core/export/index.js';
import { ReportEngine, type AnalysisInput, type OverviewFile } from './report-engine.js';
import { runJob, type ExportInput, type JobReply, type JobTask, type WorkerReply, type WorkerTask } from './report-job.js';
import type { ReportSnapshot } from './report-snapshot.js';
import type { SessionStats } from '../core/report/session.js';
import { shareParse } from './parse-help.js';

/**
 * A document's first version this large is parsed by two workers when another one is idle
 * (`parse-help.ts`): below it, sharing costs about what it saves.
 */
export const SHARED_PARSE_MIN_CHARS = 64 * 1024;

/** An analysis that finished. */
export interface AnalysisResult {
  snapshot: ReportSnapshot;
  /** Time of the analysis itself, without the wait in the queue. */
  ms: number;
  /** CPU time of the analysis, where the system reports it (`thread-cpu.ts`). */
  cpuMs?: number;
  /** What the document's session did (chunks read again). */
  stats?: SessionStats;
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

/** A submitted analysis: its outcome, and ways to stop it. */
export interface AnalysisJob {
  readonly result: Promise<AnalysisResult>;
  /** Stops the job wherever it is: it rejects as cancelled. */
  cancel(): void;
  /**
   * Cancels the job only if its worker has not started it. A running analysis is let finish: its
   * snapshot still answers hovers, and the next one can reuse its state.
   */
  withdraw(): void;
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
  /** Where the workers say that one of them was replaced. */
  log?: (message: string) => void;
}

interface Pending {
  task: JobTask;
  /** Objects of the task that move to the worker. */
  transfer?: MessagePort[];
  /** What the job is about, for log lines. */
  what: string;
  flag: Int32Array;
  cancel: SharedArrayBuffer;
  /** The worker (or this thread) is running it. */
  running: boolean;
  resolve: (r: JobReply) => void;
  reject: (e: AnalysisError) => void;
}

/** A submitted job: its outcome, and ways to stop it. */
export interface Job<T> {
  readonly result: Promise<T>;
  /** Stops the job wherever it is: it rejects as cancelled. */
  cancel(): void;
  /** Cancels the job only if its worker has not started it. */
  withdraw(): void;
}

/** The worker script beside the running bundle (`dist/report-worker.js`), or in `dist/` above the sources. */
export function findWorkerScript(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'report-worker.js'), join(dir, 'dist', 'report-worker.js')]) if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** One worker thread and the jobs for it, run one at a time in order. */
class Slot {
  readonly pool: WorkerPool<WorkerTask, WorkerReply>;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  keys = 0;

  constructor(private readonly owner: ReportWorkers) {
    const { script, memoryMb } = owner.settings;
    this.pool = new WorkerPool(script!, { size: 1, name: 'report analysis', workerOptions: memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {} });
  }

  post(job: Pending): void {
    this.queue.push(job);
    this.next();
  }

  /** Nothing running or queued. */
  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  forget(key: string): void {
    this.pool.run({ type: 'forget', key }).catch(() => undefined);
  }

  private next(): void {
    if (this.running || this.owner.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    if (Atomics.load(job.flag, 0) !== 0) {
      job.reject(new AnalysisError('cancelled', 'cancelled'));
      this.next();
      return;
    }
    this.running = job;
    job.running = true;
    const { timeoutMs, log } = this.owner.settings;
    // The pool abandons a task whose token is cancelled by replacing its worker: that is how a
    // hang ends.
    let timedOut = false;
    const timer = setTimeout(() => void (timedOut = true), timeoutMs);
    const token = { get isCancellationRequested() { return timedOut; } };
    this.pool
      .run({ ...job.task, cancel: job.cancel }, token, job.transfer)
      .then(
        (reply) => ('cancelled' in reply ? job.reject(new AnalysisError('cancelled', 'cancelled')) : job.resolve(reply)),
        (error: Error) => {
          if (this.owner.disposed) return job.reject(new AnalysisError('cancelled', 'the analysis workers were stopped'));
          if (timedOut) {
            const why = `${job.what} took longer than ${timeoutMs} ms`;
            log?.(`Incident Scribe: ${why}; the analysis worker was stopped and a new worker takes over.`);
            return job.reject(new AnalysisError('timeout', why));
          }
          if (/ worker stopped: /.test(error.message)) {
            log?.(`Incident Scribe: ${error.message} while ${job.what}; a new worker takes over.`);
            return job.reject(new AnalysisError('crashed', error.message));
          }
          log?.(`Incident Scribe: ${job.what} failed: ${error.stack ?? error.message}`);
          job.reject(new AnalysisError('failed', error.message));
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.running = undefined;
        this.next();
      });
  }

  dispose(): void {
    for (const job of this.queue.splice(0)) job.reject(new AnalysisError('cancelled', 'the analysis workers were stopped'));
    void this.pool.close();
  }
}

/** A fixed set of analysis workers (see the module comment). */
export class ReportWorkers {
  readonly settings: Required<Omit<ReportWorkersOptions, 'script' | 'memoryMb' | 'log'>> & Pick<ReportWorkersOptions, 'script' | 'memoryMb' | 'log'>;
  disposed = false;
  private readonly slots: Slot[] = [];
  private readonly assigned = new Map<string, Slot>();
  private readonly local = new ReportEngine();

  constructor(options: ReportWorkersOptions = {}) {
    const script = options.script ?? findWorkerScript();
    const threads = script ? (options.threads ?? Math.max(2, Math.min(4, availableParallelism()))) : 0;
    this.settings = { threads, timeoutMs: options.timeoutMs ?? 120_000, script, memoryMb: options.memoryMb, log: options.log };
  }

  /**
   * Analyses one version of a document. The first version of a large document is parsed by its
   * worker and an idle one together (`parse-help.ts`).
   */
  analyse(input: AnalysisInput): AnalysisJob {
    const first = this.settings.threads >= 2 && !this.assigned.has(input.key) && input.text.length >= SHARED_PARSE_MIN_CHARS;
    const helper = first ? this.idleSlotBesides(this.slotFor(input.key)) : undefined;
    if (!helper) return this.submit<AnalysisResult>(input.key, { type: 'analyse', input }, `checking ${input.file}`);
    const { owner, helper: end } = shareParse();
    helper.post(this.pending({ type: 'help', text: input.text, end }, `parsing part of ${input.file}`, [end.port]).job);
    return this.submit<AnalysisResult>(input.key, { type: 'analyse', input, help: owner }, `checking ${input.file}`, [owner.port]);
  }

  /** Exports one report, on the worker of its document when it is open (`input.key`). */
  exportReport(input: ExportInput, format: ExportFormat): Job<string> {
    const job = this.submit<{ content: string }>(input.key ?? input.file, { type: 'export', input, format }, `exporting ${input.file}`);
    return { ...job, result: job.result.then((r) => r.content) };
  }

  /** The overview of several reports; those read from disk that cannot be read are `skipped`. */
  overview(files: OverviewFile[], format: OverviewFormat, now: number): Job<{ content: string; skipped: { path: string; reason: string }[] }> {
    const job = this.submit<{ content: string; skipped?: { path: string; reason: string }[] }>('overview', { type: 'overview', files, format, now }, 'building the overview');
    return { ...job, result: job.result.then((r) => ({ content: r.content, skipped: r.skipped ?? [] })) };
  }

  private submit<T extends JobReply>(key: string, task: JobTask, what: string, transfer?: MessagePort[]): Job<T> {
    const { job, result } = this.pending<T>(task, what, transfer);
    const flag = job.flag;
    if (this.settings.threads === 0) this.runHere(job);
    else this.slotFor(key).post(job);
    return {
      result,
      cancel: () => Atomics.store(flag, 0, 1),
      // The worker reads the flag before it starts a job; once it has started, the job runs on.
      withdraw: () => {
        if (!job.running) Atomics.store(flag, 0, 1);
      },
    };
  }

  private pending<T extends JobReply>(task: JobTask, what: string, transfer?: MessagePort[]): { job: Pending; result: Promise<T> } {
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    let job!: Pending;
    const result = new Promise<T>((resolve, reject) => {
      job = { task, what, transfer, flag, cancel, running: false, resolve: resolve as (r: JobReply) => void, reject };
    });
    // Nobody waits for a helper's result; its failure is logged by the slot and changes nothing.
    if (task.type === 'help') result.catch(() => undefined);
    return { job, result };
  }

  /** A worker other than `owner` with nothing to do (started now if there are fewer than allowed). */
  private idleSlotBesides(owner: Slot): Slot | undefined {
    return this.newSlot() ?? this.slots.find((s) => s !== owner && s.idle);
  }

  /** A new worker, when there are fewer than allowed. */
  private newSlot(): Slot | undefined {
    if (this.slots.length >= this.settings.threads) return undefined;
    const slot = new Slot(this);
    this.slots.push(slot);
    return slot;
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
      this.newSlot();
      slot = this.slots.reduce((a, b) => (b.keys < a.keys ? b : a));
      slot.keys++;
      this.assigned.set(key, slot);
    }
    return slot;
  }

  /** Without workers: the same engine on this thread, after a turn of the event loop (so that a cancellation can arrive). */
  private runHere(job: Pending): void {
    setImmediate(() => {
      job.running = true;
      const token = { get isCancellationRequested() { return Atomics.load(job.flag, 0) !== 0; } };
      try {
        if (token.isCancellationRequested) throw new AnalysisError('cancelled', 'cancelled');
        job.resolve(runJob(this.local, job.task, token, exportOverview));
      } catch (error) {
        if (error instanceof AnalysisError) job.reject(error);
        else if ((error as Error)?.name === 'CancelledError') job.reject(new AnalysisError('cancelled', 'cancelled'));
        else {
          this.settings.log?.(`Incident Scribe: ${job.what} failed: ${(error as Error)?.stack ?? String(error)}`);
          job.reject(new AnalysisError('failed', (error as Error)?.message ?? String(error)));
        }
      }
    });
  }
}
