/**
 * Entry point of an analysis worker thread (bundled as `dist/report-worker.js`), served through
 * the worker pool (`pool.ts`). It analyses the reports it is sent, one at a time, and answers with
 * plain snapshots. Each task carries a shared flag that the calling thread raises to cancel it:
 * the core polls it between steps, so a cancelled analysis stops early without losing the
 * worker and its caches. The overview's charts (half of what the bundle would weigh) are loaded
 * from their own bundle by the first overview job, so that a worker starts sooner.
 */
import type { CancellationToken } from '../core/types.js';
import { serveTasks } from './pool.js';
import { ReportEngine } from './report-engine.js';
import { runJob, type RenderOverview, type WorkerReply, type WorkerTask } from './report-job.js';

const engine = new ReportEngine();

/** The overview's renderer, from `overview-export.js` beside this bundle (the source when run unbundled). */
let renderer: Promise<RenderOverview> | undefined;
function overviewRenderer(): Promise<RenderOverview> {
  const file = import.meta.url.endsWith('.ts') ? './overview-export.ts' : './overview-export.js';
  const url = new URL(file, import.meta.url).href;
  renderer ??= (import(url) as Promise<typeof import('./overview-export.js')>).then((m) => m.exportOverview);
  return renderer;
}

serveTasks(async (task: WorkerTask): Promise<WorkerReply> => {
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
  const render = task.type === 'overview' ? await overviewRenderer() : undefined;
  try {
    return runJob(engine, task, token, render);
  } catch (error) {
    if ((error as Error)?.name === 'CancelledError') return { cancelled: true };
    throw error;
  }
});
