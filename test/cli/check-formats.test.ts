import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO, runCli, SMALL_REPORT, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const SCHEMA = join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/** A report with a zone, milestones and front matter, so metrics can be computed once the timeline is read. */
const TIMED_REPORT = `---
type: incident
start: 2024-01-05T10:00:00Z
detected: 2024-01-05T10:12:00Z
end: 2024-01-05T11:30:00Z
---
# Queue stall

## Summary

The job queue stalled.

## Timeline

All times in UTC.

- 10:00 [start] The queue stops.
- 10:12 [detected] An alert fires.
- 11:30 [resolved] The queue is empty again.
`;

test('text: file:line:col  severity  ruleId  message, a summary line and metrics', async () => {
  const dir = tempWorkspace({ 'incidents/cache.md': SMALL_REPORT });
  const result = await runCli(['check', 'incidents'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.match(lines[0], /^incidents\/cache\.md:\d+:\d+ +(warning|info) +[a-z]+\/[a-z-]+ +\S/);
  assert.ok(lines.some((l) => /^incidents\/cache\.md:1:1 +warning +report\/missing-section +Missing sections "Root cause" and "Action items", which every postmortem needs/.test(l)), result.stdout);
  assert.ok(lines.some((l) => /^0 errors, \d+ warnings?, \d+ infos? in 1 file \(1 file checked, profiles found: generic 1\)$/.test(l)), result.stdout);
  assert.ok(lines.includes('Looked at 1 Markdown file, took 1 as a report.'), result.stdout);
  assert.ok(lines.some((l) => /^ +incidents\/cache\.md +generic +time to detect n\/a · mitigate n\/a · resolve n\/a$/.test(l)), result.stdout);
  assert.ok(lines.some((l) => /^ +detected \d\d:\d\d \(inferred from 'Alerts fire'\)$/.test(l)), result.stdout);
  assert.doesNotMatch(result.stdout, /\u001b\[/, 'no colors when stdout is not a terminal');
});

test('text: colors when forced, none with --no-color or NO_COLOR', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT });
  const forced = await runCli(['check', 'report.md'], { cwd: dir, env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\u001b\[33mwarning/);
  const flag = await runCli(['check', 'report.md', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } });
  assert.doesNotMatch(flag.stdout, /\u001b\[/);
  const env = await runCli(['check', 'report.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
  assert.doesNotMatch(env.stdout, /\u001b\[/);
});

test('json: version 1, 1-based positions, files relative to the working directory', async () => {
  const dir = tempWorkspace({ 'docs/incidents/cache.md': SMALL_REPORT, 'docs/incidents/queue.md': TIMED_REPORT });
  const result = await runCli(['check', 'docs', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as JsonOutput;
  assert.equal(json.version, 1);
  assert.deepEqual(Object.keys(json), ['version', 'diagnostics', 'reports']);
  const first = json.diagnostics[0];
  assert.deepEqual(Object.keys(first), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'fixable']);
  assert.deepEqual({ file: first.file, line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn }, {
    file: 'docs/incidents/cache.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: '# Cache outage'.length + 1,
  });
  assert.deepEqual(json.reports.map((r) => r.file), ['docs/incidents/cache.md', 'docs/incidents/queue.md']);
  for (const report of json.reports) {
    for (const [key, value] of Object.entries(report.metrics)) {
      if (key === 'inferred') continue;
      assert.ok(['timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'].includes(key), key);
      assert.equal(typeof value, 'number', 'a metric that cannot be computed is left out, never null');
    }
  }
  // Only a detection in the first report: nothing can be computed.
  assert.deepEqual(json.reports[0].metrics, {});
  // What the timeline of the second gives; the impact stops at the resolution, so that is the mitigation too.
  assert.deepEqual(json.reports[1].metrics, { timeToDetectMinutes: 12, timeToMitigateMinutes: 90, timeToResolveMinutes: 90, inferred: ['mitigated'] });
  assert.deepEqual(json.reports[1].milestones, {
    impactStart: { time: '2024-01-05T10:00:00Z', line: 17, source: 'marker', words: '[start]' },
    detected: { time: '2024-01-05T10:12:00Z', line: 18, source: 'marker', words: '[detected]' },
    mitigated: { time: '2024-01-05T11:30:00Z', line: 19, source: 'inferred', words: 'queue is empty' },
    resolved: { time: '2024-01-05T11:30:00Z', line: 19, source: 'marker', words: '[resolved]' },
  });
  // The first names only its detection, in words, on a day it never gives: no instant in the output.
  assert.deepEqual(json.reports[0].milestones, { detected: { line: 9, source: 'inferred', words: 'Alerts fire' } });
});

test('sarif: validates against the SARIF 2.1.0 schema and locates results relative to the root found above the working directory', async () => {
  const dir = tempWorkspace({
    '.incident-scribe.json': JSON.stringify({ rules: { 'report/empty-section': 'error' } }),
    'postmortems/db failover.md': SMALL_REPORT + '\n## Detection\n',
  });
  const result = await runCli(['check', '.', '--format', 'sarif'], { cwd: join(dir, 'postmortems') });
  assert.equal(result.code, 1, result.stderr);
  const sarif = JSON.parse(result.stdout);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema's language pattern is not valid with the u flag
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const valid = validate(structuredClone(sarif));
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));

  const run = sarif.runs[0];
  const rules = run.tool.driver.rules;
  assert.equal(run.tool.driver.name, 'Incident Scribe');
  for (const rule of rules) {
    assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
    assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.defaultConfiguration.level);
  }
  const empty = rules.find((r: { id: string }) => r.id === 'report/empty-section');
  assert.match(empty.help.markdown, /^# report\/empty-section/, 'the docs page is embedded as help');
  const result0 = run.results.find((r: { ruleId: string }) => r.ruleId === 'report/empty-section');
  assert.equal(result0.level, 'error');
  assert.equal(rules[result0.ruleIndex].id, 'report/empty-section');
  const location = result0.locations[0].physicalLocation;
  assert.deepEqual(location.artifactLocation, { uri: 'postmortems/db%20failover.md', uriBaseId: '%SRCROOT%' });
  assert.equal(location.region.startLine, 11); // the Detection heading appended after the 9 lines and a blank line
  assert.equal(location.region.startColumn, 1);
  assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'));
  const warning = run.results.find((r: { ruleId: string }) => r.ruleId === 'report/missing-section');
  assert.equal(warning.level, 'warning');
});

test('text: metrics of a report whose timeline gives them', async () => {
  const dir = tempWorkspace({ 'incidents/queue.md': TIMED_REPORT });
  const result = await runCli(['check'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^ +incidents\/queue\.md +generic +time to detect 12 min · mitigate 1 h 30 min · resolve 1 h 30 min \(inferred: mitigation\)$/m);
  assert.match(result.stdout, /^ +impact start 2024-01-05 10:00 UTC \(marked \[start\]\) · detected 2024-01-05 10:12 UTC \(marked \[detected\]\) · mitigated 2024-01-05 11:30 UTC \(inferred from 'queue is empty'\) · resolved .*$/m);
});
