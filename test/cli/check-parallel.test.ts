/** Many reports are checked in parallel worker threads with the same output as one after another. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO, runCli, tempWorkspace } from '../helpers/cli.js';

const DEFECTS = readFileSync(join(REPO, 'test', 'fixtures', 'lsp', 'defects.md'), 'utf8');

/** Twelve reports of different lengths and findings, and a file that is not UTF-8 in the middle. */
function workspace(): string {
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 12; i++) {
    const extra = Array.from({ length: i * 40 }, (_, k) => `- 2026-03-04 10:${String(k % 60).padStart(2, '0')} Step ${k} of report ${i}: the operators watch the graphs.`).join('\n');
    files[`incidents/2026-03-${String(i + 1).padStart(2, '0')}.md`] = DEFECTS.replace('All times in UTC.', `All times in UTC.\n\n${extra}\n`).replace('was reverted', i % 3 ? 'was reverted' : 'was reverted by a careless engineer');
  }
  files['incidents/2026-03-06-broken.md'] = new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a]);
  return tempWorkspace(files);
}

test('check: reports in parallel workers print what checking them one after another prints', async () => {
  const dir = workspace();
  for (const format of ['text', 'json']) {
    const sequential = await runCli(['check', '--format', format, '--jobs', '1'], { cwd: dir });
    const parallel = await runCli(['check', '--format', format], { cwd: dir });
    assert.ok(sequential.stdout.length > 1000, `${format}: findings were printed`);
    assert.match(sequential.stderr, /broken\.md/, 'the unreadable file is named');
    assert.equal(parallel.stdout, sequential.stdout, `${format}: same output`);
    assert.equal(parallel.stderr, sequential.stderr, `${format}: same messages`);
    assert.equal(parallel.code, sequential.code, `${format}: same exit code`);
  }
});

test('check: --jobs takes a whole number', async () => {
  const result = await runCli(['check', '--jobs', 'many'], { cwd: workspace() });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--jobs takes a whole number of at least 1 \(got "many"\)/);
});

/** A copy of the built CLI whose report worker script cannot start. */
function installWithBrokenReportWorker(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-worker-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['cli.js', 'keys-worker.js', 'web-tree-sitter.wasm', 'tree-sitter-php.wasm']) copyFileSync(join(REPO, 'dist', file), join(dir, file));
  writeFileSync(join(dir, 'report-worker.js'), "throw new Error('this report worker cannot start');\n");
  return join(dir, 'cli.js');
}

const THREE = { 'incidents/a.md': DEFECTS, 'incidents/b.md': DEFECTS, 'incidents/c.md': DEFECTS };

test('check: several reports go to the worker threads, --jobs 1 keeps them on the main thread', async () => {
  const cli = installWithBrokenReportWorker();
  const dir = tempWorkspace(THREE);
  const here = await runCli(['check', '--format', 'json', '--jobs', '1'], { cwd: dir, cli });
  assert.equal(here.stderr, '', 'the worker script is never loaded');
  assert.equal(here.stdout, (await runCli(['check', '--format', 'json', '--jobs', '1'], { cwd: dir })).stdout);
  const parallel = await runCli(['check', '--format', 'json'], { cwd: dir, cli });
  assert.match(parallel.stderr, /the report analysis worker stopped: this report worker cannot start/, 'the default run uses the workers');
});

test('check: a report worker that cannot start is one line per report and exit 2, never a crash', async () => {
  const cli = installWithBrokenReportWorker();
  // Ten reports: the jobs behind the first one fail while it is awaited.
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) files[`incidents/r${i}.md`] = DEFECTS;
  const result = await runCli(['check', '--format', 'json'], { cwd: tempWorkspace(files), cli });
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(result.code, 2, result.stderr);
  assert.deepEqual(
    result.stderr.trimEnd().split('\n').map((line) => line.replace(/: internal error while checking: the report analysis worker stopped: .*/, '')),
    Object.keys(files).map((file) => `incident-scribe: ${file}`),
  );
  assert.deepEqual(JSON.parse(result.stdout).diagnostics, []);
});
