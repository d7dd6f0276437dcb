import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { forEachProse, plainText, scanProse } from '../../server/src/core/markdown/prose.js';

const parser = new MarkdownParser();

test('prose leaves out code, inline code, raw HTML, front matter and autolinks', () => {
  const text = '---\nword: front\n---\n# word head\n\nword `word` <b>x</b> <!-- word --> <https://word.example>\n\n```\nword\n```\n\n| a | word |\n|---|---|\n\n> *word* [word](https://x.example)\n';
  const root = parser.parse(text);
  const seen: string[] = [];
  forEachProse(root, text, (t) => seen.push(t.source));
  assert.equal(seen.join('|'), 'word head|word | |x| | |a|word|word| |word');
});

test('matches carry exact offsets, escapes and entities as written', () => {
  const text = '# T\n\nAlpha \\*beta\\* &amp; beta, and *beta*\n';
  const root = parser.parse(text);
  const found = scanProse(root, text, /beta/g).map((m) => [m.start, text.slice(m.start, m.end)]);
  assert.deepEqual(found, [
    [13, 'beta'],
    [26, 'beta'],
    [37, 'beta'],
  ]);
});

test('from/to cut the text nodes at the edges', () => {
  const text = 'Impact: beta and beta.\n';
  const root = parser.parse(text);
  const found = scanProse(root, text, /beta/g, { from: 8, to: 12 }).map((m) => m.start);
  assert.deepEqual(found, [8]);
  assert.throws(() => scanProse(root, text, /beta/));
});

test('plain text keeps list items and table cells apart and drops comments', () => {
  const root = parser.parse('- one\n- two\n\n<!-- hint -->\n\n| a | b |\n|---|---|\n| c | `d` |\n');
  assert.equal(plainText(root.children), 'one\ntwo\na b\nc d');
});
