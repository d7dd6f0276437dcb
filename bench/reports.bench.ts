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

/** Our full check, with a fresh parser each run so the chunk cache never helps. */
function timeCheck(file: string, text: string, runs: number): Timing & { parseMs: number } {
  const times: number[] = [];
  const parses: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const parser = new MarkdownParser({ cacheEntries: 0 });
    const start = performance.now();
    findings = checkReport(file, text, parser, defaultConfig()).findings.length;
    times.push(performance.now() - start);
  }
  for (let i = 0; i < Math.min(runs, 3); i++) {
    gc();
    const start = performance.now();
    new MarkdownParser({ cacheEntries: 0 }).parse(text);
    parses.push(performance.now() - start);
  }
  return { ms: median(times), findings, parseMs: median(parses) };
}

/** markdownlint in a worker, stopped after {@link TIMEOUT_MS}. */
function timeMarkdownlint(file: string, runs: number): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./markdownlint-worker.mjs', import.meta.url), { workerData: { file, runs } });
    const times: number[] = [];
    let findings = 0;
    const started = performance.now();
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(times.length > 0 ? { ms: median(times), findings } : { stoppedAfterMs: performance.now() - started, findings: 0 });
    }, TIMEOUT_MS);
    worker.on('message', (m: { ms: number; findings: number }) => {
      times.push(m.ms);
      findings = m.findings;
      if (times.length === runs) {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ ms: median(times), findings });
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
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

  // Warm both up on a small report so the first measured size does not pay for JIT compilation.
  const warm = join(OUT, 'warmup.md');
  writeFileSync(warm, generateReport(20 * 1024, 99));
  timeCheck(warm, readFileSync(warm, 'utf8'), 12);
  await timeMarkdownlint(warm, 12);

  const rows: { bytes: number; label: string; ours: Timing & { parseMs: number }; ml: Timing }[] = [];
  for (const size of sizes) {
    const file = join(OUT, `report-${size.label.replace(' ', '')}.md`);
    writeFileSync(file, generateReport(size.bytes, size.bytes));
    const text = readFileSync(file, 'utf8');
    const ours = timeCheck(file, text, size.runs);
    const ml = await timeMarkdownlint(file, size.runs);
    rows.push({ bytes: Buffer.byteLength(text), label: size.label, ours, ml });
    console.log(`${size.label}: incident-scribe ${fmt(ours.ms)} (parse ${fmt(ours.parseMs)}, ${ours.findings} findings), markdownlint ${cellOf(ml)} (${ml.findings} findings)`);
  }

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
