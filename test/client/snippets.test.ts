import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expandSnippet, parseSnippet, SnippetSyntaxError, tabstopIndexes } from '../../client/src/snippet.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function loadSnippets(): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(ROOT, 'templates', 'snippets.code-snippets'), 'utf8'));
}

test('the snippet reader understands tab stops, placeholders, choices, variables and escapes', () => {
  assert.deepEqual(parseSnippet('a $1 ${2:b ${3:c}} ${4|x,y\\,z|} $NAME ${V:d} \\$ \\} \\\\'), [
    { kind: 'text', value: 'a ' },
    { kind: 'tabstop', index: 1, children: [] },
    { kind: 'text', value: ' ' },
    { kind: 'tabstop', index: 2, children: [{ kind: 'text', value: 'b ' }, { kind: 'tabstop', index: 3, children: [{ kind: 'text', value: 'c' }] }] },
    { kind: 'text', value: ' ' },
    { kind: 'choice', index: 4, options: ['x', 'y,z'] },
    { kind: 'text', value: ' ' },
    { kind: 'variable', name: 'NAME', children: [] },
    { kind: 'text', value: ' ' },
    { kind: 'variable', name: 'V', children: [{ kind: 'text', value: 'd' }] },
    { kind: 'text', value: ' $ } \\' },
  ]);
  assert.equal(expandSnippet('cost $ 5'), 'cost $ 5');
});

test('unbalanced snippet bodies are rejected with the offset', () => {
  for (const bad of ['${1:never closed', 'stray } brace', '${1|a,b}', '${:x}', '${1 x}']) {
    assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
  }
});

test('expansion fills tab stops, mirrors repeats and resolves variables', () => {
  const body = ['# ${1:Title}', 'again: $1', '${2|draft,final|} on $CURRENT_YEAR ${UNKNOWN:fallback}$0'];
  assert.equal(expandSnippet(body, { variables: { CURRENT_YEAR: '2020' } }), '# Title\nagain: Title\ndraft on 2020 fallback');
  assert.equal(expandSnippet(body, { tabstop: (i, p) => (i === 1 ? 'Split brain' : p) }), '# Split brain\nagain: Split brain\ndraft on  fallback');
  assert.deepEqual(tabstopIndexes(body), [0, 1, 2]);
});

test('snippets file: valid JSON, every snippet described and well formed', () => {
  const snippets = loadSnippets();
  assert.ok(Object.keys(snippets).length >= 5);
  const prefixes = new Set<string>();
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.description && s.description.length > 10, `${name} needs a description`);
    for (const p of [s.prefix].flat()) {
      assert.match(p, /^[a-z][a-z-]*$/, `${name}: prefix ${p}`);
      assert.ok(!prefixes.has(p), `prefix ${p} used twice`);
      prefixes.add(p);
    }
    assert.doesNotThrow(() => parseSnippet([s.body].flat().join('\n')), `${name} body`);
    // Tab stops are numbered 1..n without gaps, so Tab visits every one of them.
    const stops = tabstopIndexes(s.body).filter((i) => i > 0);
    assert.deepEqual(stops, stops.map((_, i) => i + 1), `${name}: tab stops ${stops.join(',')}`);
    const body = [s.body].flat().join('\n');
    assert.ok((body.match(/\$0(?!\d)/g) ?? []).length <= 1, `${name}: at most one final tab stop`);
  }
});

test('the snippets a report needs are there', () => {
  const prefixes = Object.values(loadSnippets()).flatMap((s) => [s.prefix].flat());
  for (const p of ['incident', 'timeline-entry', 'actionable', 'impact', 'incident-metadata']) assert.ok(prefixes.includes(p), p);
});

test('the report snippet keeps the sections of the wikimedia profile in order', () => {
  const report = Object.values(loadSnippets()).find((s) => [s.prefix].flat().includes('incident'))!;
  const text = expandSnippet(report.body);
  const headings = [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, [
    'Summary',
    'Impact',
    'Timeline',
    'Detection',
    'Conclusions',
    'What went well?',
    'What went poorly?',
    'Where did we get lucky?',
    'Actionables',
    'Links to relevant documentation',
  ]);
  assert.match(text, /^status: draft$/m);
});
