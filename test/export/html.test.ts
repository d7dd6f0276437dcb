import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PAGE_CSP, renderHtml } from '../../server/src/core/export/html.js';
import { assertGolden, checkText, EXAMPLES, exampleFiles, GOLDEN, loadFixture } from '../helpers/export.js';

for (const name of ['cache-split.md', 'login-table.md', 'hostile.md']) {
  test(`html golden: ${name}`, () => {
    const { report, findings } = loadFixture(name);
    assertGolden(renderHtml(report, findings), join(GOLDEN, name.replace(/\.md$/, '.html')));
  });
}

for (const name of exampleFiles()) {
  test(`html golden: examples/${name}`, () => {
    const { report, findings } = checkText(name, readFileSync(join(EXAMPLES, name), 'utf8'));
    assertGolden(renderHtml(report, findings), join(GOLDEN, 'examples', name.replace(/\.md$/, '.html')));
  });
}

test('one self-contained page: CSP first in head, inline style, no script, nothing loaded', () => {
  const html = renderHtml(loadFixture('cache-split.md').report);
  assert.ok(html.startsWith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'));
  assert.ok(html.includes(`content="${PAGE_CSP.replace(/'/g, '&#x27;')}"`));
  assert.equal(PAGE_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  assert.match(html, /<style>[\s\S]*prefers-color-scheme: dark[\s\S]*@media print[\s\S]*<\/style>/);
  assert.doesNotMatch(html, /<script|<link|<iframe|\ssrc=/i);
});

test('the header shows title, status and the metadata table', () => {
  const html = renderHtml(loadFixture('cache-split.md').report);
  assert.ok(html.includes('<title>Thumbnail metadata cache split between wikis</title>'));
  assert.ok(html.includes('<p class="status status-review" title="Report status">review</p><h1>Thumbnail metadata cache split between wikis</h1>'));
  assert.ok(html.includes('<tr><th scope="row">Start</th><td>2026-03-04 07:15 UTC</td></tr>'));
  assert.ok(html.includes('<tr><th scope="row">Task</th><td><a href="https://phabricator.wikimedia.org/T401122">T401122</a></td></tr>'));
  // The title heading is in the header, not repeated in the body.
  assert.equal(html.match(/<h1>/g)?.length, 1);
});

test('the metrics box shows durations and instants, "unknown" where the report gives none', () => {
  const bare = renderHtml(loadFixture('hostile.md').report);
  assert.match(bare, /<aside class="metrics" aria-label="Metrics"><h2>Metrics<\/h2><dl><div><dt>Time to detect<\/dt><dd class="unknown">unknown<\/dd><\/div>/);
  const html = renderHtml(loadFixture('cache-split.md').report);
  assert.ok(html.includes('<dt>Time to detect</dt><dd>1 h 47 min</dd>'));
  assert.ok(html.includes('<dt>Time to mitigate</dt><dd>3 h 35 min</dd>'));
  assert.ok(html.includes('<dt>Time to resolve</dt><dd>4 h 25 min</dd>'));
  assert.ok(html.includes('<dt>Impact started</dt><dd>2026-03-04 07:15 UTC</dd>'));
});

test('the timeline list becomes a table: time (UTC), entry, milestone', () => {
  const html = renderHtml(loadFixture('cache-split.md').report);
  const table = /<table class="timeline">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  assert.ok(table.includes('<th>Time (UTC)</th><th>Entry</th><th>Milestone</th>'));
  assert.equal(table.match(/<tr/g)?.length, 7, 'header and six entries');
  assert.ok(table.includes('<tr class="milestone"><td class="time"><time datetime="2026-03-04T07:15:00Z">2026-03-04 07:15</time></td>'));
  assert.ok(table.includes('<span class="badge milestone-detected">detected</span>'));
  assert.ok(table.includes('The report is filed as <a href="https://phabricator.wikimedia.org/T401122">T401122</a> and triaged.'));
  assert.ok(table.includes('<code>makeGlobalKey()</code>'), 'inline markup of the entry is kept');
  // The paragraph that declares the zone stays above the table.
  assert.match(html, /<p>All times in UTC\.<\/p>\s*<table class="timeline">/);
  assert.doesNotMatch(html, /<li>07:15/);
});

test('a table timeline becomes a timeline table without repeating the time column', () => {
  const html = renderHtml(loadFixture('login-table.md').report);
  const table = /<table class="timeline">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  assert.equal(table.match(/<tr>/g)?.length, 5, 'header and four entries');
  assert.ok(table.includes('<td class="time"><time datetime="2025-11-20T14:00:00Z">2025-11-20 14:00</time></td><td class="entry">Failover starts.</td>'));
  assert.equal(html.match(/<table class="timeline">/g)?.length, 1);
  assert.ok(!html.includes('<td>14:00</td>'), 'the original table is replaced');
  assert.ok(html.includes('<td>Incident ID</td>'), 'tables outside the timeline stay');
  assert.match(html, /<h3>2025-11-20<\/h3>\s*<table class="timeline">/, 'the date heading stays above its table');
});

test('findings are listed at the end of the page, collapsed', () => {
  const { report, findings } = loadFixture('login-table.md');
  assert.ok(findings.length > 0);
  const html = renderHtml(report, findings);
  assert.match(html, /<section class="findings"><details><summary>Checks: \d+ findings?<\/summary>/);
  assert.ok(!renderHtml(report, []).includes('class="findings"'));
});
