// Runs markdownlint (default rules) on one file in a worker thread, so that the benchmark can stop
// it when it takes too long: its synchronous API cannot be interrupted otherwise.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from 'markdownlint/sync';

const { file, runs } = workerData;
const text = readFileSync(file, 'utf8');
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const result = lint({ strings: { [file]: text } });
  const ms = performance.now() - start;
  parentPort.postMessage({ ms, findings: result[file].length });
}
