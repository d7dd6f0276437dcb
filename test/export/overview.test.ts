import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOverview, percentile, perMonth } from '../../server/src/core/export/overview.js';
import { renderOverviewHtml } from '../../server/src/core/export/overview-html.js';
import { renderOverviewJson, renderOverviewText } from '../../server/src/core/export/overview-render.js';
import { assertGolden, checkText, GOLDEN, ROOT } from '../helpers/export.js';
import { NOW, overviewInputs } from '../helpers/overview.js';

test('percentiles interpolate between closest ranks', () => {
  assert.equal(percentile([], 50), undefined);
  assert.equal(percentile([7], 90), 7);
  assert.equal(percentile([20, 10], 50), 15);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9.1);
  assert.equal(percentile([3, 1, 2], 50), 2);
  assert.equal(percentile([5, 1, 9, 3], 100), 9);
  assert.equal(percentile([5, 1, 9, 3], 0), 1);
});

test('incidents per month include the empty months between', () => {
  assert.deepEqual(perMonth([]), []);
  assert.deepEqual(perMonth(['2025-11-30', '2026-02-01', '2025-11-02']), [
    { month: '2025-11', count: 2 },
    { month: '2025-12', count: 0 },
    { month: '2026-01', count: 0 },
    { month: '2026-02', count: 1 },
  ]);
  assert.equal(perMonth(['0202-01-01', '2026-01-01']).length, 2, 'a mistyped year does not fill centuries');
});

test('rows: date, title, status, TTD/TTR, actionables count, ordered by date', () => {
  const o = buildOverview(overviewInputs(), NOW);
  assert.deepEqual(
    o.incidents.map((i) => [i.date, i.title, i.status, i.timeToDetectMinutes, i.timeToResolveMinutes, i.actionables]),
    [
      ['2026-01-15', 'Resolver overload after a TTL change', 'final', 20, 90, 2],
      ['2026-01-28', 'Job queue backlog', 'review', 105, 295, 2],
      ['2026-03-04', 'Thumbnail metadata cache split between wikis', 'review', 107, 265, 4],
      ['2026-03-30', 'Stale draft about a cache flush', 'draft', undefined, undefined, 0],
    ],
  );
  assert.equal(o.generatedAt, '2026-05-10T12:00:00Z');
});

test('medians and 90th percentiles of time to detect and resolve', () => {
  const o = buildOverview(overviewInputs(), NOW);
  assert.deepEqual(o.timeToDetect, { count: 3, median: 105, p90: 106.6 });
  assert.deepEqual(o.timeToResolve, { count: 3, median: 265, p90: 289 });
  assert.deepEqual(o.perMonth, [
    { month: '2026-01', count: 2 },
    { month: '2026-02', count: 0 },
    { month: '2026-03', count: 2 },
  ]);
});

test('open problems: actionables without owner or task (unless done), drafts older than 30 days', () => {
  const o = buildOverview(overviewInputs(), NOW);
  const problems = Object.fromEntries(o.incidents.map((i) => [i.file, i.problems.map((p) => p.kind)]));
  assert.deepEqual(problems['incidents/2026-01-15-dns.md'], ['actionable-without-owner', 'actionable-without-task']);
  assert.deepEqual(problems['incidents/2026-01-28-queue.md'], ['actionable-without-owner'], 'the done item without task is not a problem');
  assert.deepEqual(problems['incidents/2026-03-04-cache-split.md'], ['actionable-without-owner']);
  assert.deepEqual(problems['incidents/2026-03-30-stale.md'], ['stale-draft']);
  assert.equal(o.incidents[3].problems[0].message, 'Still a draft 41 days after the incident');
  assert.equal(o.problemCount, 5);
});

test('"now" decides whether a draft is stale', () => {
  const inputs = overviewInputs().slice(3);
  const day = 86_400_000;
  const start = Date.UTC(2026, 2, 30, 8, 0);
  assert.equal(buildOverview(inputs, start + 30 * day).incidents[0].problems.length, 0, 'exactly 30 days is not older than 30 days');
  assert.equal(buildOverview(inputs, start + 31 * day).incidents[0].problems.length, 1);
});

test('a report with no date, title or status still gets a row', () => {
  const o = buildOverview([{ file: 'notes/untitled.md', report: checkText('notes/untitled.md', 'Just text.\n').report }], NOW);
  assert.deepEqual(o.incidents[0], { file: 'notes/untitled.md', date: undefined, title: 'untitled.md', status: undefined, timeToDetectMinutes: undefined, timeToResolveMinutes: undefined, actionables: 0, problems: [] });
  assert.deepEqual(o.perMonth, []);
  assert.deepEqual(o.timeToDetect, { count: 0, median: undefined, p90: undefined });
});

test('overview goldens: text, json, html', () => {
  const o = buildOverview(overviewInputs(), NOW);
  assertGolden(renderOverviewText(o), join(GOLDEN, 'overview.txt'));
  assertGolden(renderOverviewJson(o), join(GOLDEN, 'overview.json'));
  assertGolden(renderOverviewHtml(o), join(GOLDEN, 'overview.html'));
});

test('the HTML overview has both charts as inline SVG, and no script', () => {
  const html = renderOverviewHtml(buildOverview(overviewInputs(), NOW));
  assert.match(html, /<figure class="chart" id="chart-durations"><svg [^>]*viewBox="0 0 880 360"/);
  assert.match(html, /<figure class="chart" id="chart-per-month"><svg /);
  assert.ok(html.includes('>Time to detect</text>') && html.includes('>Time to resolve</text>'), 'legend');
  assert.ok(html.includes('>2026-02</text>'), 'empty month on the axis');
  assert.doesNotMatch(html, /<script|\son[a-z]+=/i);
  assert.ok(html.includes('<a href="incidents/2026-01-15-dns.md" class="report-link">Resolver overload after a TTL change</a>'));
  assert.ok(html.includes('data-file="incidents/2026-01-15-dns.md"'));
});

test('hostile titles are escaped in the table, the charts and the text output', () => {
  const md = '---\ntitle: "</text><script>window.__pwned=1</script>\\u001b[31m"\nstart: 2026-02-01T00:00Z\n---\n';
  const report = checkText('evil.md', md).report;
  report.metrics = { timeToDetectMinutes: 5, timeToResolveMinutes: 9 };
  const o = buildOverview([{ file: 'javascript:alert(1)', report }], NOW);
  const html = renderOverviewHtml(o);
  assert.doesNotMatch(html, /<script|\son[a-z]+=|href="javascript/i);
  assert.ok(html.includes('&lt;/text&gt;&lt;script&gt;'), 'escaped by ECharts inside the SVG');
  const text = renderOverviewText(o);
  assert.ok(!text.includes('\u001b'), 'no terminal escape sequences');
});

test('the overview JSON matches docs/overview.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs', 'overview.schema.json'), 'utf8')));
  for (const inputs of [overviewInputs(), []]) {
    const json = JSON.parse(renderOverviewJson(buildOverview(inputs, NOW)));
    assert.ok(validate(json), ajv.errorsText(validate.errors));
  }
  const json = JSON.parse(renderOverviewJson(buildOverview(overviewInputs(), NOW)));
  json.incidents[0].problems[0].kind = 'something-else';
  assert.equal(validate(json), false);
});
