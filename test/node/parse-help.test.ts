/**
 * The first version of a large report is parsed by two analysis workers together
 * (`server/src/node/parse-help.ts`): the analysis is the one a single thread gives, and a helper
 * that claims chunks and never delivers them costs time, not results.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { generateReport } from '../../bench/report-generator.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { ownerHelp, shareParse } from '../../server/src/node/parse-help.js';
import { ReportWorkers, SHARED_PARSE_MIN_CHARS, type AnalysisResult } from '../../server/src/node/report-workers.js';

const config = defaultConfig();

/** What a client sees of an analysis: the snapshot as plain data. */
const plain = (result: AnalysisResult): unknown => JSON.parse(JSON.stringify(result.snapshot));

test('a large report opened in two workers is parsed by both, with the analysis of one thread', async () => {
  const text = generateReport(160 * 1024);
  assert.ok(text.length >= SHARED_PARSE_MIN_CHARS);
  const edited = text.replace('## Timeline', '## Timeline\n\nAll times in UTC, as the graphs show them.');
  const workers = new ReportWorkers({ threads: 2 });
  const here = new ReportWorkers({ threads: 0 });
  try {
    const opened = await workers.analyse({ key: 'big.md', file: 'big.md', text, config }).result;
    assert.ok((opened.stats?.chunksParsedElsewhere ?? 0) > 0, `the other worker parsed chunks: ${JSON.stringify(opened.stats)}`);
    assert.ok(opened.snapshot.findings.length > 0);
    assert.deepEqual(plain(opened), plain(await here.analyse({ key: 'big.md', file: 'big.md', text, config }).result));
    // The next version starts from the shared parse, as from any other.
    const next = await workers.analyse({ key: 'big.md', file: 'big.md', text: edited, config }).result;
    assert.equal(next.stats?.chunksParsedElsewhere, undefined, 'only a first version is shared');
    assert.deepEqual(plain(next), plain(await here.analyse({ key: 'fresh.md', file: 'big.md', text: edited, config }).result));
  } finally {
    workers.dispose();
    here.dispose();
  }
});

test('a small report is parsed by its own worker alone', async () => {
  const workers = new ReportWorkers({ threads: 2 });
  try {
    const small = await workers.analyse({ key: 'small.md', file: 'small.md', text: generateReport(20 * 1024), config }).result;
    assert.equal(small.stats?.chunksParsedElsewhere, undefined);
  } finally {
    workers.dispose();
  }
});

test('chunks a helper claimed and never delivered are parsed by the owner: the same trees', () => {
  const text = generateReport(80 * 1024);
  const { owner, helper } = shareParse();
  // A helper that stopped (its worker crashed) after claiming two chunks.
  const claims = new Int32Array(helper.shared);
  const claimed = [Atomics.add(claims, 0, 1), Atomics.add(claims, 0, 1)];
  assert.deepEqual(claimed, [0, 1]);
  const started = performance.now();
  const shared = new MarkdownParser().parseChunks(text, undefined, undefined, ownerHelp(owner));
  assert.ok(performance.now() - started < 30_000);
  const alone = new MarkdownParser().parseChunks(text);
  assert.equal(shared.helped, 0);
  assert.deepEqual(
    shared.chunks.map((c) => [c.chunk, c.tree, c.tooComplex]),
    alone.chunks.map((c) => [c.chunk, c.tree, c.tooComplex]),
  );
  helper.port.close();
});
