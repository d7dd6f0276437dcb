// Runs markdownlint (default rules) in a worker thread, one lint per message, so that the
// benchmark can interleave it with our check and stop it when it takes too long: its synchronous
// API cannot be interrupted otherwise. Reports wall time and the process's CPU time.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { lint } from 'markdownlint/sync';

parentPort.on('message', (file) => {
  const text = readFileSync(file, 'utf8');
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = lint({ strings: { [file]: text } });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  parentPort.postMessage({ ms, cpuMs: (used.user + used.system) / 1000, findings: result[file].length });
});
