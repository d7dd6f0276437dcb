/**
 * The PHP key scan on a real MediaWiki install. The path comes from `BENCH_MEDIAWIKI` (the folder
 * with `includes/`); without it the benchmark says so and does nothing. For MediaWiki core's
 * `includes/` and for the whole install it prints, in one run: the files, the candidate files
 * parsed, the cold scan (no persistent index: read and prefilter in the calling thread, parse and
 * extract in worker threads and, once every file is read, in the calling thread too),
 * the warm scan (persistent index loaded from disk, nothing changed), the walk that lists the files (apart), a one-file re-index (read,
 * parse, extract, update the index in the calling thread, as the server does on a file change),
 * the peak resident memory of the process (worker threads included), and a plain Node read +
 * regex of the same files in one thread. Figures are medians of `BENCH_RUNS` runs (default 5); the
 * runs share this process, so from the second on the calling thread's code is already compiled
 * (the workers start cold every time).
 * Then, to say where the time goes: the start of one worker (its fixed cost), and the CPU of each
 * phase of a scan of every file in this thread.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../server/src/core/config/config.js';
import { rangesToParse } from '../server/src/core/keys/body-ranges.js';
import { analyzePhp } from '../server/src/core/keys/check.js';
import { extractKeys, type BuilderNames } from '../server/src/core/keys/extract.js';
import { keysToData } from '../server/src/core/keys/keys-data.js';
import type { PhpParser } from '../server/src/core/keys/parser.js';
import { keyPrefilter } from '../server/src/core/keys/prefilter.js';
import { checkIndexedFiles, scanKeyFiles, type KeyScan } from '../server/src/node/key-scan.js';
import { loadCache, saveCache } from '../server/src/node/key-cache.js';
import { decodeSource } from '../server/src/node/key-files.js';
import { loadPhpParser } from '../server/src/node/php-wasm.js';
import { collectFiles } from '../server/src/node/walk.js';

const ROOT = process.env.BENCH_MEDIAWIKI;
// The worker thread users run (npm run bench builds it first), not the sources through tsx.
const WORKER = join(import.meta.dirname, '..', 'dist', 'keys-worker.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);

/** Times `work`, sampling the resident set size meanwhile. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  return { ms: elapsed, cpuMs: (used.user + used.system) / 1000, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, value };
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * Where the CPU of a scan goes, file by file in this thread: read, decode, prefilter, choosing the
 * parts of a candidate to parse, parse, extraction (the key query and the steps).
 */
function phases(files: readonly string[], builders: BuilderNames, parser: PhpParser): Record<string, number> {
  const out: Record<string, number> = { read: 0, decode: 0, prefilter: 0, 'parts to parse': 0, parse: 0, extract: 0 };
  const pass = keyPrefilter(builders);
  const names = [...builders.localBuilders, ...builders.globalBuilders];
  const time = <T>(phase: string, work: () => T): T => {
    const start = cpuMs();
    const value = work();
    out[phase] += cpuMs() - start;
    return value;
  };
  for (const file of files) {
    const bytes = time('read', () => readFileSync(file));
    const text = time('decode', () => decodeSource(bytes));
    if (!time('prefilter', () => pass(text))) continue;
    const ranges = time('parts to parse', () => rangesToParse(text, names));
    const tree = time('parse', () => (ranges ? parser.parseRanges(text, ranges) : parser.parse(text)));
    time('extract', () => keysToData(extractKeys(parser, tree, text, file, builders)));
    tree.delete();
  }
  return out;
}

