/**
 * How the keystroke benchmark analyses a version. `session` (the default): the core's way, one
 * `ReportSession` per document. `worker` (BENCH_ENGINE=worker): what an analysis worker does per
 * version, the server's `ReportEngine` given a fresh copy of the configuration (as a worker
 * receives it with each task), and the snapshot serialized as `postMessage` does.
 */
import { serialize } from 'node:v8';
import type { ResolvedConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';
import { ReportSession } from '../server/src/core/report/session.js';
import { ReportEngine } from '../server/src/node/report-engine.js';

export function createEngine(config: ResolvedConfig, mode = process.env.BENCH_ENGINE ?? 'session'): { check(text: string): number } {
  if (mode === 'worker') {
    const engine = new ReportEngine();
    return {
      check: (text) => {
        const snapshot = engine.analyse({ key: 'bench.md', file: 'bench.md', text, config: structuredClone(config) });
        serialize(snapshot);
        return snapshot.findings.length;
      },
    };
  }
  const session = new ReportSession(new MarkdownParser());
  return { check: (text) => session.check('bench.md', text, config).findings.length };
}
