import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { applyEdits } from '../../server/src/core/text.js';
import type { Finding } from '../../server/src/core/types.js';

const parser = new MarkdownParser();

function check(text: string, ruleId: string): Finding[] {
  return checkReport('report.md', text, parser, defaultConfig()).findings.filter((f) => f.ruleId === ruleId);
}

const apply = applyEdits;

const doc = (body: string): string => `# Incident\n\n## Timeline\n\nAll times in UTC.\n\n${body}\n\n## Detection\n\nAn alert.\n`;

test('out-of-order: related points at the previous entry in the same file', () => {
  const [finding, ...more] = check(doc('- 14:05 a\n- 14:20 b\n- 14:12 c'), 'timeline/out-of-order');
  assert.equal(more.length, 0);
  assert.equal(finding.range.start.line, 8);
  assert.deepEqual(
    finding.related?.map((r) => [r.file, r.range.start.line]),
    [['report.md', 7]],
  );
  assert.match(finding.message, /"14:12".*"14:20"/);
});

test('out-of-order: sorting a list fixes it, nested lines move with their item', () => {
  const text = doc('- 14:20 b\n  - a detail of b\n- 14:05 a\n- 14:05 a second entry at the same time\n- 14:40 d');
  const [finding] = check(text, 'timeline/out-of-order');
  const fix = finding.fixes?.[0];
  assert.equal(fix?.title, 'Sort the timeline');
  const sorted = apply(text, fix!.edits);
  assert.equal(sorted, doc('- 14:05 a\n- 14:05 a second entry at the same time\n- 14:20 b\n  - a detail of b\n- 14:40 d'));
  assert.deepEqual(check(sorted, 'timeline/out-of-order'), []);
});

test('out-of-order: sorting keeps an ordered list numbered and a loose list spaced', () => {
  const text = doc('1. 14:20 b\n\n2. 14:05 a\n\n3. 14:40 c');
  const [finding] = check(text, 'timeline/out-of-order');
  const sorted = apply(text, finding.fixes![0].edits);
  assert.equal(sorted, doc('1. 14:05 a\n\n2. 14:20 b\n\n3. 14:40 c'));
  assert.deepEqual(check(sorted, 'timeline/out-of-order'), []);
});

test('out-of-order: sorting a table, date-only rows before the times of their day', () => {
  const table = '| When | Event |\n|---|---|\n| 2022-09-15 09:00 | c |\n| 2022-09-14 | day one |\n| 2022-09-14 18:30 | a |\n| 2022-09-15 | day two |';
  const text = doc(table);
  const findings = check(text, 'timeline/out-of-order');
  // Only "day one" goes back; "a" is on the day "day one" set.
  assert.deepEqual(findings.map((f) => f.range.start.line), [9]);
  const sorted = apply(text, findings[0].fixes![0].edits);
  assert.equal(sorted, doc('| When | Event |\n|---|---|\n| 2022-09-14 | day one |\n| 2022-09-14 18:30 | a |\n| 2022-09-15 | day two |\n| 2022-09-15 09:00 | c |'));
  assert.deepEqual(check(sorted, 'timeline/out-of-order'), []);
});

test('out-of-order: no fix when entries are spread over several lists, or one has no time', () => {
  const split = check(doc('- 14:20 b\n\nSome prose between the lists.\n\n- 14:05 a'), 'timeline/out-of-order');
  assert.equal(split.length, 1);
  assert.equal(split[0].fixes, undefined);
  const untimed = check(doc('- 14:20 b\n- 14:05 a\n- later on'), 'timeline/out-of-order');
  assert.equal(untimed.length, 1);
  assert.equal(untimed[0].fixes, undefined);
});

test('out-of-order: zones are applied before comparing', () => {
  assert.deepEqual(check(doc('- 2022-09-14 14:05 PDT a\n- 2022-09-14 21:10 UTC b'), 'timeline/out-of-order'), []);
  assert.equal(check(doc('- 2022-09-14 14:05 PDT a\n- 2022-09-14 20:10 UTC b'), 'timeline/out-of-order').length, 1);
});

test('unparseable-time: the range is the entry first line', () => {
  const text = doc('- 14:05 a\n- sometime later\n  - a nested detail');
  const [finding] = check(text, 'timeline/unparseable-time');
  assert.deepEqual(finding.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 16 } });
});

test('no-timezone: on the heading when no entry names a zone, and silent once declared', () => {
  const text = '# Incident\n\n## Timeline\n\n- 14:05 a\n- 14:10 b\n';
  const [finding] = check(text, 'timeline/no-timezone');
  assert.equal(finding.range.start.line, 2);
  assert.deepEqual(check(doc('- 14:05 a'), 'timeline/no-timezone'), []);
  assert.deepEqual(check('# I\n\n## Timeline\n\n- Wed 2020-05-13 Only dates here.\n', 'timeline/no-timezone'), []);
});

test('missing-milestone: one finding per missing milestone, naming the marker', () => {
  const findings = check(doc('- 14:05 Outage begins.\n- 14:10 a'), 'timeline/missing-milestone');
  assert.equal(findings.length, 2);
  assert.match(findings[0].message, /\[detected\]/);
  assert.match(findings[1].message, /\[resolved\]/);
  assert.deepEqual(check('# Incident\n\n## Summary\n\nNo timeline section.\n', 'timeline/missing-milestone'), []);
});

test('metadata-mismatch: on the front matter field line, with the timeline entry as related', () => {
  const text = `---\nstart: 2022-09-14T18:00Z\n---\n${doc('- 2022-09-14 18:30 Outage begins.')}`;
  const [finding] = check(text, 'timeline/metadata-mismatch');
  assert.equal(finding.range.start.line, 1);
  assert.match(finding.message, /30 minutes/);
  assert.equal(finding.related?.[0].range.start.line, 9);
  assert.deepEqual(check(text.replace('18:00Z', '18:30:45Z'), 'timeline/metadata-mismatch'), []);
});

test('unparseable-time: the message says what is missing', () => {
  const messages = (body: string): string[] => check(doc(body), 'timeline/unparseable-time').map((f) => f.message);
  assert.deepEqual(messages('- 14:05 a\n- The patch lands at 22:02.'), ['This entry\'s time is not at its start: "22:02" stands inside its words, where it may be any time the story mentions. Start the entry with its time ("22:02 …").']);
  assert.match(messages('- 14:05 a\n- Around lunch the reports start.')[0], /^This entry has no time and nothing gives it one: start it with its time/);
  assert.match(messages('- 14:05 a\n- `unknown` - Uploads queue.')[0], /^The time of this entry is written as "unknown" and no date heading above it gives its day/);
  assert.deepEqual(messages('### 2022-09-14\n\n- `unknown` - Uploads queue.\n- 14:05 a'), []);
});