async function bench(label: string, dir: string): Promise<void> {
  const config = defaultConfig();
  const builders = config.keys;
  const files = (await collectFiles({ root: dir, config, paths: [dir], cwd: dir, collect: { php: true, reports: false } })).php;
  const tmp = join(import.meta.dirname, '..', '.bench-tmp', 'mediawiki-index');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const cacheFile = join(tmp, 'keys.json');
  const stamp = { tool: 'bench', settings: 'default' };
  const pattern = /makeKey|makeGlobalKey/;

  const plainRead = async () => {
    let hits = 0;
    for (let at = 0; at < files.length; at += 16) {
      const texts = await Promise.all(files.slice(at, at + 16).map((f) => readFile(f, 'utf8')));
      for (const t of texts) if (pattern.test(t)) hits++;
    }
    return hits;
  };
  await plainRead(); // The page cache is warm for every side.
  const parser = await loadPhpParser();

  const rows: Record<string, number[]> = { read: [], readCpu: [], cold: [], coldCpu: [], warm: [], warmCpu: [], peak: [], reindex: [], reindexCpu: [], walk: [], walkCpu: [] };
  let scan: KeyScan | undefined;
  for (let run = 0; run < RUNS; run++) {
    const walked = await measure(() => collectFiles({ root: dir, config, paths: [dir], cwd: dir, collect: { php: true, reports: false } }));
    rows.walk.push(walked.ms);
    rows.walkCpu.push(walked.cpuMs);
    const read = await measure(plainRead);
    rows.read.push(read.ms);
    rows.readCpu.push(read.cpuMs);
    const cold = await measure(() => scanKeyFiles(files, { builders, workerScript: WORKER }));
    rows.cold.push(cold.ms);
    rows.coldCpu.push(cold.cpuMs);
    rows.peak.push(cold.peakMb);
    scan = cold.value;
    saveCache(cacheFile, dir, stamp, scan.entries, Date.now());
    const warm = await measure(() => scanKeyFiles(files, { builders, workerScript: WORKER, cache: loadCache(cacheFile, dir, stamp).entries }));
    rows.warm.push(warm.ms);
    rows.warmCpu.push(warm.cpuMs);
    if (warm.value.read !== 0) throw new Error(`the warm scan read ${warm.value.read} files`);
  }
  if (!scan) return;
  // One-file re-index: the candidate file of median size, as the server re-reads it after a change.
  const parsedFiles = scan.index.files().filter((f) => scan!.entries.get(f)?.keys);
  const bySize = parsedFiles.map((f) => ({ f, size: scan!.entries.get(f)!.size })).sort((a, b) => a.size - b.size);
  const typical = bySize[Math.floor(bySize.length / 2)];
  for (let run = 0; run < Math.max(RUNS, 9); run++) {
    const one = await measure(async () => scan!.index.setFile(analyzePhp(parser, typical.f, decodeSource(readFileSync(typical.f)), builders)));
    rows.reindex.push(one.ms);
    rows.reindexCpu.push(one.cpuMs);
  }
  const largest = bySize.at(-1)!;
  const t = performance.now();
  scan.index.setFile(analyzePhp(parser, largest.f, decodeSource(readFileSync(largest.f)), builders));
  const largestMs = performance.now() - t;
  const findings = checkIndexedFiles(scan.index, config).length;
  // The fixed cost of a worker: start, load the parser, compile the key query, one small candidate.
  const smallest = bySize[0];
  const startups = [];
  for (let run = 0; run < 3; run++) startups.push(await measure(() => scanKeyFiles([smallest.f], { builders, workerScript: WORKER, workers: 1 })));
  const startup = startups.sort((a, b) => a.cpuMs - b.cpuMs)[1];
  const breakdown = phases(files, builders, parser);
  const mb = files.reduce((n, f) => n + (scan!.entries.get(f)?.size ?? 0), 0) / 1024 / 1024;

  console.log(`${label}: ${dir}`);
  console.log(`  files:                ${files.length} PHP files, ${mb.toFixed(1)} MB; the walk that finds them: ${ms(median(rows.walk))} (CPU ${ms(median(rows.walkCpu))})`);
  console.log(`  candidates parsed:    ${scan.parsed} (${scan.problems.length} files unusable); ${findings} findings`);
  console.log(`  plain read + regex:   ${ms(median(rows.read))} (CPU ${ms(median(rows.readCpu))})`);
  console.log(
    `  cold scan:            ${ms(median(rows.cold))} (CPU ${ms(median(rows.coldCpu))}, all threads); ${(median(rows.cold) / median(rows.read)).toFixed(2)}x the plain read (CPU ${(median(rows.coldCpu) / median(rows.readCpu)).toFixed(2)}x)`,
  );
  console.log(`  warm scan:            ${ms(median(rows.warm))} (CPU ${ms(median(rows.warmCpu))}), index loaded from disk included`);
  console.log(`  one-file re-index:    ${ms(median(rows.reindex))} (CPU ${ms(median(rows.reindexCpu))}; ${(typical.size / 1024).toFixed(0)} KB, the median candidate); largest candidate ${ms(largestMs)} (${(largest.size / 1024).toFixed(0)} KB)`);
  console.log(`  peak memory (RSS):    ${median(rows.peak).toFixed(0)} MB during the cold scan`);
  console.log(`  one worker's start:   ${ms(startup.ms)} (CPU ${ms(startup.cpuMs)}): thread, parser, key query, one ${(smallest.size / 1024).toFixed(0)} KB candidate`);
  const total = Object.values(breakdown).reduce((a, b) => a + b, 0);
  console.log(`  CPU by phase:         ${Object.entries(breakdown).map(([phase, t]) => `${phase} ${ms(t)}`).join(', ')} (one thread, ${ms(total)})`);
  console.log(`  median of ${RUNS} runs; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  rmSync(tmp, { recursive: true, force: true });
}

export default async function main(): Promise<void> {
  if (!ROOT || !existsSync(join(ROOT, 'includes'))) {
    console.log('mediawiki.bench: skipped; set BENCH_MEDIAWIKI to a MediaWiki install (the folder with includes/) to run it');
    return;
  }
  await bench('MediaWiki core includes/', join(ROOT, 'includes'));
  await bench('whole install', ROOT);
}
