/**
 * `--format github`: GitHub Actions workflow commands (annotations) with the escaping the format
 * requires, the job summary, and `--max-warnings`.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli, SMALL_REPORT, tempWorkspace } from '../helpers/cli.js';

const GOLDEN = join(REPO, 'test/fixtures/cli/github-format.txt');

// A file name with `,` `:` and `%` (escaped in the file property) and, with CRLF line breaks, a
// two-line setext heading whose title the empty-section message quotes (`%`, CR, LF in the message).
const ODD_NAME = 'teams/a,b:c%d.md';
const ODD_REPORT = '# Queue: stall, 50%\r\n\r\nNotes (100% down), a\r\nb\r\n---\r\n\r\n## Timeline\r\n\r\n- 10:00 x\r\n';

test('github: one workflow command per finding, escaped as the format requires (golden output)', async () => {
  const dir = tempWorkspace({ [ODD_NAME]: ODD_REPORT });
  const result = await runCli(['check', ODD_NAME, '--format', 'github', '--profile', 'minimal'], { cwd: dir, env: { GITHUB_WORKSPACE: '', GITHUB_STEP_SUMMARY: '' } });
  assert.equal(result.code, 0, result.stderr);
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, result.stdout);
  assert.equal(result.stdout, readFileSync(GOLDEN, 'utf8'));
  // The parts the golden file is about, spelled out.
  assert.match(result.stdout, /^::warning file=teams\/a%2Cb%3Ac%25d\.md,line=3,col=1,endLine=5,endColumn=4,title=report\/empty-section::Section "Notes \(100%25 down\), a%0D%0Ab" is empty\.$/m);
  assert.match(result.stdout, /^::notice file=teams\/a%2Cb%3Ac%25d\.md,line=7,.*title=timeline\/missing-milestone::/m, 'info findings are notices');
  for (const line of result.stdout.trimEnd().split('\n').slice(0, -1)) assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]+$/);
});

test('github: error findings are ::error; paths are relative to GITHUB_WORKSPACE', async () => {
  const dir = tempWorkspace({ 'docs/incidents/x.md': '---\nstatus: sideways\n---\n' + SMALL_REPORT });
  const result = await runCli(['check', '.', '--format', 'github'], { cwd: join(dir, 'docs'), env: { GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: '' } });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /^::error file=docs\/incidents\/x\.md,line=2,col=1,endLine=2,endColumn=\d+,title=metadata\/invalid::Unknown status "sideways"/m);
});

test('github: with GITHUB_STEP_SUMMARY, a Markdown job summary is appended: counts, findings, metrics', async () => {
  const dir = tempWorkspace({ 'incidents/cache.md': SMALL_REPORT.replace('## Summary\n\nThe cache cluster was down.\n', '## Notes | more\n') });
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '# Earlier step\n\n');
  const result = await runCli(['check', 'incidents', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir } });
  assert.equal(result.code, 0, result.stderr);
  const text = readFileSync(summary, 'utf8');
  assert.ok(text.startsWith('# Earlier step\n\n## Incident Scribe\n\n0 errors, '), 'appended after what earlier steps wrote');
  assert.match(text, /^\| Severity \| File \| Line \| Rule \| Message \|$/m);
  assert.match(text, /^\| warning \| incidents\/cache\.md \| 3 \| report\/empty-section \| Section "Notes \\\| more" is empty\. \|$/m, 'a pipe in a message does not split the cell');
  assert.match(text, /^\| incidents\/cache\.md \| n\/a · mitigate n\/a · resolve n\/a \|$/m);
  const rows = text.split('\n').filter((l) => /^\| (error|warning|info|hint) \|/.test(l));
  assert.equal(rows.length, result.stdout.split('\n').filter((l) => l.startsWith('::')).length, 'one row per annotation');
});

test('--max-warnings N: more than N warnings exit 1 with a one-line reason; N or fewer exit 0', async () => {
  const dir = tempWorkspace({ 'incidents/cache.md': SMALL_REPORT });
  const json = await runCli(['check', 'incidents', '--format', 'json'], { cwd: dir });
  const warnings = (JSON.parse(json.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'warning').length;
  assert.ok(warnings >= 2, json.stdout);
  const over = await runCli(['check', 'incidents', '--max-warnings', String(warnings - 1)], { cwd: dir });
  assert.equal(over.code, 1);
  assert.equal(over.stderr, `incident-scribe: ${warnings} warnings, more than --max-warnings ${warnings - 1} allows\n`);
  const at = await runCli(['check', 'incidents', '--max-warnings', String(warnings)], { cwd: dir });
  assert.equal(at.code, 0, at.stderr);
  const zero = await runCli(['check', 'incidents', '--max-warnings', '0', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: '' } });
  assert.equal(zero.code, 1);
  const bad = await runCli(['check', 'incidents', '--max-warnings', 'few'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-warnings needs a whole number/);
});
