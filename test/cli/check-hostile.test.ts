import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempWorkspace, type JsonOutput } from '../helpers/cli.js';
import { HOSTILE_FRAGMENTS, hostileReport } from '../helpers/hostile.js';

// Each hostile class through the built CLI: it returns (the test's time limit is the hang guard,
// not a speed claim), names the section it left out, and checks the rest.
const LIMIT = { timeout: 60_000 };

async function checkJson(files: Record<string, string>, file: string, extra: string[] = []): Promise<JsonOutput> {
  const dir = tempWorkspace(files);
  const result = await runCli(['check', file, '--format', 'json', ...extra], { cwd: dir });
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as JsonOutput;
}

for (const [name, fragment] of Object.entries(HOSTILE_FRAGMENTS)) {
  test(`CLI, ${name}: one info finding names the section; the other sections are checked`, LIMIT, async () => {
    const json = await checkJson({ 'report.md': hostileReport(fragment) }, 'report.md');
    const info = json.diagnostics.filter((d) => d.ruleId === 'report/too-complex');
    assert.equal(info.length, 1);
    assert.equal(info[0].severity, 'info');
    assert.match(info[0].message, /^Not checked in this version: section "Notes" \(/);
    assert.ok(json.diagnostics.some((d) => d.ruleId === 'report/placeholder'), 'the summary is still checked');
    assert.equal(json.reports[0].metrics.timeToResolveMinutes, 50);
  });
}

test('CLI: a deeply nested list of 1 MB returns with the info finding', LIMIT, async () => {
  const lines: string[] = [];
  for (let depth = 0, size = 0; size < 1024 * 1024; depth++) {
    const line = ' '.repeat((depth % 2000) * 2) + '- item ' + depth;
    lines.push(line);
    size += line.length + 1;
  }
  const json = await checkJson({ 'report.md': hostileReport(lines.join('\n')) }, 'report.md');
  assert.deepEqual(
    json.diagnostics.filter((d) => d.ruleId === 'report/too-complex').map((d) => d.line),
    [13],
  );
});

test('CLI: a YAML alias bomb in front matter is metadata/invalid, not an internal error', LIMIT, async () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill('*' + 'abcdefgh'[i]).join(', ')}]`)].join('\n');
  const json = await checkJson({ 'report.md': hostileReport('Nothing unusual.', bomb) }, 'report.md');
  const invalid = json.diagnostics.filter((d) => d.ruleId === 'metadata/invalid');
  assert.equal(invalid.length, 1);
  assert.match(invalid[0].message, /aliases/);
});

test('CLI: a report over analysis.maxReportSizeKB gets one finding that says so', LIMIT, async () => {
  const config = JSON.stringify({ analysis: { maxReportSizeKB: 1 } });
  const json = await checkJson({ 'report.md': hostileReport('x '.repeat(2000)), '.incident-scribe.json': config }, 'report.md');
  assert.deepEqual(
    json.diagnostics.map((d) => [d.ruleId, d.line]),
    [['report/too-complex', 1]],
  );
});

test('CLI: CR-only line endings give the same lines and columns as LF', LIMIT, async () => {
  const lf = hostileReport('Someone was careless yesterday.');
  const json = await checkJson({ 'lf.md': lf, 'cr.md': lf.replace(/\n/g, '\r') }, '.', []);
  const of = (file: string) => json.diagnostics.filter((d) => d.file === file).map(({ line, column, endLine, endColumn, ruleId }) => [line, column, endLine, endColumn, ruleId]);
  assert.ok(of('lf.md').length >= 3);
  assert.deepEqual(of('cr.md'), of('lf.md'));
});
