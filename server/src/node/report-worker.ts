/**
 * Entry point of an analysis worker thread (bundled as `dist/report-worker.js`). It analyses the
 * reports it is sent, one at a time, and answers with plain snapshots. Each job carries a shared
 * flag that the main thread raises to cancel it: the core polls it between steps, so a stale or
 * cancelled analysis stops early instead of running to its end.
 */
import { parentPort } from 'node:worker_threads';
import type { CancellationToken } from '../core/types.js';
import { ReportEngine } from './report-engine.js';
import type { WorkerReply, WorkerRequest } from './report-workers.js';

const engine = new ReportEngine();
const port = parentPort;
if (!port) throw new Error('report-worker.js runs as a worker thread');

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    engine.forget(request.key);
    return;
  }
  const flag = new Int32Array(request.cancel);
  const token: CancellationToken = {
    get isCancellationRequested() {
      return Atomics.load(flag, 0) !== 0;
    },
  };
  let reply: WorkerReply;
  const started = performance.now();
  try {
    if (token.isCancellationRequested) throw Object.assign(new Error('cancelled'), { name: 'CancelledError' });
    const snapshot = engine.analyse(request.input, token);
    reply = { id: request.id, ok: true, snapshot, ms: performance.now() - started };
  } catch (error) {
    const cancelled = (error as Error)?.name === 'CancelledError';
    reply = { id: request.id, ok: false, cancelled, message: cancelled ? 'cancelled' : ((error as Error)?.stack ?? String(error)) };
  }
  port.postMessage(reply);
});
