/**
 * Hostile content in the HTML export: whatever the report holds, the page has no script, no
 * event handler, no script URL, no frame, no style of the author's, and no way to load anything.
 * (The browser test proves the same by running the page.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtml } from '../../server/src/core/export/html.js';
import { checkText, loadFixture, withModel } from '../helpers/export.js';

/** Every start tag of the page, as written. */
function startTags(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script/i, 'no script element');
  assert.doesNotMatch(html, /<(iframe|object|embed|frame|base|link|form|svg|math|template)\b/i, 'no element that loads or runs anything');
  assert.equal(html.match(/<style/gi)?.length, 1, 'only the page\'s own style sheet');
  for (const tag of startTags(html)) {
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `event handler in ${tag}`);
    assert.doesNotMatch(tag, /(?:href|src|action|formaction|xlink:href)\s*=\s*"?\s*(?:javascript|vbscript|data):/i, `script URL in ${tag}`);
    assert.doesNotMatch(tag, /\sstyle\s*=/i, `inline style attribute in ${tag}`);
  }
  const metas = startTags(html).filter((t) => t.startsWith('<meta'));
  assert.equal(metas.filter((t) => /http-equiv/i.test(t)).length, 1, 'one http-equiv: the CSP');
}

test('the hostile fixture exports to an inert page', () => {
  const { report, findings } = loadFixture('hostile.md');
  const html = renderHtml(report, findings);
  assertInert(html);
  // The author's markup shows as text where it was text, and links lose their script URL.
  assert.ok(html.includes('<title>Hostile &#x3C;script>window.__pwned = \'title\'&#x3C;/script> {{Delete}}</title>'));
  assert.ok(html.includes('<a>click me</a>'));
  assert.ok(html.includes('<code>&#x3C;svg onload=alert(1)></code>'));
});

test('hostile text inside the timeline table and metadata is escaped too', () => {
  const md = [
    '---',
    'title: "<img src=x onerror=alert(1)>"',
    'status: "<script>alert(1)</script>"',
    'coordinators: ["<b onmouseover=alert(1)>x</b>"]',
    '---',
    '',
    '## Timeline',
    '',
    '- 10:00 <img src=x onerror="alert(1)"> [x](javascript:alert(1)) <svg onload=alert(1)>',
    '- 10:05 <a href="javascript:alert(2)">two</a> `<script>` T400100',
    '',
  ].join('\n');
  const report = withModel(checkText('h.md', md).report, {
    entries: [
      { match: '10:00', utc: '2026-01-01T10:00:00Z', milestones: ['start'] },
      { match: '10:05', utc: '2026-01-01T10:05:00Z' },
    ],
  });
  const html = renderHtml(report);
  assertInert(html);
  assert.ok(html.includes('<table class="timeline">'));
  assert.ok(html.includes('<h1>&#x3C;img src=x onerror=alert(1)></h1>'));
  assert.ok(html.includes('<code>&#x3C;script></code> <a href="https://phabricator.wikimedia.org/T400100">T400100</a>'));
});

test('the author cannot borrow the timeline classes or add attributes through raw HTML', () => {
  const md = '<table class="timeline"><tr class="milestone"><td style="x">a</td></tr></table>\n\n<span class="badge" id="x">b</span>\n';
  const html = renderHtml(checkText('c.md', md).report);
  assertInert(html);
  assert.doesNotMatch(html, /class="timeline"|class="milestone"|class="badge"|id="x"/);
});

test('links keep safe URLs only', () => {
  const md = '[a](https://example.org/?q=<x>) [b](mailto:ops@example.org) [c](JaVaScRiPt:alert(1)) [d](vbscript:x) [e](data:text/html,x) ![f](data:image/png;base64,AAAA)\n';
  const html = renderHtml(checkText('l.md', md).report);
  assertInert(html);
  assert.ok(html.includes('<a href="https://example.org/?q=%3Cx%3E">a</a>'));
  assert.ok(html.includes('<a href="mailto:ops@example.org">b</a>'));
  assert.ok(html.includes('<a>c</a> <a>d</a> <a>e</a>'));
});
