/**
 * The language server as a user feels it: `dist/server.js --stdio` driven by a real JSON-RPC
 * client that initializes like VS Code (pull diagnostics), opens a generated report of 10 KB,
 * 100 KB and 1 MB, and types one character into the middle of its timeline every 100 ms. After
 * each keystroke it pulls diagnostics and asks for a hover on a nearby timeline entry; a
 * keystroke is done when a full report answers a pull sent at or after it (the server answers a
 * pull for the document's version then, or a newer one). Printed per size: cold open (open →
 * first full report) and, of it, the server's analysis of the opened version (wall and the worker
 * thread's CPU time, which moves less with the machine's load), keystroke → fresh diagnostics p50/p95, the server's intentional wait before it
 * analyses a new version (part of that latency, printed on its own), the server's own analysis
 * time per keystroke, wall and the worker thread's CPU time (from its `incidentScribe/analysisStats`
 * request), hover latency, and the server process's resident memory after the open and after the
 * keystrokes (worker threads included; Linux only). Then
 * hovers on a 10 KB report while a 1 MB report is opened and analysed.
 *
 * Environment: BENCH_SIZES=10k,100k,1m (subset), BENCH_KEYS=30 (keystrokes per size),
 * BENCH_REPEATS=1 (whole runs; medians of the per-run figures are printed), BENCH_SERVER=path of
 * another build of the server (to compare two builds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ANALYSIS_STATS_REQUEST, type AnalysisStats } from '../server/src/protocol.js';
import { generateReport } from './report-generator.js';

const SERVER = process.env.BENCH_SERVER ?? join(import.meta.dirname, '..', 'dist', 'server.js');
const SIZES = [
  { label: '10 KB', key: '10k', bytes: 10 * 1024 },
  { label: '100 KB', key: '100k', bytes: 100 * 1024 },
  { label: '1 MB', key: '1m', bytes: 1024 * 1024 },
];
const KEYS = Number(process.env.BENCH_KEYS ?? 30);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 1);
const TYPING_MS = 100;

/** The capabilities VS Code sends that change what the server does. */
const CAPABILITIES = {
  textDocument: {
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
    publishDiagnostics: { relatedInformation: true, versionSupport: false },
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true },
  },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  window: { workDoneProgress: true },
};

interface Server {
  connection: MessageConnection;
  child: ChildProcess;
  folder: string;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh']) {
    connection.onRequest(method, () => null);
  }
  connection.onNotification(() => undefined);
  connection.listen();
  const folder = mkdtempSync(join(tmpdir(), 'incident-scribe-bench-'));
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: CAPABILITIES });
  await connection.sendNotification('initialized', {});
  return { connection, child, folder };
}

async function stopServer(server: Server): Promise<void> {
  await server.connection.sendRequest('shutdown').catch(() => undefined);
  await server.connection.sendNotification('exit').catch(() => undefined);
  await Promise.race([new Promise((r) => server.child.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
  if (server.child.exitCode === null) server.child.kill();
  server.connection.dispose();
  rmSync(server.folder, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pulls until a full report arrives (a cancelled pull is retried). */
async function pullFull(connection: MessageConnection, uri: string): Promise<void> {
  for (;;) {
    try {
      const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string };
      if (report.kind === 'full') return;
    } catch {
      // cancelled by the server (ContentModified or RequestCancelled): ask again
    }
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const median = (values: number[]) => percentile(values, 50);

/** Lines of `text` that are bulleted timeline entries, and the one in the middle of the timeline. */
function timelineLines(text: string): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (/^- \*\*\d\d:\d\d\*\*/.test(line)) out.push(i);
  });
  return out;
}

interface SizeResult {
  coldOpenMs: number;
  /** The server's own analysis of the opened version, wall and the worker thread's CPU. */
  coldAnalysisMs: number;
  coldAnalysisCpuMs: number;
  keystrokeP50: number;
  keystrokeP95: number;
  analysisP50: number;
  analysisP95: number;
  analysisCpuP50: number;
  analysisCpuP95: number;
  analysesSeen: number;
  hoverP50: number;
  hoverP95: number;
  pullDelayMs: number;
  /** Resident memory of the server process after the open and after the last keystroke. */
  rssOpenMb: number;
  rssTypedMb: number;
}

/** Resident set size of a process in MB, from /proc (NaN where there is none). */
function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? NaN : Number(kb) / 1024;
  } catch {
    return NaN;
  }
}

async function stats(connection: MessageConnection): Promise<AnalysisStats | undefined> {
  try {
    return (await connection.sendRequest(ANALYSIS_STATS_REQUEST)) as AnalysisStats;
  } catch {
    return undefined;
  }
}

async function measureSize(bytes: number): Promise<SizeResult> {
  const server = await startServer();
  const { connection } = server;
  try {
    const uri = pathToFileURL(join(server.folder, 'incidents', 'bench.md')).href;
    const text = generateReport(bytes);
    const entries = timelineLines(text);
    const line = entries[entries.length >> 1];
    const hoverLine = entries[(entries.length >> 1) + 1] ?? line;
    const column = text.split('\n')[line].length >> 1;

    let started = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await pullFull(connection, uri);
    const coldOpenMs = performance.now() - started;
    const rssOpenMb = rssMb(server.child.pid);

    // Keystrokes: each one is done when a full report answers a pull sent at or after it.
    const sentAt: number[] = [];
    const doneAt: (number | undefined)[] = [];
    const hovers: number[] = [];
    const pulls: Promise<void>[] = [];
    const hoverDone: Promise<void>[] = [];
    for (let i = 0; i < KEYS; i++) {
      const tick = performance.now();
      const version = i + 2;
      sentAt[i] = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: column + i }, end: { line, character: column + i } }, text: 'x' }],
      });
      const index = i;
      pulls.push(
        (connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ kind: string }>).then(
          (report) => {
            if (report.kind !== 'full') return;
            const now = performance.now();
            for (let k = 0; k <= index; k++) doneAt[k] ??= now;
          },
          () => undefined,
        ),
      );
      const hoverStart = performance.now();
      hoverDone.push(
        (connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 4 } }) as Promise<unknown>).then(
          () => void hovers.push(performance.now() - hoverStart),
          () => undefined,
        ),
      );
      await sleep(Math.max(0, TYPING_MS - (performance.now() - tick)));
    }
    await Promise.all([...pulls, ...hoverDone]);
    // A pull that failed leaves its keystroke to the next full report.
    if (doneAt[KEYS - 1] === undefined) {
      await pullFull(connection, uri);
      const now = performance.now();
      for (let k = 0; k < KEYS; k++) doneAt[k] ??= now;
    }
    const latencies = sentAt.map((t, i) => doneAt[i]! - t);
    const rssTypedMb = rssMb(server.child.pid);
    const serverStats = await stats(connection);
    const opened = serverStats?.timings.find((t) => t.uri === uri && t.version === 1);
    const timings = (serverStats?.timings ?? []).filter((t) => t.uri === uri && t.version > 1);
    const analyses = timings.map((t) => t.ms);
    const cpu = timings.flatMap((t) => (t.cpuMs === undefined ? [] : [t.cpuMs]));
    started = performance.now();
    return {
      coldOpenMs,
      coldAnalysisMs: opened?.ms ?? NaN,
      coldAnalysisCpuMs: opened?.cpuMs ?? NaN,
      keystrokeP50: median(latencies),
      keystrokeP95: percentile(latencies, 95),
      analysisP50: median(analyses),
      analysisP95: percentile(analyses, 95),
      analysisCpuP50: cpu.length ? median(cpu) : NaN,
      analysisCpuP95: cpu.length ? percentile(cpu, 95) : NaN,
      analysesSeen: analyses.length,
      hoverP50: median(hovers),
      hoverP95: percentile(hovers, 95),
      pullDelayMs: serverStats?.pullDelayMs ?? NaN,
      rssOpenMb,
      rssTypedMb,
    };
  } finally {
    await stopServer(server);
  }
}

