/**
 * Entry point of an analysis worker thread (bundled as `dist/report-worker.js`), served through
 * the worker pool (`pool.ts`). It analyses the reports it is sent, one at a time, and answers with
 * plain snapshots. Each task carries a shared flag that the calling thread raises to cancel it:
 * the core polls it between steps, so a cancelled analysis stops early without losing the
 * worker and its caches.
 */
import type { CancellationToken } from '../core/types.js';
import { serveTasks } from './pool.js';
import { ReportEngine } from './report-engine.js';
import { runJob, type WorkerReply, type WorkerTask } from './report-workers.js';

const engine = new ReportEngine();

serveTasks((task: WorkerTask): WorkerReply => {
  if (task.type === 'forget') {
    engine.forget(task.key);
    return { cancelled: true };
  }
  const flag = new Int32Array(task.cancel);
  const token: CancellationToken = {
    get isCancellationRequested() {
      return Atomics.load(flag, 0) !== 0;
    },
  };
  if (token.isCancellationRequested) return { cancelled: true };
  try {
    return runJob(engine, task, token);
  } catch (error) {
    if ((error as Error)?.name === 'CancelledError') return { cancelled: true };
    throw error;
  }
});
