import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { parseSuppressions } from '../../server/src/core/suppress.js';

const blameLines = (text: string) =>
  checkReport('r.md', text, new MarkdownParser(), defaultConfig())
    .findings.filter((f) => f.ruleId === 'style/blame')
    .map((f) => f.range.start.line);

test('disable-next-line silences one rule on the next line only', () => {
  const text = '# T\n\n## Summary\n\n<!-- incident-scribe-disable-next-line style/blame -->\nIt was human error.\n\nIt was human error again.\n';
  assert.deepEqual(blameLines(text), [7]);
});

test('disable … enable silences a block; disable without enable runs to the end', () => {
  const text = [
    '# T', '', '## Summary', '',
    '<!-- incident-scribe-disable style/blame -->', 'Human error one.', '', 'Human error two.', '<!-- incident-scribe-enable style/blame -->', '',
    'Human error three.', '', '<!-- incident-scribe-disable -->', '', 'Human error four.', '',
  ].join('\n');
  assert.deepEqual(blameLines(text), [10]);
});

test('a directive names only the rules it lists', () => {
  const s = parseSuppressions('<!-- incident-scribe-disable-next-line style/blame, impact/missing -->\nx\n', 'markdown');
  assert.equal(s.has('style/blame', 1), true);
  assert.equal(s.has('impact/missing', 1), true);
  assert.equal(s.has('style/relative-date', 1), false);
  assert.equal(s.has('style/blame', 0), false);
});

test('PHP comments: //, # and /* */ forms', () => {
  const php = '<?php\n// incident-scribe-disable-next-line keys/mixed-scope\n$a;\n# incident-scribe-disable-next-line\n$b;\n/* incident-scribe-disable-next-line keys/forged-key */\n$c;\n';
  const s = parseSuppressions(php, 'php');
  assert.equal(s.has('keys/mixed-scope', 2), true);
  assert.equal(s.has('keys/forged-key', 2), false);
  assert.equal(s.has('keys/forged-key', 4), true);
  assert.equal(s.has('keys/forged-key', 6), true);
  assert.equal(s.has('keys/mixed-scope', 6), false);
});
