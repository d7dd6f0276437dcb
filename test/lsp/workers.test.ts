/**
 * Report analysis runs in worker threads: the server answers while a large report is analysed,
 * drops results of versions edited meanwhile, answers cancellations at once, and replaces a
 * worker that hangs or crashes. Ordering is asserted, never wall time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type Hover } from 'vscode-languageserver-protocol';
import { ANALYSIS_STATS_REQUEST, type AnalysisStats } from '../../server/src/protocol.js';
import { largeReport } from '../helpers/large-report.js';
import { ROOT, TestClient, waitFor } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'defects.md'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** Records the order in which promises settle. */
function recorder() {
  const order: string[] = [];
  const track = <T>(name: string, promise: Promise<T>) =>
    promise.finally(() => {
      order.push(name);
    });
  return { order, track };
}

async function analysesOf(client: TestClient, uri: string): Promise<number[]> {
  const stats = await client.request<AnalysisStats>(ANALYSIS_STATS_REQUEST, null);
  return stats.timings.filter((t) => t.uri === uri).map((t) => t.version);
}

test('hovers answer while a 1 MB report is analysed, on another report and on the report itself', async () => {
  const client = await TestClient.spawn();
  try {
    const small = client.uri('incidents/small.md');
    await client.open(small, DEFECTS);
    await client.pull(small);
    const big = client.uri('incidents/big.md');
    const bigText = largeReport(1024 * 1024);
    await client.open(big, bigText);
    const { order, track } = recorder();
    const bigPull = track('big diagnostics', client.pull(big));
    const hover = await track('hover', client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: lineOf(DEFECTS, '[detected]'), character: 6 } }));
    assert.match(JSON.stringify(hover?.contents), /8 min after the impact start/);
    await bigPull;
    assert.deepEqual(order, ['hover', 'big diagnostics'], 'the hover did not wait for the analysis');

    // Typing in the big report: a hover on it answers from the last analysis while the edited
    // version is analysed.
    const entryLine = lineOf(bigText, 'Step 3:');
    await client.change(big, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: 'Edited. ' }]);
    const again = recorder();
    const pull = again.track('big diagnostics', client.pull(big));
    const bigHover = await again.track('hover', client.request<Hover | null>('textDocument/hover', { textDocument: { uri: big }, position: { line: entryLine, character: 4 } }));
    assert.match(JSON.stringify(bigHover?.contents), /3 min after the impact start/);
    await pull;
    assert.deepEqual(again.order, ['hover', 'big diagnostics']);
  } finally {
    await client.stop();
  }
});

test('a pull never answers with the result of an older version still being analysed', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/big.md');
    const text = largeReport(256 * 1024);
    await client.open(uri, text);
    await client.pull(uri);
    const line = lineOf(text, 'Caches went cold.');
    const at = { line, character: 0 };
    // Version 2 blames someone; version 3, sent while version 2 is analysed, says TODO instead.
    // The pull comes after version 3: the analysis of version 2 finishes first, and is not its answer.
    await client.change(uri, [{ range: { start: at, end: at }, text: 'It was human error. ' }]);
    await client.change(uri, [{ range: { start: at, end: { line, character: 'It was human error. '.length } }, text: 'TODO. ' }]);
    const diagnostics = await client.pull(uri);
    assert.ok(!diagnostics.some((d) => d.code === 'style/blame'), 'no finding of version 2');
    assert.ok(diagnostics.some((d) => d.code === 'report/placeholder'), 'the findings of version 3');
    assert.deepEqual(await analysesOf(client, uri), [1, 2, 3], 'version 2 was analysed to its end, and dropped');
  } finally {
    await client.stop();
  }
});

test('a cancelled pull answers at once; its analysis goes on and the next pull reuses it', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/big.md');
    await client.open(uri, largeReport(1024 * 1024));
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(pending, (error) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    assert.deepEqual(await analysesOf(client, uri), [], 'the cancellation was answered before the analysis finished');
    const diagnostics = await client.pull(uri);
    assert.ok(diagnostics.some((d) => d.code === 'report/missing-section'));
    assert.deepEqual(await analysesOf(client, uri), [1], 'one analysis served both requests');
  } finally {
    await client.stop();
  }
});

test('a worker that runs past the time limit is replaced; the report gets one finding and the others are checked', async () => {
  const client = await TestClient.spawn({ args: ['--analysis-threads=1', '--analysis-timeout=1500'] });
  try {
    const big = client.uri('incidents/huge.md');
    await client.open(big, largeReport(6 * 1024 * 1024));
    const diagnostics = await client.pull(big);
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /not checked: checking .*huge\.md took longer than 1500 ms/);
    await waitFor('the log line', () => client.logs.find((l) => /took longer than 1500 ms.*a new worker takes over/.test(l)));
    const small = client.uri('incidents/small.md');
    await client.open(small, DEFECTS);
    assert.ok((await client.pull(small)).some((d) => d.code === 'report/empty-section'), 'the new worker checks the next report');
    assert.equal(client.child!.exitCode, null, 'the server is alive');
  } finally {
    await client.stop();
  }
});

test('a worker that runs out of memory is replaced with a log line, and the server carries on', async () => {
  const client = await TestClient.spawn({ args: ['--analysis-threads=1', '--analysis-memory=24'] });
  try {
    // Under the default report size limit (8 MB), so that the analysis runs and exhausts the worker.
    const big = client.uri('incidents/huge.md');
    await client.open(big, largeReport(6 * 1024 * 1024));
    const diagnostics = await client.pull(big);
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /could not be checked: the report analysis worker stopped/);
    await waitFor('the log line', () => client.logs.find((l) => /report analysis worker stopped: .*a new worker takes over/.test(l)));
    const small = client.uri('incidents/small.md');
    await client.open(small, DEFECTS);
    assert.ok((await client.pull(small)).some((d) => d.code === 'report/empty-section'));
    assert.equal(client.child!.exitCode, null);
  } finally {
    await client.stop();
  }
});

test('an edit in a worker reads only the edited chunk again: the session keeps its state from version to version', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/big.md');
    const text = largeReport(256 * 1024);
    await client.open(uri, text);
    await client.pull(uri);
    const line = lineOf(text, 'Caches went cold.');
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
    await client.pull(uri);
    const stats = await client.request<AnalysisStats>(ANALYSIS_STATS_REQUEST, null);
    const [first, second] = stats.timings.filter((t) => t.uri === uri);
    assert.ok(first.chunks && first.chunks.total > 10 && first.chunks.analysed === first.chunks.total, JSON.stringify(first));
    assert.deepEqual(second.chunks, { total: first.chunks.total, analysed: 1 });
  } finally {
    await client.stop();
  }
});
