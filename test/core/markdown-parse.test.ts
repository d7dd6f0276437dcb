import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SOFT_CHUNK_LIMIT, splitChunks } from '../../server/src/core/markdown/chunks.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { markdownFiles } from '../helpers/files.js';


const tricky = [
  '---\ntitle: x\n---\n# Title\n\nSee [the task][t].\n\n## Timeline\n\n- 14:05 thing\n\n```\n# not a heading\n```\n\n[t]: https://example.org/T1\n',
  '# A\n\n<!--\n# hidden heading\n-->\n\n## B\n\n<pre>\n# also hidden\n</pre>\n\n<div>\n# inside html\n</div>\n\n## C\n',
  '# A\n\n~~~~md\n# fenced\n~~~\n# still fenced\n~~~~\n\n## B\r\n\r\ntext\r\n',
  '> quote\n# heading after quote\n\n- list\n  # heading in list item\n',
];

test('chunked parse equals the whole-document parse on fixtures and tricky inputs', () => {
  const parser = new MarkdownParser();
  const sources = [...tricky, ...markdownFiles(join(import.meta.dirname, '..', 'fixtures')).map((f) => readFileSync(f, 'utf8'))];
  for (const source of sources) {
    // A chunk left unparsed by a guard (the report/too-complex fixture) has no whole-parse twin.
    if (parser.parseChunks(source).chunks.some((c) => c.tooComplex)) continue;
    const chunked = parser.parse(source);
    const whole = parser.parseWhole(source);
    assert.deepEqual(chunked.children, whole.children, JSON.stringify(source.slice(0, 60)));
  }
});

test('a byte order mark is kept in offsets, so ranges point at the original text', () => {
  const parser = new MarkdownParser();
  const source = '\uFEFF# BOM first\n\n- item\n';
  const heading = parser.parse(source).children[0];
  assert.equal(source.slice(heading.position?.start.offset, heading.position?.end.offset), '# BOM first');
  assert.equal(parser.parseWhole(source).children[0].position?.start.offset, 0);
});

test('headings inside fences, comments and raw HTML do not split', () => {
  const { chunks } = splitChunks(tricky[1]);
  assert.deepEqual(
    chunks.map((c) => c.text.split('\n')[0]),
    ['# A', '## B', '## C'],
  );
});

test('a long section is cut at list items and keeps every item with its true position', () => {
  let text = '## Timeline\n\n';
  for (let i = 0; i < 2000; i++) text += `- 10:${String(i % 60).padStart(2, '0')} entry ${i}\n`;
  const { chunks } = splitChunks(text);
  assert.ok(chunks.length > 1 && text.length / chunks.length >= SOFT_CHUNK_LIMIT / 2);
  const root = new MarkdownParser().parse(text);
  const items = root.children.flatMap((c) => (c.type === 'list' ? c.children : []));
  assert.equal(items.length, 2000);
  const last = items[1999];
  assert.equal(last.position?.start.line, 2002);
  assert.equal(text.slice(last.position?.start.offset, last.position?.end.offset), '- 10:19 entry 1999');
});

test('an edit re-parses only the chunk it touched', () => {
  const parser = new MarkdownParser();
  const base = '# T\n\n## A\n\nalpha\n\n## B\n\nbeta\n';
  const first = parser.parse(base);
  assert.equal(parser.chunksParsed, 3);
  const second = parser.parse(base.replace('beta', 'gamma'));
  assert.equal(parser.chunksParsed, 4, 'only the edited chunk is parsed again');
  // The unchanged chunk comes from the cache: equal content, fresh objects.
  assert.deepEqual(second.children[1], first.children[1]);
  assert.notEqual(second.children[1], first.children[1]);
  assert.equal((second.children[4] as { children: { value: string }[] }).children[0].value, 'gamma');
});

test('typing in a chunk leaves no tree per keystroke behind in the cache', () => {
  const parser = new MarkdownParser();
  let text = '# T\n\n## Timeline\n\n- 10:00 start\n- 10:05 detected\n\n## Impact\n\nUsers saw errors.\n';
  let version = parser.parseChunks(text);
  const at = text.indexOf('detected') + 'detected'.length;
  for (let i = 0; i < 50; i++) {
    text = text.slice(0, at + i) + 'x' + text.slice(at + i);
    version = parser.parseChunks(text, undefined, version);
  }
  assert.equal(parser.chunksCached, version.chunks.length, 'only the chunks of the current version are cached');
  // A chunk that came back (an undo) is parsed again, and the other chunks still come from the cache.
  const parsedBefore = parser.chunksParsed;
  const other = new MarkdownParser();
  assert.deepEqual(parser.parse(text.replace(/detectedx+/, 'detected')), other.parse(text.replace(/detectedx+/, 'detected')));
  assert.equal(parser.chunksParsed, parsedBefore + 1);
});

test('thousands of nested list markers do not crash the parser', () => {
  const deep = '# T\n\n' + '- '.repeat(6000) + '14:05 deep\n\n## Next\n\ntext\n';
  const root = new MarkdownParser().parse(deep);
  const last = root.children[root.children.length - 1];
  assert.equal(last.type, 'paragraph');
  assert.equal(deep.slice(last.position?.start.offset, last.position?.end.offset), 'text');
});
