/**
 * `incident-scribe export` and `overview` as users run them: the built dist/cli.js in a child
 * process (npm test builds it first).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO, runCli, tempWorkspace } from '../helpers/cli.js';
import { EXPORT_FIXTURES } from '../helpers/export.js';

const REPORT = readFileSync(join(EXPORT_FIXTURES, 'cache-split.md'), 'utf8');

test('the command list names export and overview', async () => {
  const r = await runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^ {2}export +export a report as Wikitext, HTML or JSON$/m);
  assert.match(r.stdout, /^ {2}overview +all incident reports of a directory/m);
  const help = await runCli(['export', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: incident-scribe export FILE --to wikitext\|html\|json \[-o OUT\] \[--force\]$/m);
});

test('export to stdout, to a file, refusing to replace it, then replacing it with --force', async () => {
  const ws = tempWorkspace({ 'incidents/cache-split.md': REPORT });
  const wiki = await runCli(['export', 'incidents/cache-split.md', '--to', 'wikitext'], { cwd: ws });
  assert.equal(wiki.code, 0, wiki.stderr);
  assert.ok(wiki.stdout.startsWith('{{irdoc|status=review}}\n\n{| class="wikitable"\n'));

  const first = await runCli(['export', 'incidents/cache-split.md', '--to', 'html', '-o', 'out.html'], { cwd: ws });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, '');
  assert.ok(readFileSync(join(ws, 'out.html'), 'utf8').startsWith('<!doctype html>'));

  writeFileSync(join(ws, 'out.html'), 'kept');
  const second = await runCli(['export', 'incidents/cache-split.md', '--to', 'json', '-o', 'out.html'], { cwd: ws });
  assert.equal(second.code, 2);
  assert.equal(second.stderr, 'incident-scribe: out.html already exists; use --force to replace it\n');
  assert.equal(readFileSync(join(ws, 'out.html'), 'utf8'), 'kept');

  const forced = await runCli(['export', 'incidents/cache-split.md', '--to', 'json', '-o', 'out.html', '--force'], { cwd: ws });
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(JSON.parse(readFileSync(join(ws, 'out.html'), 'utf8')).version, 1);
});

test('a configuration error stops the export with one line naming the file', async () => {
  const ws = tempWorkspace({ 'incidents/cache-split.md': REPORT, '.incident-scribe.json': '{ "profile": "nope" }' });
  const r = await runCli(['export', 'incidents/cache-split.md', '--to', 'json'], { cwd: ws });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^incident-scribe: .*\.incident-scribe\.json:1: .*\n$/);
  assert.equal(r.stdout, '');
});

test('overview of the bundled examples', async () => {
  const r = await runCli(['overview', 'examples', '--format', 'json'], { cwd: REPO });
  assert.equal(r.code, 0, r.stderr);
  const overview = JSON.parse(r.stdout);
  assert.ok(overview.incidents.length >= 3, 'every example report');
  for (const incident of overview.incidents) assert.match(incident.file, /^examples\/.*\.md$/);
  const html = await runCli(['overview', 'examples', '--format', 'html'], { cwd: REPO });
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /<figure class="chart" id="chart-per-month"><svg /);
});

test('export --to json gives each milestone with the line and words it was read from', async () => {
  const ws = tempWorkspace({
    'incidents/plain.md': [
      '# 2026-02-03: search results empty',
      '',
      '## Summary',
      '',
      'Search returned no results for every visitor for about 40 minutes.',
      '',
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      '- 2026-02-03 09:10 Search errors begin after the index rebuild',
      '- 2026-02-03 09:18 A customer reports empty result pages',
      '- 2026-02-03 09:35 We rolled back the index; errors drop to zero',
      '- 2026-02-03 09:50 Incident closed',
      '',
    ].join('\n'),
  });
  const r = await runCli(['export', 'incidents/plain.md', '--to', 'json'], { cwd: ws });
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.milestones, {
    impactStart: { time: '2026-02-03T09:10:00Z', line: 11, source: 'inferred', words: 'errors begin' },
    detected: { time: '2026-02-03T09:18:00Z', line: 12, source: 'inferred', words: 'customer reports' },
    mitigated: { time: '2026-02-03T09:35:00Z', line: 13, source: 'inferred', words: 'rolled back' },
    resolved: { time: '2026-02-03T09:50:00Z', line: 14, source: 'inferred', words: 'Incident closed' },
  });
  assert.equal(json.metrics.timeToDetectMinutes, 8);
  assert.equal(json.metrics.timeToResolveMinutes, 40);
});
