/**
 * The worker thread of the key scan (bundled as dist/keys-worker.js): reads, prefilters and
 * parses the batches of PHP files it is sent. It starts loading the parser at once, while the
 * first files are read, from the compiled wasm modules the scan hands every worker (its
 * `workerData`), or from the files when there are none.
 */
import { workerData } from 'node:worker_threads';
import type { PhpWasm } from '../core/keys/parser.js';
import { analyzeFiles, type AnalyzeTask } from './key-files.js';
import { serveTasks } from './pool.js';
import { loadPhpParser } from './php-wasm.js';

/** What the scan passes to each worker. */
export interface KeysWorkerData {
  wasm?: PhpWasm;
}

const wasm = (workerData as KeysWorkerData | undefined)?.wasm;
const parser = () => loadPhpParser(wasm);

// Loaded eagerly; a failure (even a synchronous one, a missing wasm file) surfaces as the error
// of the first batch that needs parsing, not as a crash of the worker.
Promise.resolve()
  .then(parser)
  .catch(() => undefined);

serveTasks((task: AnalyzeTask) => analyzeFiles(task, parser));
