import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaresUtc, escapeSnippet, lastDateIn, timelineEntry, utcTime } from '../../client/src/timeline-entry.js';

const NOW = new Date('2020-05-21T18:08:41.500Z');
const doc = (body: string) => `# Report\n\n## Timeline\n\n${body}\n`;

test('the time is UTC HH:MM whatever the local zone', () => {
  assert.equal(utcTime(new Date('2020-05-21T20:08:00+02:00')), '18:08');
});

test('zone declarations are recognised', () => {
  assert.ok(declaresUtc('All times in UTC.'));
  assert.ok(declaresUtc('all times are UTC'));
  assert.ok(declaresUtc('Timeline (times in UTC)'));
  assert.ok(declaresUtc('All UTC times below.'));
  assert.ok(declaresUtc('## Timeline (UTC)'));
  assert.ok(!declaresUtc('All times PST'));
  assert.ok(!declaresUtc('The UTC offset was wrong'));
  assert.ok(!declaresUtc('Note (UTC) in a paragraph'), 'a bare zone in parentheses counts only in headings and table headers');
});

test('a blank line gets a list item with the date when the document has none', () => {
  const entry = timelineEntry(NOW, { lineText: '', documentText: doc('') });
  assert.equal(entry.text, '- 2020-05-21 18:08 UTC ');
  assert.equal(entry.snippet, '- 2020-05-21 18:08 UTC $0');
  assert.equal(entry.newLine, false);
});

test('no date when the last date is today, no zone when the report declares UTC', () => {
  const text = doc('All times in UTC.\n\n- 2020-05-21 16:39 Reports come in.');
  const entry = timelineEntry(NOW, { lineText: '', previousLine: '- 2020-05-21 16:39 Reports come in.', documentText: text });
  assert.equal(entry.text, '- 18:08 ');
});

test('an entry after midnight carries the new date', () => {
  const text = doc('- 2020-05-20 23:50 UTC Deploy.');
  assert.equal(lastDateIn(text), '2020-05-20');
  assert.equal(timelineEntry(NOW, { lineText: '', documentText: text }).text, '- 2020-05-21 18:08 UTC ');
});

test('on a line with text the entry goes on a new line with the same bullet and indent', () => {
  const line = '  * 2020-05-21 16:39 UTC Reports come in.';
  const entry = timelineEntry(NOW, { lineText: line, documentText: doc(line) });
  assert.equal(entry.newLine, true);
  assert.equal(entry.text, '  * 18:08 UTC ');
});

test('an empty bullet is kept and completed', () => {
  const entry = timelineEntry(NOW, { lineText: '+ ', documentText: doc('2020-05-21\n+ ') });
  assert.equal(entry.newLine, false);
  assert.equal(entry.text, '+ 18:08 UTC ');
});

test('in a table timeline the entry is a row', () => {
  const row = '| 2020-05-21 16:39 UTC | Reports come in. |';
  const below = timelineEntry(NOW, { lineText: '', previousLine: row, documentText: doc(row) });
  assert.equal(below.text, '| 18:08 UTC |  |');
  assert.equal(below.snippet, '| 18:08 UTC | $0 |');
  assert.equal(below.newLine, false);
  assert.equal(timelineEntry(NOW, { lineText: row, documentText: doc(row) }).newLine, true);
});

test('snippet text escapes the characters snippets treat specially', () => {
  assert.equal(escapeSnippet('cost $5 {x} \\'), 'cost \\$5 {x\\} \\\\');
});
