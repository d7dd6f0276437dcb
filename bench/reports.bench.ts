/**
 * Times the full check of one incident report (parse, model, every rule: core `checkReport`)
 * next to markdownlint with its default rules, on the same generated files in the same run, at
 * 10 KB, 100 KB, 1 MB and 5 MB. Prints the times, their ratio and how time grows with size.
 *
 * Environment: BENCH_SIZES=10k,100k (subset), BENCH_TIMEOUT_S=60 (markdownlint cap per size).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkReport } from '../server/src/core/check.js';
import { defaultConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';
import { generateReport } from './report-generator.js';

const SIZES: { label: string; bytes: number; runs: number }[] = [
  { label: '10 KB', bytes: 10 * 1024, runs: 15 },
  { label: '100 KB', bytes: 100 * 1024, runs: 5 },
  { label: '1 MB', bytes: 1024 * 1024, runs: 2 },
  { label: '5 MB', bytes: 5 * 1024 * 1024, runs: 1 },
];
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 60) * 1000;
const OUT = join(import.meta.dirname, '..', '.bench-tmp');

interface Timing {
  /** Median of the runs, in ms; undefined when stopped. */
  ms?: number;
  stoppedAfterMs?: number;
  findings: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * One run of our full check. The parser keeps no chunk trees (cacheEntries 0), so every run parses
 * the whole text, as the first check of a document does; its processor is reused, as in the
 * language server and in one CLI run, and as markdownlint reuses its own.
 */
function checkOnce(file: string, text: string, parser: MarkdownParser): { ms: number; findings: number } {
  gc();
  const start = performance.now();
  const findings = checkReport(file, text, parser, defaultConfig()).findings.length;
  return { ms: performance.now() - start, findings };
}

function parseOnce(text: string, parser: MarkdownParser): number {
  gc();
  const start = performance.now();
  parser.parse(text);
  return performance.now() - start;
}

/** markdownlint in a worker thread; a lint that outlives {@link TIMEOUT_MS} is stopped. */
class Markdownlint {
  private worker = this.spawn();

  private spawn(): Worker {
    return new Worker(new URL('./markdownlint-worker.mjs', import.meta.url));
  }

