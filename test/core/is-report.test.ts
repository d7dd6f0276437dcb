/** Which Markdown files are reports: report globs or front matter `type: incident`. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_REPORT_GLOBS } from '../../server/src/core/config/config.js';
import { classifyMarkdown, globMatcher, hasIncidentFrontMatter, isMarkdownPath, reportMatcher } from '../../server/src/core/report/is-report.js';
import { failureNamed, isDated, timedEntries } from '../../server/src/core/report/report-signals.js';

test('the default globs', () => {
  const matches = globMatcher(DEFAULT_REPORT_GLOBS);
  for (const yes of ['incidents/2020-05-19-uploads.md', 'docs/incidents/2020/x.md', 'postmortems/a.md', 'notes/db-incident.md', 'x/big-postmortem.md', 'post-mortem-x.md', './incidents/a.md']) {
    assert.ok(matches(yes), yes);
  }
  for (const no of ['README.md', 'docs/guide.md', 'incidents.txt']) assert.ok(!matches(no), no);
  assert.ok(matches('docs\\incidents\\a.md'), 'Windows separators');
  assert.ok(!globMatcher([])('incidents/a.md'));
});

test('front matter type: incident', () => {
  assert.ok(hasIncidentFrontMatter('---\ntitle: x\ntype: incident\n---\n# x\n'));
  assert.ok(hasIncidentFrontMatter('\uFEFF---\r\ntype: "incident"  # a report\r\n---\r\n'));
  assert.ok(!hasIncidentFrontMatter('---\ntype: runbook\n---\ntype: incident\n'), 'only inside the front matter');
  assert.ok(!hasIncidentFrontMatter('# x\n\ntype: incident\n'));
  assert.ok(!hasIncidentFrontMatter('---\n  type: incident\n---\n'), 'a nested key is not the top-level type');
});

test('reportMatcher: Markdown only, by glob or by front matter', () => {
  const isReport = reportMatcher(['reports/**/*.md']);
  assert.ok(isReport('reports/a.md', '# a'));
  assert.ok(isReport('elsewhere/b.markdown', '---\ntype: incident\n---\n'));
  assert.ok(!isReport('elsewhere/b.md', '# b'));
  assert.ok(!isReport('reports/a.txt', '---\ntype: incident\n---\n'), 'not Markdown');
  assert.ok(isMarkdownPath('A.MD'));
});

/** The shapes of test/fixtures/discovery: one file each, and whether (and why) it is a report. */
const DISCOVERY = join(import.meta.dirname, '..', 'fixtures', 'discovery');
const EXPECTED = JSON.parse(readFileSync(join(DISCOVERY, 'expected.json'), 'utf8')) as Record<string, { report: boolean; reason: string }>;

test('discovery fixtures: reports told in other shapes are taken, guides, logs of planned work and vulnerability records are not', () => {
  // No glob: the folder names of these fixtures are not in the default globs, and content must decide.
  const matches = globMatcher([]);
  for (const [path, expected] of Object.entries(EXPECTED)) {
    const decision = classifyMarkdown(path, readFileSync(join(DISCOVERY, path), 'utf8'), matches);
    assert.equal(decision.report, expected.report, `${path}: ${decision.reason}`);
    assert.ok(decision.reason.includes(expected.reason), `${path}: "${decision.reason}" should say "${expected.reason}"`);
  }
});

test('a title names a failure: plain failure words alone, plainer words of trouble only with other signs', () => {
  for (const title of ['Zammad down', '2023-10-14: mongodb-down', 'Kibana down because of a circuit breaker', 'Website outage', 'Preprod crash', 'api unreachable from the proxy', 'Search not responding']) {
    assert.equal(failureNamed(title), 'failure', title);
  }
  for (const title of ['Problem with the disk controller', 'Stalled sync on the mirror', 'Expired certificate', 'Build cache volume full', 'Proxy IP lost', 'Testnet halt 12']) {
    assert.equal(failureNamed(title), 'trouble', title);
  }
  for (const title of ['store2 shut down for the move', 'Scaling down the build farm', 'A top-down view of the cluster', 'Planned downtime for the upgrade', 'Cache install', 'Full install of the runner', 'Breakdown of costs']) {
    assert.equal(failureNamed(title), undefined, title);
  }
});

test('dated names and titles, entries that start with a time', () => {
  for (const yes of ['2021-06-22-outage', '2022-03 Problem', 'PM20210622', 'Outage on June 22, 2021', '22 June 2021 outage', '018-2025-07-30-hex-outage', 'March 2021 - library down', 'Outage of Sept. 2019']) assert.ok(isDated(yes), yes);
  for (const no of ['v1.2.3 release', 'port 2021', 'rfc-9110', 'Marching 2021 plans', 'mayday 2020']) assert.ok(!isDated(no), no);
  assert.equal(timedEntries('- 14:02 Errors rise.\n- 14:09 Paged.\n\n**Sep 25, 2020, 12:24 (UTC)**: Reports come in.\n'), 3);
  assert.equal(timedEntries('```\n10:14:03 apt-get install\n10:15:40 enable\n10:16:02 started\n```\n'), 0, 'log lines in code are not entries');
  assert.equal(timedEntries('Version 2.1 was released.\nPort 8080 is open.\n'), 0);
});