/** Hovers on a small report, every 10 ms, while a 1 MB report is opened and analysed. */
async function hoverDuringBigAnalysis(): Promise<{ p50: number; p95: number; count: number; analysisMs: number }> {
  const server = await startServer();
  const { connection } = server;
  try {
    const small = pathToFileURL(join(server.folder, 'incidents', 'small.md')).href;
    const smallText = generateReport(10 * 1024, 2);
    const hoverLine = timelineLines(smallText)[3];
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'markdown', version: 1, text: smallText } });
    await pullFull(connection, small);
    const big = pathToFileURL(join(server.folder, 'incidents', 'big.md')).href;
    const started = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'markdown', version: 1, text: generateReport(1024 * 1024, 3) } });
    let done = false;
    // Every hover sent before the big report's diagnostics arrived counts, however late it answers.
    const bigDone = pullFull(connection, big).then(() => void (done = true));
    const hovers: number[] = [];
    while (!done) {
      const t = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: hoverLine, character: 4 } });
      hovers.push(performance.now() - t);
      await sleep(10);
    }
    await bigDone;
    return { p50: median(hovers), p95: percentile(hovers, 95), count: hovers.length, analysisMs: performance.now() - started };
  } finally {
    await stopServer(server);
  }
}

const mb = (v: number) => (Number.isNaN(v) ? 'n/a' : `${Math.round(v)} MB`);
const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

export default async function main(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const wanted = process.env.BENCH_SIZES?.split(',');
  const sizes = SIZES.filter((s) => !wanted || wanted.includes(s.key));
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Node ${process.version}, load average ${load()}; ${KEYS} keystrokes every ${TYPING_MS} ms; ${REPEATS} run(s), medians of the runs`);
  const rows: string[] = [];
  for (const size of sizes) {
    const runs: SizeResult[] = [];
    for (let r = 0; r < REPEATS; r++) runs.push(await measureSize(size.bytes));
    const m = (key: keyof SizeResult) => median(runs.map((x) => x[key]));
    rows.push(
      `| ${size.label} | ${ms(m('coldOpenMs'))} | ${ms(m('coldAnalysisMs'))} / ${ms(m('coldAnalysisCpuMs'))} | ${ms(m('keystrokeP50'))} / ${ms(m('keystrokeP95'))} | ${ms(m('pullDelayMs'))} | ${ms(m('analysisP50'))} / ${ms(m('analysisP95'))} (${m('analysesSeen')}) | ${ms(m('analysisCpuP50'))} / ${ms(m('analysisCpuP95'))} | ${ms(m('hoverP50'))} / ${ms(m('hoverP95'))} | ${mb(m('rssOpenMb'))} → ${mb(m('rssTypedMb'))} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  const during = [];
  for (let r = 0; r < REPEATS; r++) during.push(await hoverDuringBigAnalysis());
  console.log('\n| report | cold open | of which the analysis, wall / CPU | keystroke → fresh diagnostics p50 / p95 | of which intentional wait | server analysis per keystroke p50 / p95 (analyses) | of which CPU p50 / p95 | hover after an edit p50 / p95 | server memory, opened → typed |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(
    `\nHover on a 10 KB report while a 1 MB report is opened and analysed: p50 ${ms(median(during.map((d) => d.p50)))}, p95 ${ms(median(during.map((d) => d.p95)))} (${median(during.map((d) => d.count))} hovers during ${ms(median(during.map((d) => d.analysisMs)))})`,
  );
  console.log(`load average at the end ${load()}`);
}
