/**
 * Times the full check of one incident report (parse, model, every rule: core `checkReport`)
 * next to markdownlint with its default rules, on the same generated files in the same run, at
 * 10 KB, 100 KB, 1 MB and 5 MB. Prints the times, their ratio and how time grows with size.
 *
 * The machine is shared, so both are measured run by run in turn (the same load for both), and
 * CPU time is reported next to wall time: it moves far less with the load of other processes.
 *
 * Environment: BENCH_SIZES=10k,100k (subset), BENCH_TIMEOUT_S=60 (markdownlint cap per lint).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkReport } from '../server/src/core/check.js';
import { defaultConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';
import { generateReport } from './report-generator.js';

const SIZES: { label: string; key: string; bytes: number; runs: number }[] = [
  { label: '10 KB', key: '10k', bytes: 10 * 1024, runs: 15 },
  { label: '100 KB', key: '100k', bytes: 100 * 1024, runs: 5 },
  { label: '1 MB', key: '1m', bytes: 1024 * 1024, runs: 2 },
  { label: '5 MB', key: '5m', bytes: 5 * 1024 * 1024, runs: 1 },
];
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 60) * 1000;
const OUT = join(import.meta.dirname, '..', '.bench-tmp');

/** One measured call. */
interface Sample {
  ms: number;
  cpuMs: number;
  findings: number;
}

/** Medians of the samples of one tool at one size; `stopped` when markdownlint hit the cap. */
interface Timing {
  ms?: number;
  cpuMs?: number;
  findings: number;
  stopped?: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarize(samples: Sample[]): Timing {
  if (samples.length === 0) return { findings: 0, stopped: true };
  return { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), findings: samples[samples.length - 1].findings };
}

/** No forced GC before a call: its background sweeping would be billed to the call (and only ours: markdownlint has its own heap). */
function measureSync(fn: () => number): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const findings = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, findings };
}

/** markdownlint in a worker thread; a lint that outlives {@link TIMEOUT_MS} is stopped. */
class Markdownlint {
  private worker = Markdownlint.spawn();

  private static spawn(): Worker {
    return new Worker(new URL('./markdownlint-worker.mjs', import.meta.url));
  }

  /** One lint of `file`; undefined when it was stopped. */
  lint(file: string): Promise<Sample | undefined> {
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        void worker.terminate();
        this.worker = Markdownlint.spawn();
        resolve(undefined);
      }, TIMEOUT_MS);
      worker.once('message', (m: Sample) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        resolve(m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
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
 * Our check and markdownlint in turn, run by run. The parser keeps no chunk trees (cacheEntries
 * 0), so every run parses the whole text as a first check does; its processor is reused, as in
 * the language server and within one CLI run, and as markdownlint reuses its own.
 */
async function measure(file: string, runs: number, markdownlint: Markdownlint) {
  const text = readFileSync(file, 'utf8');
  const parser = new MarkdownParser({ cacheEntries: 0 });
  const config = defaultConfig();
  const ours: Sample[] = [];
  const theirs: Sample[] = [];
  let stopped = false;
  for (let i = 0; i < runs; i++) {
    ours.push(measureSync(() => checkReport(file, text, parser, config).findings.length));
    if (stopped) continue;
    const sample = await markdownlint.lint(file);
    if (sample) theirs.push(sample);
    else stopped = true;
  }
  const parses = Array.from({ length: Math.min(runs, 3) }, () => measureSync(() => parser.parse(text).children.length));
  return { bytes: Buffer.byteLength(text), ours: summarize(ours), parse: summarize(parses), ml: summarize(theirs) };
}

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`);
// The cap is on wall time: a stopped lint's CPU time is unknown.
const cell = (t: Timing, key: 'ms' | 'cpuMs') => (t.stopped ? (key === 'ms' ? `> ${TIMEOUT_MS / 1000} s (stopped)` : '(stopped)') : fmt(t[key]));
const ratio = (a: number | undefined, b: Timing, key: 'ms' | 'cpuMs') =>
  a === undefined ? '—' : b.stopped ? (key === 'ms' ? `< ${(a / TIMEOUT_MS).toFixed(2)}×` : '—') : b[key] ? `${(a / b[key]!).toFixed(2)}×` : '—';
/** Growth exponent between two sizes: time ∝ size^k. */
const exponent = (s1: number, t1: number | undefined, s2: number, t2: number | undefined) =>
  t1 === undefined || t2 === undefined ? '—' : (Math.log(t2 / t1) / Math.log(s2 / s1)).toFixed(2);

async function run(): Promise<void> {
  const wanted = process.env.BENCH_SIZES?.toLowerCase().split(',').map((s) => s.trim().replace(/\s|b$/g, ''));
  const sizes = SIZES.filter((s) => !wanted || wanted.includes(s.key));
  mkdirSync(OUT, { recursive: true });
  const markdownlint = new Markdownlint();
  // Warm both up on a small report so the first measured size does not pay for JIT compilation.
  const warm = join(OUT, 'warmup.md');
  writeFileSync(warm, generateReport(20 * 1024, 99));
  await measure(warm, 12, markdownlint);

  const rows = [];
  for (const size of sizes) {
    const file = join(OUT, `report-${size.key}.md`);
    writeFileSync(file, generateReport(size.bytes, size.bytes));
    const row = { ...size, ...(await measure(file, size.runs, markdownlint)) };
    rows.push(row);
    console.log(`${size.label}: incident-scribe ${fmt(row.ours.ms)} wall / ${fmt(row.ours.cpuMs)} CPU (${row.ours.findings} findings), markdownlint ${cell(row.ml, 'ms')} wall / ${cell(row.ml, 'cpuMs')} CPU (${row.ml.findings} findings)`);
  }
  await markdownlint.close();

  const lines = [
    '',
    '| size | runs | check, wall | check, CPU | of which parse, CPU | markdownlint, wall | markdownlint, CPU | check / markdownlint (wall) | (CPU) | check CPU per MB | markdownlint CPU per MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const mb = r.bytes / (1024 * 1024);
    lines.push(
      `| ${r.label} | ${r.runs} | ${fmt(r.ours.ms)} | ${fmt(r.ours.cpuMs)} | ${fmt(r.parse.cpuMs)} | ${cell(r.ml, 'ms')} | ${cell(r.ml, 'cpuMs')} | ${ratio(r.ours.ms, r.ml, 'ms')} | ${ratio(r.ours.cpuMs, r.ml, 'cpuMs')} | ${fmt(r.ours.cpuMs! / mb)} | ${r.ml.cpuMs === undefined ? '—' : fmt(r.ml.cpuMs / mb)} |`,
    );
  }
  lines.push('', 'Growth between consecutive sizes, time ∝ size^k (k = 1: linear), from CPU time:', '', '| from → to | check k | markdownlint k |', '| --- | --- | --- |');
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    lines.push(`| ${a.label} → ${b.label} | ${exponent(a.bytes, a.ours.cpuMs, b.bytes, b.ours.cpuMs)} | ${exponent(a.bytes, a.ml.cpuMs, b.bytes, b.ml.cpuMs)} |`);
  }
  console.log(lines.join('\n'));
  console.log(`\nnode ${process.version}, markdownlint cap ${TIMEOUT_MS / 1000} s per lint, medians of the runs; CPU time is the process's (GC threads included); files in .bench-tmp/`);
}

// Runs when imported (or started directly): bench/run.ts starts each bench file in its own process.
await run();
