/**
 * The worker thread of the key scan (bundled as dist/keys-worker.js): parses and extracts the
 * batches of candidate PHP texts it is sent (the scan reads and prefilters them). It starts
 * loading the parser at once, while the scan reads the first files, from the compiled wasm
 * modules the scan hands every worker (its `workerData`), or from the files when there are none.
 */
import { workerData } from 'node:worker_threads';
import type { PhpWasm } from '../core/keys/parser.js';
import { parseCandidates, type ParseBatch } from './key-files.js';
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

serveTasks((batch: ParseBatch) => parseCandidates(batch, parser));
