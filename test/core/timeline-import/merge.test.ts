import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importTimeline } from '../../../server/src/core/timeline-import/index.js';
import { applyEdits } from '../../../server/src/core/text.js';
import { fixtureReport, reportOf, source, textSource } from '../../helpers/timeline-import.js';

/** The lines of `text` between the Timeline heading and the next heading of its level. */
function timelineLines(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => /^## Timeline/.test(l));
  const to = lines.findIndex((l, i) => i > from && /^## /.test(l));
  return lines.slice(from + 1, to < 0 ? undefined : to).filter((l) => l.trim() !== '');
}

test('a list timeline: entries go in order in its style; the same minute and words are not added twice', () => {
  const report = fixtureReport('reports/list.md');
  const r = importTimeline([source('sal/excerpt.wiki'), source('irc/ops.2024-03-09.log')], { zone: 'UTC' }, report);
  const merge = r.merge!;
  assert.equal(merge.shape, 'list');
  assert.equal(merge.zone, 'UTC');
  assert.deepEqual(merge.duplicates.map((d) => d.file), ['sal/excerpt.wiki']);
  assert.deepEqual(timelineLines(merge.text), [
    'All times in UTC.',
    '- 2024-03-09 21:48 kestrel: search latency graph looks odd after my sync',
    '- 2024-03-09 21:52 A shard count change for the title index is synced. [start]',
    '- 2024-03-09 21:52 kestrel@deploy2002: Synchronized wmf-config/SearchSettings.php: raise shard count (duration: 00m 41s)',
    '- 2024-03-09 21:55 dorsey: p95 on the title index is at 4 seconds',
    '- 2024-03-09 21:56 dorsey: paging the search on-call',
    '- 2024-03-09 22:30 marlowe: the shard change is the likely trigger, preparing a revert',
    '- 2024-03-09 22:47 dorsey: reverted "Raise shard count for the title index" T351204',
    '- 2024-03-09 22:47 dorsey: reverted the shard change, watching the graphs',
    '- 2024-03-09 23:02 marlowe: latency back to normal',
    '- 2024-03-09 23:10 Incident closed. [resolved]',
    '- 2024-03-09 23:10 marlowe: incident closed, follow-ups filed as T351210 and T351211',
  ]);
});

test('nothing of the report is removed or rewritten: every old line is still there, in order', () => {
  const report = fixtureReport('reports/list.md');
  const merge = importTimeline([source('sal/excerpt.wiki'), source('irc/ops.2024-03-09.log')], { zone: 'UTC' }, report).merge!;
  const after = merge.text.split('\n');
  let at = 0;
  for (const old of report.text.split('\n')) {
    at = after.indexOf(old, at);
    assert.ok(at >= 0, `kept: ${old}`);
    at++;
  }
  assert.ok(merge.edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character), 'insertions only');
  assert.equal(applyEdits(report.text, merge.edits), merge.text);
});

test('importing the same log twice adds nothing the second time', () => {
  const first = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC' }, fixtureReport('reports/list.md')).merge!;
  const again = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC' }, reportOf(first.text)).merge!;
  assert.equal(again.added.length, 0);
  assert.equal(again.edits.length, 0);
  assert.equal(again.text, first.text);
});

test('a table timeline gets rows with its columns; times written in its zone', () => {
  const report = fixtureReport('reports/table.md');
  const merge = importTimeline([source('irc/dst-change.log')], { zone: 'America/Los_Angeles' }, report).merge!;
  assert.equal(merge.shape, 'table');
  assert.deepEqual(timelineLines(merge.text), [
    '| Time (UTC) | Event |',
    '| --- | --- |',
    '| 2024-03-10 09:40 | nadia: cache hit ratio falling on the edge hosts |',
    '| 2024-03-10 09:50 | Checkout error rate starts rising. |',
    '| 2024-03-10 09:55 | nadia: first errors on the checkout page |',
    '| 2024-03-10 10:05 | orin: failed over to the standby cache cluster |',
    '| 2024-03-10 10:20 | orin: error rate back to normal |',
    '| 2024-03-10 10:25 | Incident closed. |',
  ]);
});

test('a table cell keeps a pipe in the words as text', () => {
  const report = fixtureReport('reports/table.md');
  const merge = importTimeline([textSource('x.log', '[2024-03-10 09:52] <orin> grep 500 | wc -l says 812\n')], { zone: 'UTC' }, report).merge!;
  assert.ok(merge.text.includes('| 2024-03-10 09:52 | orin: grep 500 \\| wc -l says 812 |'), merge.text);
});

