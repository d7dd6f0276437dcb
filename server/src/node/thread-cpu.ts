/**
 * CPU time of the calling thread, where the system says it: on a machine shared with other
 * work, wall time measures the machine's load as much as the analysis, and `process.cpuUsage()`
 * counts every thread of the process. Linux keeps it per thread in `/proc/thread-self/schedstat`
 * (nanoseconds on a CPU, first field).
 */
import { readFileSync } from 'node:fs';

let available = process.platform === 'linux';

/** Milliseconds this thread has run on a CPU so far, or undefined where that is not known. */
export function threadCpuMs(): number | undefined {
  if (!available) return undefined;
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    available = false;
    return undefined;
  }
}
