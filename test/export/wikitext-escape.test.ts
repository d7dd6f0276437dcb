/**
 * Hostile content in the Wikitext export. A small model of how MediaWiki reads the output:
 * `<nowiki>` content is literal (entities decoded); everything outside it is markup. The
 * export must render exactly what the author wrote and leave no live markup of the author's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderWikitext } from '../../server/src/core/export/wikitext.js';
import { escapeUrl, escapeWikiText, guardLineStart } from '../../server/src/core/export/wikitext-escape.js';
import { checkText, loadFixture } from '../helpers/export.js';

/** What MediaWiki shows for text inside and outside `<nowiki>`, for plain (markup-free) text. */
function shown(wikitext: string): string {
  return wikitext
    .replace(/<nowiki\/>/g, '')
    .replace(/<nowiki>([\s\S]*?)<\/nowiki>/g, (_, inner: string) => inner)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The output with every `<nowiki>` segment, `<pre>` and `<syntaxhighlight>` body removed: what MediaWiki parses. */
function live(wikitext: string): string {
  return wikitext
    .replace(/<nowiki\/>/g, 'X')
    .replace(/<nowiki>[\s\S]*?<\/nowiki>/g, 'X')
    .replace(/<pre>[\s\S]*?<\/pre>/g, '<pre/>')
    .replace(/<syntaxhighlight lang="[\w+#.-]+">[\s\S]*?<\/syntaxhighlight>/g, '<sh/>');
}

const HOSTILE = [
  '{{Delete}}',
  '{{{1}}}',
  '[[Main Page]]',
  '[[Category:Leaked]]',
  '[https://evil.example.org click]',
  "''italic'' and '''bold'''",
  "it's",
  "'quoted'",
  '~~~~',
  '~~~~~',
  '__NOTOC__ __FORCETOC__ __notitleconvert__',
  '<ref>note</ref>',
  '<references />',
  '<script>alert(1)</script>',
  '</nowiki><script>x</script>',
  '<nowiki>',
  '&lt; already an entity &amp;',
  '-{zh-hans:x}-',
  'RFC 1234 ISBN 978-0-00-000000-2',
  'a | b !! c || d',
  'ends with [',
  '] starts with',
  '{| class="wikitable"',
  'http://free.example.org/link',
  'line one\nline two',
];

test('escaped text shows exactly what was written (line breaks as spaces)', () => {
  for (const text of HOSTILE) {
    for (const ctx of [{}, { table: true }, { heading: true }]) {
      const out = escapeWikiText(text, ctx);
      assert.equal(shown(out), text.replace(/\n/g, ' '), `round trip of ${JSON.stringify(text)} in ${JSON.stringify(ctx)}`);
      assert.ok(!out.includes('\n'), 'stays on one line');
    }
  }
});

test('escaped text leaves no markup outside <nowiki>', () => {
  for (const text of HOSTILE) {
    const outside = live(escapeWikiText(text, { table: true, heading: true }));
    assert.doesNotMatch(outside, /\{\{|\}\}|\[\[|\]\]|''|~~~|__\w+__|<(?!\/?nowiki)|-\{|\[https?:|https?:\/\/|\||=/i, `${JSON.stringify(text)} → ${outside}`);
  }
});

test('plain text is left alone', () => {
  assert.equal(escapeWikiText('Log-ins failed; pages kept working (50 minutes, 3% of users).'), 'Log-ins failed; pages kept working (50 minutes, 3% of users).');
  assert.equal(escapeWikiText('[start] marker'), '[start] marker');
});

test('a line that starts with list, indent, heading or table markup is guarded', () => {
  for (const line of ['* star', '# hash', ': colon', '; semi', '= eq', ' space', '---- rule', '{| table']) {
    assert.equal(guardLineStart(line), '<nowiki/>' + line);
  }
  assert.equal(guardLineStart('plain'), 'plain');
});

test('external link targets cannot end the link or carry markup', () => {
  assert.equal(escapeUrl("https://example.org/a b]c''{{d}}~~~|e&f"), 'https://example.org/a%20b%5Dc%27%27%7B%7Bd%7D%7D%7E%7E%7E%7Ce&amp;f');
});

test('hostile report: no transclusion, link, signature, magic word or tag of the author survives', () => {
  const out = renderWikitext(loadFixture('hostile.md').report);
  const parsed = live(out);
  // The only templates and wiki links are the ones the exporter writes.
  assert.deepEqual(parsed.match(/\{\{[^|}]*/g), ['{{irdoc']);
  for (const link of parsed.match(/\[\[[^\]]*\]\]/g) ?? []) assert.match(link, /^\[\[phab:T\d+\|T\d+\]\]$/);
  assert.doesNotMatch(parsed, /~~~|__\w+__|<ref|<script|<img|<iframe|<style|<details|<a |javascript:|data:text/i);
  // Every line starts with markup the exporter chose, or with plain text.
  for (const line of parsed.split('\n')) {
    assert.match(line, /^(?:$|\{\{irdoc\|status=X\}\}$|=+ |\* |# |\{\| class="wikitable"$|\|-$|\|\}$|\| |! |<pre\/>|<sh\/>|X|[\p{L}\p{N}(<'])/u, `unexpected line start: ${line}`);
  }
});

test('hostile report: what the author wrote is still there, as text', () => {
  const out = shown(renderWikitext(loadFixture('hostile.md').report));
  for (const text of ['Plain {{Main Page}} and [[Main Page]]', '~~~~', '<ref>', "window.__pwned = 'script'", '{| table start |}', 'a|b', 'cell [[y]]', '! bang', '-{zh-hans}-']) {
    assert.ok(out.includes(text), `missing ${text}`);
  }
});

test('an unknown status is escaped inside the template', () => {
  const out = renderWikitext(checkText('s.md', '---\nstatus: "x}}{{Delete|y"\n---\n').report);
  assert.equal(out.split('\n')[0], '{{irdoc|status=<nowiki>x}}{{Delete|y</nowiki>}}');
});

test('emphasis next to an apostrophe does not change how quotes pair', () => {
  const out = renderWikitext(checkText('q.md', "*Aaron*'s patch and **bold**'\n").report);
  assert.equal(out, "''Aaron''<nowiki>'s patch and </nowiki>'''bold'''<nowiki>'</nowiki>\n");
});

test('a paragraph that starts with wikitext line markup renders as text', () => {
  const md = 'Text\n; not a term\n\n\\# not a heading either\n\n: indent?\n';
  const out = renderWikitext(checkText('l.md', md).report);
  assert.equal(out, 'Text ; not a term\n\n<nowiki/># not a heading either\n\n<nowiki/>: indent?\n');
});

test('code keeps every character; a closing tag inside cannot end the block', () => {
  const md = '```\n</pre>{{x}}\n```\n\n```js\n</syntaxhighlight>\n```\n\n`</nowiki>{{y}}`\n';
  const out = renderWikitext(checkText('c.md', md).report);
  assert.equal(out, '<pre>&lt;/pre&gt;{{x}}</pre>\n\n<pre>&lt;/syntaxhighlight&gt;</pre>\n\n<code><nowiki>&lt;/nowiki&gt;{{y}}</nowiki></code>\n');
});