test('a timeline of time headings gets headings with the text below, each after the block it follows', () => {
  const report = fixtureReport('reports/headings.md');
  const merge = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', until: '2024-03-09 22:00' }, report).merge!;
  assert.equal(merge.shape, 'heading');
  const text = merge.text;
  assert.ok(
    text.includes(
      '### 2024-03-09 21:52\n\nA shard count change for the title index is synced.\n\n### 2024-03-09 21:55\n\ndorsey: p95 on the title index is at 4 seconds\n\n### 2024-03-09 21:56\n\ndorsey: paging the search on-call\n\n### 2024-03-09 23:10',
    ),
    text,
  );
  assert.ok(text.startsWith('# Slow search on the title index\n\n## Timeline\n\nAll times in UTC.\n\n### 2024-03-09 21:48\n\nkestrel: search latency graph looks odd after my sync\n\n### 2024-03-09 21:52'), text);
});

test('a timeline in another declared zone gets its times in that zone', () => {
  const report = reportOf('# Outage\n\n## Timeline\n\nAll times in CET.\n\n- 2024-03-09 22:50 Shard change synced.\n');
  const merge = importTimeline([source('irc/offsets.log')], {}, report).merge!;
  assert.deepEqual(timelineLines(merge.text).slice(1), ['- 2024-03-09 22:50 Shard change synced.', '- 2024-03-09 22:55 dorsey: p95 on the title index is at 4 seconds', '- 2024-03-09 22:56 kestrel: the sync went out at 21:52']);
});

test('a timeline without dates gets the date only on an entry of another day; bold times stay bold', () => {
  const report = reportOf('# Outage\n\n## Timeline\n\nDate: 2024-03-09. All times in UTC.\n\n* **22:30** - Revert prepared.\n');
  const merge = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', since: '2024-03-09 23:00' }, report).merge!;
  assert.deepEqual(timelineLines(merge.text).slice(1), [
    '* **22:30** - Revert prepared.',
    '* **23:02** - marlowe: latency back to normal',
    '* **23:59** - dorsey: handing over to the next shift',
    '* **2024-03-10 00:04** - marlowe: confirming the rollback stuck after midnight',
  ]);
});

test('a report without a timeline gets a Timeline section at its end; Markdown in the words is escaped', () => {
  const report = fixtureReport('reports/no-timeline.md');
  const merge = importTimeline([textSource('x.log', '[2024-03-09 21:55] <dorsey> the *title* index [again] <b>\n')], { zone: 'UTC' }, report).merge!;
  assert.equal(
    merge.text,
    report.text + '\n## Timeline\n\nAll times in UTC.\n\n- 2024-03-09 21:55 dorsey: the \\*title\\* index \\[again\\] \\<b>\n',
  );
  const again = reportOf(merge.text);
  assert.equal(again.timeline.entries[0].text.endsWith('dorsey: the *title* index [again] <b>'), true, 'the words read back as written');
});

test('Slack thread replies stay nested under their parent in a list', () => {
  const report = reportOf('# Outage\n\n## Timeline\n\n- 2024-03-09 21:50 UTC Shard change synced.\n');
  const merge = importTimeline([{ name: 'slack', files: [{ name: 'slack/users.json', text: '[]' }, { name: 'slack/ops/2024-03-09.json', text: JSON.stringify([{ user: 'U1', user_profile: { display_name: 'dana' }, text: 'looking', ts: String(Date.UTC(2024, 2, 9, 21, 55) / 1000), thread_ts: String(Date.UTC(2024, 2, 9, 21, 55) / 1000) }, { user: 'U2', user_profile: { display_name: 'kai' }, text: 'my sync', ts: String(Date.UTC(2024, 2, 9, 22, 10) / 1000), thread_ts: String(Date.UTC(2024, 2, 9, 21, 55) / 1000) }, { user: 'U2', user_profile: { display_name: 'kai' }, text: 'graphs are odd', ts: String(Date.UTC(2024, 2, 9, 22, 0) / 1000) }]) }] }], {}, report).merge!;
  assert.deepEqual(timelineLines(merge.text), [
    '- 2024-03-09 21:50 UTC Shard change synced.',
    '- 2024-03-09 21:55 UTC dana: looking',
    '  - 2024-03-09 22:10 UTC kai: my sync',
    '- 2024-03-09 22:00 UTC kai: graphs are odd',
  ]);
});
