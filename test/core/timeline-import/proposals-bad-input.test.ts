import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImportError, importTimeline } from '../../../server/src/core/timeline-import/index.js';
import { fixtureReport, folder, source, textSource } from '../../helpers/timeline-import.js';

test('milestones proposed from the lexicon: first alert firing, every rollback or failover, the last resolution', () => {
  const report = fixtureReport('reports/no-timeline.md');
  const r = importTimeline([source('alerts/alertmanager.ndjson'), source('irc/dst-change.log'), source('git/oneline.txt')], { zone: 'America/Los_Angeles' }, report);
  assert.deepEqual(
    r.proposals.map((p) => `${p.milestone} ${new Date(p.utc).toISOString().slice(11, 16)} ${p.marker} "${p.words}"`),
    [
      'start 09:55 [start] "first errors"',
      'detected 21:54 [detected] "Alert SearchLatencyHigh firing"',
      'mitigated 10:05 [mitigated] "failed over"',
      'mitigated 10:20 [mitigated] "back to normal"',
      'resolved 23:01 [resolved] "resolved"',
    ],
  );
  assert.doesNotMatch(r.merge!.text, /\[(?:start|detected|mitigated|resolved)\]/, 'no marker is written');
});

test('words that say nothing happened propose nothing', () => {
  const r = importTimeline([textSource('x.log', '[2024-03-09 21:55] <dorsey> no alert fired, will revert if it gets worse\n')], { zone: 'UTC' });
  assert.deepEqual(r.proposals, []);
});

test('a Slack message that says an alert fired proposes the detection', () => {
  const r = importTimeline([folder('slack/export')], {});
  assert.equal(r.proposals.find((p) => p.milestone === 'detected')?.text, 'dana.d: Search latency alert fired, looking & paging @Kai Kestrel');
});

function rejects(fn: () => unknown, kind: string, message: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof ImportError && e.kind === kind && message.test(e.message) && !e.message.includes('\n'));
}

test('a file in no known format: the formats tried and the first line that fits none', () => {
  rejects(() => importTimeline([source('bad/notes.txt')], {}), 'format', /^bad\/notes\.txt: not in a known format \(tried Alertmanager JSON, Slack export, JSON table, git log, SAL wikitext, IRC log, CSV with a time column\); the first line that fits none is "Some notes about the outage"$/);
  rejects(() => importTimeline([source('bad/empty.log')], {}), 'format', /the file is empty/);
});

test('a log without zone and no --zone stops with a message naming --zone', () => {
  rejects(() => importTimeline([source('irc/ops.2024-03-09.log')], {}), 'zone', /irc\/ops\.2024-03-09\.log does not say which time zone.*--zone/);
});

test('a zone that is none, a window that is no time, columns that are not there', () => {
  rejects(() => importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'Moon/Base' }), 'input', /--zone "Moon\/Base" is not a time zone/);
  rejects(() => importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', since: 'last tuesday' }), 'input', /--since "last tuesday" is not a date and time/);
  rejects(() => importTimeline([source('alerts/custom-columns.csv')], { from: 'alerts', zone: 'UTC' }), 'format', /no time column found among "Opened", "Host", "Note"; name it with --time-column/);
  rejects(() => importTimeline([source('alerts/history.csv')], { columns: { text: 'Body' } }), 'format', /no column "Body" among .*--text-column/);
});

test('lines without a date in an IRC log are reported with their line numbers, not dropped silently', () => {
  const r = importTimeline([source('irc/undated.log')], { zone: 'UTC' });
  assert.deepEqual(r.entries, []);
  assert.deepEqual(r.skipped.map((s) => s.line), [1, 2]);
  assert.match(r.skipped[0].reason, /no date/);
});

test('a named format that does not fit reports its lines rather than guessing another', () => {
  const r = importTimeline([source('irc/ops.2024-03-09.log')], { from: 'sal', zone: 'UTC' });
  assert.equal(r.entries.length, 0);
  assert.equal(r.skipped.length, 8);
});
