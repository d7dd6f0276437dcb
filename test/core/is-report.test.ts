/** Which Markdown files are reports: report globs or front matter `type: incident`. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_REPORT_GLOBS } from '../../server/src/core/config/config.js';
import { globMatcher, hasIncidentFrontMatter, isMarkdownPath, reportMatcher } from '../../server/src/core/report/is-report.js';

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
