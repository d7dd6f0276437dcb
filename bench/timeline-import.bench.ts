/**
 * Timeline import benchmark: a generated IRC log of 100,000 lines (bouncer style,
 * `[HH:MM:SS] <nick> text`, with joins, actions and day-change lines, over six days that span a
 * daylight saving change in America/Los_Angeles) is imported:
 *
 * - **read**: detect, parse, place in UTC (IANA zone), window and sort, in process;
 * - **merge**: the same, merged into a report whose timeline has a few entries;
 * - **cli**: `incident-scribe timeline import LOG --zone America/Los_Angeles --into REPORT
 *   --dry-run` through `dist/cli.js`, a whole process, as a user runs it.
 *
 * Prints medians of TL_BENCH_RUNS (5) runs, wall and CPU time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';
import { buildReport } from '../server/src/core/report/model.js';
import { importTimeline } from '../server/src/core/timeline-import/index.js';
import { random } from './random.js';

const LINES = Number(process.env.TL_BENCH_LINES ?? 100_000);
const RUNS = Number(process.env.TL_BENCH_RUNS ?? 5);
const ROOT = join(import.meta.dirname, '..');
const dir = join(ROOT, '.bench-tmp', 'timeline-import');

const NICKS = ['ilse', 'ravi', 'quill', 'maren', 'tobit', 'oda', 'fenwick', 'sable', 'juno', 'perrin'];
const WORDS = ['the', 'queue', 'broker', 'latency', 'looks', 'fine', 'on', 'shard', 'restart', 'graph', 'p95', 'deploy', 'host', 'checking', 'errors', 'dropping', 'T400120', 'backlog', 'now', 'again'];

/** The log: a day-change line per day, then lines a few seconds apart. */
function generateLog(lines: number): string {
  const next = random(7);
  const out: string[] = ['--- Log opened Thu Mar 07 00:00:00 2024'];
  let seconds = 0;
  let day = 7;
  while (out.length < lines) {
    seconds += 1 + Math.floor(next() * 9);
    if (seconds >= 86_400) {
      seconds -= 86_400;
      day++;
      out.push(`--- Day changed ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][(day + 0) % 7]} Mar ${String(day).padStart(2, '0')} 2024`);
      continue;
    }
    const t = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const nick = NICKS[Math.floor(next() * NICKS.length)];
    const r = next();
    if (r < 0.05) out.push(`[${t}] *** Joins: ${nick} (~${nick}@host)`);
    else if (r < 0.08) out.push(`[${t}] * ${nick} ${WORDS[Math.floor(next() * WORDS.length)]} the dashboards`);
    else {
      const words = Array.from({ length: 4 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]);
      out.push(`[${t}] <${nick}> ${words.join(' ')}`);
    }
  }
  return out.join('\n') + '\n';
}

const REPORT = `# Queue stall\n\n## Timeline\n\nAll times in UTC.\n\n- 2024-03-08 10:00 The broker upgrade starts.\n- 2024-03-10 12:00 Rollback finished.\n- 2024-03-12 09:00 Incident closed.\n`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(work: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

mkdirSync(dir, { recursive: true });
const log = generateLog(LINES);
const logPath = join(dir, 'ops.log');
const reportPath = join(dir, 'report.md');
writeFileSync(logPath, log);
writeFileSync(reportPath, REPORT);
const input = { name: 'ops.log', files: [{ name: 'ops.log', text: log }] };
const options = { zone: 'America/Los_Angeles' };
const parser = new MarkdownParser();

const rows: string[] = [];
const report = (name: string, runs: { ms: number; cpuMs: number }[], note: string) =>
  rows.push(`| ${name} | ${runs.length} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(2)} s | ${note} |`);

importTimeline([input], options); // warm-up
const read = Array.from({ length: RUNS }, () => time(() => importTimeline([input], options)));
report('read', read, `${read[0].value.read} entries, ${read[0].value.ignored} status lines`);
const merged = Array.from({ length: RUNS }, () =>
  time(() => importTimeline([input], { ...options, since: '2024-03-07', until: '2024-03-14' }, buildReport('report.md', REPORT, parser, defaultConfig()))),
);
report('merge', merged, `${merged[0].value.merge!.added.length} entries added, ${merged[0].value.merge!.text.length} characters`);
const cli = Array.from({ length: RUNS }, () =>
  time(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'timeline', 'import', logPath, '--zone', 'America/Los_Angeles', '--into', reportPath, '--dry-run'], { maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`cli exited with ${r.status}: ${r.stderr.toString()}`);
    return r.stdout.length;
  }),
);
// The child's CPU is not this process's: only wall time means something for the CLI row.
report('cli (dist/cli.js, whole process)', cli.map((c) => ({ ms: c.ms, cpuMs: Number.NaN })), `default window of the report: ${Math.round(cli[0].value / 1024)} KB of diff`);

console.log(`${LINES} IRC lines (${(log.length / 1024 / 1024).toFixed(1)} MB), Node ${process.version}, load average ${loadavg()[0].toFixed(1)}\n`);
console.log('| step | runs | wall (median) | CPU (median) | what |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row.replace('NaN s', '—'));
