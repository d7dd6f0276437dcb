/**
 * The worker thread of the key scan (bundled as dist/keys-worker.js): reads, prefilters and
 * parses the batches of PHP files it is sent. It starts loading the parser at once, while the
 * first files are read.
 */
import { analyzeFiles, type AnalyzeTask } from './key-files.js';
import { serveTasks } from './pool.js';
import { loadPhpParser } from './php-wasm.js';

// Loaded eagerly; a failure (even a synchronous one, a missing wasm file) surfaces as the error
// of the first batch that needs parsing, not as a crash of the worker.
Promise.resolve()
  .then(loadPhpParser)
  .catch(() => undefined);

serveTasks((task: AnalyzeTask) => analyzeFiles(task, loadPhpParser));
