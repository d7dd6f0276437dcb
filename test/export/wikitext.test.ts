import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderWikitext } from '../../server/src/core/export/wikitext.js';
import { assertGolden, checkText, EXAMPLES, exampleFiles, GOLDEN, loadFixture } from '../helpers/export.js';

for (const name of ['cache-split.md', 'login-table.md', 'hostile.md']) {
  test(`wikitext golden: ${name}`, () => {
    const { report, findings } = loadFixture(name);
    assertGolden(renderWikitext(report, findings), join(GOLDEN, name.replace(/\.md$/, '.wiki')));
  });
}

for (const name of exampleFiles()) {
  test(`wikitext golden: examples/${name}`, () => {
    const { report, findings } = checkText(name, readFileSync(join(EXAMPLES, name), 'utf8'));
    assertGolden(renderWikitext(report, findings), join(GOLDEN, 'examples', name.replace(/\.md$/, '.wiki')));
  });
}

test('status becomes the irdoc template and front matter the metadata table', () => {
  const out = renderWikitext(loadFixture('cache-split.md').report);
  assert.ok(out.startsWith('{{irdoc|status=review}}\n\n{| class="wikitable"\n! Incident ID\n| 2026-03-04-thumbnail-cache-split\n'));
  for (const row of ['! Start\n| 2026-03-04 07:15 UTC', '! End\n| 2026-03-04 11:40 UTC', '! Task\n| [[phab:T401122|T401122]]', '! People paged\n| 0', '! Responder count\n| 4', '! Coordinators\n| Ana, Bilal', '! Affected metrics/SLOs\n| Upload success rate, Thumbnail 404 rate', '! Impact\n| For 4 hours']) {
    assert.ok(out.includes(row), `missing metadata row ${row}`);
  }
});

test('the title heading is left to the page name; other headings keep their level', () => {
  const out = renderWikitext(loadFixture('cache-split.md').report);
  assert.ok(!out.includes('= Thumbnail metadata cache split between wikis ='));
  assert.match(out, /^== Timeline ==$/m);
  assert.match(out, /^=== What went well\? ===$/m);
});

test('"All times in UTC." is kept, and task ids link to Phabricator', () => {
  const out = renderWikitext(loadFixture('cache-split.md').report);
  assert.match(out, /^All times in UTC\.$/m);
  assert.ok(out.includes('The report is filed as [[phab:T401122|T401122]] and triaged.'));
  assert.ok(renderWikitext(loadFixture('login-table.md').report).includes('Owner: Erik, [[phab:T390001|T390001]]'), 'phab:T… form');
});

test('emphasis, links, code, lists, task lists and tables use wikitext markup', () => {
  const out = renderWikitext(loadFixture('cache-split.md').report);
  assert.ok(out.includes("over the '''Memcached''' servers"));
  assert.ok(out.includes("declared ''local'' for years"));
  assert.ok(out.includes('[https://sal.example.org/2026-03-04 the deployment log]'));
  assert.ok(out.includes('<code>makeKey()</code>'));
  assert.ok(out.includes('* ☑ Convert <code>filerepo-file-meta</code> to a global key.'));
  assert.ok(out.includes('* ☐ Document'));
  assert.ok(out.includes('<syntaxhighlight lang="php">\n$key = $cache->makeGlobalKey'));
  assert.ok(out.includes('{| class="wikitable"\n! Action\n! Task\n! Owner\n|-\n| Audit every cache key family for its scope\n| [[phab:T401130|T401130]]\n| @ana'));
  const ordered = renderWikitext(loadFixture('login-table.md').report);
  assert.match(ordered, /^# Add a write check/m);
  assert.match(ordered, /^=== 2025-11-20 ===$/m);
});

test('a report without front matter gets no status template and no metadata table', () => {
  const out = renderWikitext(checkText('plain.md', '# Title\n\n## Summary\n\nNothing *much*.\n').report);
  assert.equal(out, "== Summary ==\n\nNothing ''much''.\n");
});

test('nested lists extend the marker; a second paragraph stays in its item', () => {
  const md = '## Notes\n\n- one\n\n  more of one\n  - nested\n    1. deeper\n- two\n';
  const out = renderWikitext(checkText('n.md', md).report);
  assert.equal(out, '== Notes ==\n\n* one<br />more of one\n** nested\n**# deeper\n* two\n');
});

test('link references resolve through their definitions; images on other sites become links', () => {
  const md = 'See [the runbook][rb] and ![graph](https://grafana.example.org/d/x.png).\n\n[rb]: https://wiki.example.org/Runbook\n';
  const out = renderWikitext(checkText('r.md', md).report);
  assert.equal(out, 'See [https://wiki.example.org/Runbook the runbook] and [https://grafana.example.org/d/x.png graph].\n');
});

test('a Phabricator URL becomes an interwiki task link', () => {
  const out = renderWikitext(checkText('p.md', 'Filed as <https://phabricator.wikimedia.org/T253405>.\n').report);
  assert.equal(out, 'Filed as [[phab:T253405|T253405]].\n');
});

test('CRLF line endings and a byte order mark change nothing but the line ends', () => {
  const lf = '---\nstatus: draft\n---\n\n## Notes\n\n- a\n  b\n\n```\nx\ny\n```\n';
  const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
  assert.equal(renderWikitext(checkText('crlf.md', crlf).report), renderWikitext(checkText('lf.md', lf).report));
  assert.equal(renderWikitext(checkText('lf.md', lf).report), '{{irdoc|status=draft}}\n\n== Notes ==\n\n* a b\n\n<pre>\nx\ny\n</pre>\n');
});