  /** One lint of `file`; undefined when it was stopped. */
  lint(file: string, timeoutMs: number): Promise<{ ms: number; findings: number } | undefined> {
    return new Promise((resolve, reject) => {
      const worker = this.worker;
      const done = () => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
      };
      const timer = setTimeout(() => {
        done();
        void worker.terminate();
        this.worker = this.spawn();
        resolve(undefined);
      }, timeoutMs);
      worker.once('message', (m: { ms: number; findings: number }) => {
        done();
        resolve(m);
      });
      worker.once('error', (e) => {
        done();
        reject(e);
      });
      worker.postMessage(file);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Alternates our check and markdownlint run by run, so that both see the same machine load (the
 * machine is shared); parse-only runs follow.
 */
async function measure(file: string, runs: number, markdownlint: Markdownlint) {
  const text = readFileSync(file, 'utf8');
  const ours: number[] = [];
  const theirs: number[] = [];
  let findings = 0;
  let mlFindings = 0;
  let stoppedAfterMs: number | undefined;
  const parser = new MarkdownParser({ cacheEntries: 0 });
  for (let i = 0; i < runs; i++) {
    const run = checkOnce(file, text, parser);
    ours.push(run.ms);
    findings = run.findings;
    if (stoppedAfterMs !== undefined) continue;
    const ml = await markdownlint.lint(file, TIMEOUT_MS);
    if (ml) {
      theirs.push(ml.ms);
      mlFindings = ml.findings;
    } else stoppedAfterMs = TIMEOUT_MS;
  }
  const parses = Array.from({ length: Math.min(runs, 3) }, () => parseOnce(text, parser));
  const ourTiming: Timing & { parseMs: number } = { ms: median(ours), findings, parseMs: median(parses) };
  const mlTiming: Timing = theirs.length > 0 ? { ms: median(theirs), findings: mlFindings } : { stoppedAfterMs, findings: 0 };
  return { text, ours: ourTiming, ml: mlTiming };
}

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const cellOf = (t: Timing) => (t.ms !== undefined ? fmt(t.ms) : `> ${Math.round((t.stoppedAfterMs ?? TIMEOUT_MS) / 1000)} s (stopped)`);

/** Growth exponent between two points: time ∝ size^k. */
const exponent = (s1: number, t1: number | undefined, s2: number, t2: number | undefined) =>
  t1 === undefined || t2 === undefined ? '—' : (Math.log(t2 / t1) / Math.log(s2 / s1)).toFixed(2);

export default async function run(): Promise<void> {
  const wanted = process.env.BENCH_SIZES?.split(',').map((s) => s.trim().toLowerCase().replace(/\s/g, ''));
  const sizes = SIZES.filter((s) => !wanted || wanted.includes(s.label.toLowerCase().replace(/\s/g, '').replace('kb', 'k').replace('mb', 'm')));
  mkdirSync(OUT, { recursive: true });

  const markdownlint = new Markdownlint();
  // Warm both up on a small report so the first measured size does not pay for JIT compilation.
  const warm = join(OUT, 'warmup.md');
  writeFileSync(warm, generateReport(20 * 1024, 99));
  await measure(warm, 12, markdownlint);

  const rows: { bytes: number; label: string; ours: Timing & { parseMs: number }; ml: Timing }[] = [];
  for (const size of sizes) {
    const file = join(OUT, `report-${size.label.replace(' ', '')}.md`);
    writeFileSync(file, generateReport(size.bytes, size.bytes));
    const { text, ours, ml } = await measure(file, size.runs, markdownlint);
    rows.push({ bytes: Buffer.byteLength(text), label: size.label, ours, ml });
    console.log(`${size.label}: incident-scribe ${fmt(ours.ms)} (parse ${fmt(ours.parseMs)}, ${ours.findings} findings), markdownlint ${cellOf(ml)} (${ml.findings} findings)`);
  }
  await markdownlint.close();

  const lines = [
    '',
    `| size | runs | incident-scribe check | of which parse | markdownlint | check / markdownlint | check per MB | markdownlint per MB |`,
    `| --- | --- | --- | --- | --- | --- | --- | --- |`,
  ];
  for (const [i, r] of rows.entries()) {
    const mb = r.bytes / (1024 * 1024);
    const ratio = r.ours.ms !== undefined && r.ml.ms !== undefined ? `${(r.ours.ms / r.ml.ms).toFixed(2)}×` : r.ml.ms === undefined ? '< ' + (r.ours.ms! / (r.ml.stoppedAfterMs ?? TIMEOUT_MS)).toFixed(2) + '×' : '—';
    lines.push(
      `| ${r.label} | ${sizes[i].runs} | ${fmt(r.ours.ms)} | ${fmt(r.ours.parseMs)} | ${cellOf(r.ml)} | ${ratio} | ${fmt(r.ours.ms! / mb)} | ${r.ml.ms === undefined ? '—' : fmt(r.ml.ms / mb)} |`,
    );
  }
  lines.push('', 'Growth, time ∝ size^k between consecutive sizes (1.00 = linear):', '', '| from → to | incident-scribe k | markdownlint k |', '| --- | --- | --- |');
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    lines.push(`| ${a.label} → ${b.label} | ${exponent(a.bytes, a.ours.ms, b.bytes, b.ours.ms)} | ${exponent(a.bytes, a.ml.ms, b.bytes, b.ml.ms)} |`);
  }
  console.log(lines.join('\n'));
  console.log(`\nnode ${process.version}, markdownlint cap ${TIMEOUT_MS / 1000} s per size; medians of the runs; files in .bench-tmp/`);
}
