/**
 * The jobs of the report analysis workers (`report-workers.ts`) and how one runs, in a worker
 * (`report-worker.ts`) or on the calling thread. Apart from the pool, so that a worker's bundle
 * holds only what it runs: the overview's charts are loaded by the first overview job.
 */
import type { ExportFormat, OverviewFormat, OverviewInput } from '../core/export/index.js';
import type { CancellationToken } from '../core/types.js';
import type { SessionStats } from '../core/report/session.js';
import type { ReportEngine, AnalysisInput, OverviewFile } from './report-engine.js';
import type { ReportSnapshot } from './report-snapshot.js';
import { threadCpuMs } from './thread-cpu.js';
import { ownerHelp, type ParseHelpEnd } from './parse-help.js';

/** A job for a worker, besides forgetting a document. */
export type JobTask =
  | { type: 'analyse'; input: AnalysisInput; help?: ParseHelpEnd }
  | { type: 'help'; text: string; end: ParseHelpEnd }
  | { type: 'export'; input: ExportInput; format: ExportFormat }
  | { type: 'overview'; files: OverviewFile[]; format: OverviewFormat; now: number };

/** A task for a worker: a job with the flag that cancels it, or forgetting a document. */
export type WorkerTask = (JobTask & { cancel: SharedArrayBuffer }) | { type: 'forget'; key: string };

/** What a job gives: an analysis, or the text of an export (with the files an overview could not read). */
export type JobReply = { snapshot: ReportSnapshot; ms: number; cpuMs?: number; stats?: SessionStats } | { content: string; skipped?: { path: string; reason: string }[] } | { helped: number };

/** A worker's answer. */
export type WorkerReply = JobReply | { cancelled: true };

/** One report to export: an open document has a `key` (its session is used). */
export type ExportInput = Omit<AnalysisInput, 'key' | 'fixAll'> & { key?: string };

/** Renders an overview from its reports (`exportOverview`): passed in, so that a worker loads the charts only for an overview. */
export type RenderOverview = (inputs: readonly OverviewInput[], format: OverviewFormat, now: number) => string;

/** Runs a job on `engine`, in a worker or on the calling thread; an overview is rendered by `renderOverview`. */
export function runJob(engine: ReportEngine, task: JobTask, token: CancellationToken, renderOverview?: RenderOverview): JobReply {
  if (task.type === 'export') return { content: engine.exportReport(task.input, task.format, token) };
  if (task.type === 'overview') {
    if (!renderOverview) throw new Error('an overview needs its renderer');
    return engine.overview(task.files, task.format, task.now, renderOverview, token);
  }
  if (task.type === 'help') return { helped: engine.helpParse(task.text, task.end) };
  const started = performance.now();
  const cpu = threadCpuMs();
  const snapshot = engine.analyse(task.input, token, task.help && ownerHelp(task.help));
  const cpuAfter = threadCpuMs();
  return { snapshot, ms: performance.now() - started, cpuMs: cpu === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpu, stats: engine.stats(task.input.key) };
}
