// Runs markdownlint (default rules) in a worker thread, one lint per message, so that the
// benchmark can interleave it with our check and stop it when it takes too long: its synchronous
// API cannot be interrupted otherwise.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { lint } from 'markdownlint/sync';

parentPort.on('message', (file) => {
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  const result = lint({ strings: { [file]: text } });
  const ms = performance.now() - start;
  parentPort.postMessage({ ms, findings: result[file].length });
});
