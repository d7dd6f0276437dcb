import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { generateReport } from '../../bench/report-generator.js';
import { reparseListLine } from '../../server/src/core/markdown/line-reparse.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { random as seeded } from '../../bench/random.js';

const parseAlone = (parser: MarkdownParser) => (line: string) => parser.parseWhole(line);

test('typing in one item of a tight list gives the tree a whole parse gives, without parsing the list', () => {
  const parser = new MarkdownParser();
  const before = '## Timeline\n\n- **10:00** first\n- **10:05** the *cache* fails\n- **10:10** last\n\nAfter.\n';
  const after = before.replace('the *cache* fails', 'the *cache* fails [T1](https://example.org/T1) `x`');
  const tree = reparseListLine(before, parser.parseWhole(before), after, parseAlone(parser));
  assert.ok(tree, 'the edit is read from the line alone');
  assert.deepEqual(tree.children, parser.parseWhole(after).children);
});

test('edits the line alone cannot read are left to the whole parse', () => {
  const parser = new MarkdownParser();
  const before = 'Intro:\n- **10:00** first\n- **10:05** middle\n- **10:10** last\n';
  const cases = [
    before.replace('**10:00** first', '**10:00** first!'), // the first item, right under a paragraph
    before.replace('**10:10** last', '**10:10** last!'), // the last item
    before.replace('- **10:05**', '* **10:05**'), // the marker
    before.replace('middle', 'mid\ndle'), // a line break
    before.replace('middle', '- - -').replace('**10:05** ', ''), // no longer a list item
    before.replace('middle', 'middle[^1]'), // a footnote
    before.replace('**10:05** middle', '[a]: https://example.org/a'), // a link definition, which its siblings can use
  ];
  for (const after of cases) assert.equal(reparseListLine(before, parser.parseWhole(before), after, parseAlone(parser)), undefined, JSON.stringify(after));
});

test('random edits of timeline lines: the chunk trees of an incremental parse equal a fresh parse', () => {
  const random = seeded(11);
  const alphabet = ['x', ' ', '*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '#', '|', '\\', ':', '-', '~', 'https://a.org ', '@b ', '<!--', '-->', '```', '[^1]', '\n', '1. ', '    '];
  let text = generateReport(8 * 1024, 5);
  const incremental = new MarkdownParser();
  let previous = incremental.parseChunks(text);
  let fast = 0;
  for (let step = 0; step < 200; step++) {
    const lines = text.split('\n');
    const items = lines.flatMap((l, i) => (/^- /.test(l) ? [i] : []));
    const line = items[Math.floor(random() * items.length)];
    const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    const at = start + Math.floor(random() * (lines[line].length + 1));
    const removed = random() < 0.3 ? Math.floor(random() * 4) : 0;
    const inserted = random() < 0.8 ? alphabet[Math.floor(random() * alphabet.length)] : '';
    const next = text.slice(0, at) + inserted + text.slice(Math.min(at + removed, start + lines[line].length));
    const old = previous.chunks.map((c) => c.tree);
    const parsed = incremental.parseChunks(next, undefined, previous);
    const fresh = new MarkdownParser().parseChunks(next);
    assert.equal(parsed.chunks.length, fresh.chunks.length);
    parsed.chunks.forEach((c, i) => {
      assert.deepEqual(stripped(c.tree), stripped(fresh.chunks[i].tree), `step ${step}: ${JSON.stringify(next.slice(at - 20, at + 20))}`);
      if (!old.includes(c.tree) && c.chunk.text !== previous.chunks[i]?.chunk.text && treeOf(previous, i) && reparsed(previous, i, c.chunk.text, incremental)) fast++;
    });
    previous = parsed;
    text = next;
  }
  assert.ok(fast > 40, `only ${fast} edits were read from their line alone`);
});

/** The tree as plain data (positions and all). */
function stripped(tree: Root): unknown {
  return JSON.parse(JSON.stringify(tree.children));
}

function treeOf(doc: { chunks: { tree: Root }[] }, i: number): Root | undefined {
  return doc.chunks[i]?.tree;
}

/** Whether the edit of chunk `i` is one {@link reparseListLine} reads from its line. */
function reparsed(previous: { chunks: { chunk: { text: string }; tree: Root }[] }, i: number, text: string, parser: MarkdownParser): boolean {
  return reparseListLine(previous.chunks[i].chunk.text, previous.chunks[i].tree, text, parseAlone(parser)) !== undefined;
}

test('a link definition typed into an item changes its siblings, so the list is parsed whole', () => {
  const parser = new MarkdownParser();
  const before = '## Timeline\n\n- **10:00** first\n- **10:05** see [the graph][g]\n- **10:10** middle\n- **10:15** last\n';
  const after = before.replace('**10:10** middle', '[g]: https://example.org/g');
  const whole = parser.parseWhole(after);
  assert.match(JSON.stringify(whole), /"linkReference"/, 'a whole parse reads the reference in the sibling as a link');
  const incremental = new MarkdownParser();
  const chunks = incremental.parseChunks(after, undefined, incremental.parseChunks(before)).chunks;
  assert.deepEqual(stripped(chunks[chunks.length - 1].tree), stripped(new MarkdownParser().parseChunks(after).chunks.at(-1)!.tree));
});
