/**
 * Core analysis per keystroke: a report is checked once, then one character is typed into (and
 * removed from) the middle of its timeline, again and again, and each new version is analysed
 * the way the language server does it (the same analysis state kept from one version to the
 * next). Prints the cold check and p50 / p95 / max per keystroke at 10 KB, 100 KB and 1 MB, for
 * the large honest reports (20,000 timeline entries, 10,000 actionables) and the cold check of
 * hostile inputs. Percentiles of wall time and of CPU time (`process.cpuUsage()`, which moves far
 * less than wall time on a shared machine); the machine load is printed alongside.
 *
 * Environment: BENCH_KEYSTROKES=40 (per size), BENCH_CASES=10k,1m,... (subset by name),
 * BENCH_ENGINE=worker (per version, all an analysis worker does: `keystroke-engine.ts`).
 */
import { loadavg } from 'node:os';
import { defaultConfig } from '../server/src/core/config/config.js';
import { createEngine } from './keystroke-engine.js';
import { hostile, longTimeline, manyActionables } from './keystroke-inputs.js';
import { generateReport } from './report-generator.js';

const KEYS = Number(process.env.BENCH_KEYSTROKES ?? 40);
const ONLY = process.env.BENCH_CASES?.split(',');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms: number) => (ms >= 1000 ? (ms / 1000).toFixed(2) + ' s' : ms.toFixed(ms < 10 ? 2 : 1) + ' ms');

/** Where to type: inside an entry near the middle of the timeline. */
function editPoint(text: string): number {
  const timeline = text.indexOf('## Timeline');
  const end = text.indexOf('\n## ', timeline + 5);
  const middle = timeline + Math.floor(((end < 0 ? text.length : end) - timeline) / 2);
  const entry = text.indexOf('\n- ', middle);
  return entry < 0 ? middle : entry + 12;
}

interface Row {
  name: string;
  bytes: number;
  cold: number;
  p50?: number;
  p95?: number;
  max?: number;
  cpuP50?: number;
  cpuP95?: number;
  findings: number;
}

function run(name: string, text: string, keystrokes: number): Row {
  const config = defaultConfig();
  const engine = createEngine(config);
  const start = performance.now();
  let findings = engine.check(text);
  const cold = performance.now() - start;
  const times: number[] = [];
  const cpu: number[] = [];
  const at = editPoint(text);
  for (let i = 0; i < keystrokes; i++) {
    // Type a letter, then delete it: the document stays the same size.
    const next = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    findings = engine.check(next);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return {
    name,
    bytes: text.length,
    cold,
    findings,
    ...(times.length ? { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) } : {}),
  };
}

const CASES: { name: string; make: () => string; keystrokes: number }[] = [
  { name: '10k', make: () => generateReport(10 * 1024), keystrokes: KEYS },
  { name: '100k', make: () => generateReport(100 * 1024), keystrokes: KEYS },
  { name: '1m', make: () => generateReport(1024 * 1024), keystrokes: Math.max(10, KEYS / 2) },
  { name: 'timeline-20000', make: () => longTimeline(20000), keystrokes: Math.max(10, KEYS / 2) },
  { name: 'actionables-10000', make: () => manyActionables(10000), keystrokes: 0 },
  { name: 'emphasis-20k', make: () => hostile('emphasis', 20 * 1024), keystrokes: 0 },
  { name: 'quotes-20000', make: () => hostile('quotes', 20000), keystrokes: 0 },
  { name: 'nested-list-250k', make: () => hostile('nested-list', 250 * 1024), keystrokes: 0 },
  { name: 'wide-table-100k', make: () => hostile('wide-table', 100 * 1024), keystrokes: 0 },
];

export default async function main(): Promise<void> {
  console.log(`Node ${process.version}, engine ${process.env.BENCH_ENGINE ?? "session"}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| case | size | cold check | keystroke p50 | p95 | max | CPU p50 | CPU p95 | findings |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const c of CASES) {
    if (ONLY && !ONLY.includes(c.name)) continue;
    const row = run(c.name, c.make(), c.keystrokes);
    const ks = row.p50 === undefined ? '— | — | — | — | —' : `${fmt(row.p50)} | ${fmt(row.p95!)} | ${fmt(row.max!)} | ${fmt(row.cpuP50!)} | ${fmt(row.cpuP95!)}`;
    console.log(`| ${row.name} | ${(row.bytes / 1024).toFixed(0)} KB | ${fmt(row.cold)} | ${ks} | ${row.findings} |`);
  }
  console.log(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
