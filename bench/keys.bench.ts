/**
 * Key scan benchmark: a generated MediaWiki-shaped workspace of 5,000 PHP files, scanned into
 * the key index (list, read, prefilter, parse, extract) and checked, next to a plain read of the
 * same files in the same process. Prints files per second, total time and peak memory.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../server/src/core/config/config.js';
import { checkIndexedFiles, scanKeyFiles } from '../server/src/node/key-scan.js';
import { collectFiles } from '../server/src/node/walk.js';
import { loadPhpParser } from '../server/src/node/php-wasm.js';
import { generateWorkspace } from './keys-workspace.js';

const FILES = Number(process.env.KEYS_BENCH_FILES ?? 5000);
const WITH_KEYS = Number(process.env.KEYS_BENCH_WITH_KEYS ?? 300);
const RUNS = Number(process.env.KEYS_BENCH_RUNS ?? 5);
const dir = join(import.meta.dirname, '..', '.bench-tmp', 'keys-workspace');

/** Runs `work` while sampling the resident set size; returns time and peak RSS. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, cpuMs: (used.user + used.system) / 1000, peakMb: peak / 1024 / 1024, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const generated = generateWorkspace(dir, FILES, WITH_KEYS);
const config = defaultConfig();
const listed = () => collectFiles({ root: dir, config, paths: [dir], cwd: dir, collect: { php: true, reports: false } });
const files = (await listed()).php;
const parserLoad = await measure(() => loadPhpParser());

async function plainRead(): Promise<number> {
  let chars = 0;
  for (let at = 0; at < files.length; at += 16) {
    const texts = await Promise.all(files.slice(at, at + 16).map((f) => readFile(f, 'utf8')));
    for (const t of texts) chars += t.length;
  }
  return chars;
}

await plainRead(); // Warm the page cache so that both sides read from memory.
const reads: number[] = [];
const scans: number[] = [];
const checks: number[] = [];
const readCpu: number[] = [];
const scanCpu: number[] = [];
let peakRead = 0;
let peakScan = 0;
let parsed = 0;
let findings = 0;
for (let run = 0; run < RUNS; run++) {
  const read = await measure(plainRead);
  reads.push(read.ms);
  readCpu.push(read.cpuMs);
  peakRead = Math.max(peakRead, read.peakMb);
  const scan = await measure(async () => scanKeyFiles((await listed()).php, { builders: config.keys }));
  scans.push(scan.ms);
  scanCpu.push(scan.cpuMs);
  peakScan = Math.max(peakScan, scan.peakMb);
  parsed = scan.value.parsed;
  const check = await measure(async () => checkIndexedFiles(scan.value.index, config));
  checks.push(check.ms);
  findings = check.value.length;
}

const read = median(reads);
const scan = median(scans);
const check = median(checks);
const mb = generated.bytes / 1024 / 1024;
console.log(`workspace: ${generated.files} files, ${mb.toFixed(1)} MB, ${WITH_KEYS} with keys; ${parsed} parsed after the text prefilter`);
console.log(`parser load (once per process): ${parserLoad.ms.toFixed(0)} ms`);
console.log(`plain read:        ${read.toFixed(0)} ms (CPU ${median(readCpu).toFixed(0)} ms)  ${((files.length / read) * 1000).toFixed(0)} files/s  peak RSS ${peakRead.toFixed(0)} MB`);
console.log(
  `scan (index):      ${scan.toFixed(0)} ms (CPU ${median(scanCpu).toFixed(0)} ms)  ${((files.length / scan) * 1000).toFixed(0)} files/s  peak RSS ${peakScan.toFixed(0)} MB  ` +
    `(${(scan / read).toFixed(2)}x plain read; CPU ${(median(scanCpu) / median(readCpu)).toFixed(2)}x)`,
);
console.log(`scan + all rules:  ${(scan + check).toFixed(0)} ms  ${((files.length / (scan + check)) * 1000).toFixed(0)} files/s  ${findings} findings  (${((scan + check) / read).toFixed(2)}x plain read)`);
console.log(`median of ${RUNS} runs (the first warms the JIT); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; aim: scan within 4x of the plain read`);
