import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat, importTimeline } from '../../../server/src/core/timeline-import/index.js';
import { folder, line, source } from '../../helpers/timeline-import.js';

const read = (path: string, zone?: string) => importTimeline([source(path)], { zone });

test('SAL wikitext: day headings, entries and the template form, in UTC; task ids kept', () => {
  const r = read('sal/excerpt.wiki');
  assert.equal(r.formats[0].format, 'sal');
  assert.deepEqual(r.entries.map(line), [
    '2024-03-09T21:52Z kestrel@deploy2002: Synchronized wmf-config/SearchSettings.php: raise shard count (duration: 00m 41s)',
    '2024-03-09T22:47Z dorsey: reverted "Raise shard count for the title index" T351204',
    '2024-03-09T23:10Z marlowe: incident closed, follow-ups filed as T351210 and T351211',
    '2024-03-09T23:58Z dorsey: depooling search1011 for the reindex check',
    '2024-03-10T00:05Z dorsey: rolled back search config to the 2024-03-09 revision T351204',
    '2024-03-10T00:12Z marlowe: restarted the indexer queue consumers on search1011 T351204',
  ]);
  assert.deepEqual(r.entries[2].tasks, ['T351210', 'T351211']);
  assert.deepEqual(r.skipped, [{ file: 'sal/excerpt.wiki', line: 13, reason: 'not a SAL entry (`* HH:MM nick: message`)' }]);
});

test('IRC [HH:MM] <nick>: the date from the file name, midnight passed when the clock goes back', () => {
  const r = read('irc/ops.2024-03-09.log', 'UTC');
  assert.equal(r.formats[0].format, 'irc');
  assert.equal(r.entries.length, 8);
  assert.equal(line(r.entries[0]), '2024-03-09T21:48Z kestrel: search latency graph looks odd after my sync');
  assert.equal(line(r.entries[7]), '2024-03-10T00:04Z marlowe: confirming the rollback stuck after midnight');
});

test('IRC ZNC [HH:MM:SS] with modes, actions, joins and notices; a stray line is reported', () => {
  const r = read('irc/znc_20240309.log', 'UTC');
  assert.deepEqual(r.entries.map(line), [
    '2024-03-09T21:55Z dorsey: p95 on the title index is at 4 seconds',
    '2024-03-09T21:56Z kestrel: I synced the shard count change at 21:52',
    '2024-03-09T21:57Z marlowe looks at the slow-query log',
  ]);
  assert.equal(r.entries[0].utc % 60_000, 10_000, 'seconds are kept');
  assert.equal(r.ignored, 2);
  assert.deepEqual(r.skipped.map((s) => s.line), [5]);
});

test('IRC irssi: log-opened and day-changed lines give the date; status lines are not entries', () => {
  const r = read('irc/irssi.log', 'UTC');
  assert.deepEqual(r.entries.map(line), [
    '2024-03-09T21:55Z dorsey: p95 on the title index is at 4 seconds',
    '2024-03-09T21:56Z kestrel: the sync went out at 21:52',
    '2024-03-09T23:58Z dorsey: still watching',
    "2024-03-10T00:05Z dorsey: rolled back the search config to yesterday's revision",
  ]);
  assert.equal(r.ignored, 1);
});

test('IRC WeeChat: date, time, nick and text in tab-separated columns', () => {
  const r = read('irc/weechat.log', 'UTC');
  assert.deepEqual(r.entries.map(line), [
    '2024-03-09T21:55Z dorsey: p95 on the title index is at 4 seconds',
    '2024-03-09T21:56Z kestrel: the sync went out at 21:52',
    '2024-03-09T21:57Z marlowe opens the slow-query log',
  ]);
  assert.equal(r.ignored, 1);
});

test('IRC lines that write their offset need no --zone', () => {
  const r = read('irc/offsets.log');
  assert.deepEqual(r.entries.map(line), ['2024-03-09T21:55Z dorsey: p95 on the title index is at 4 seconds', '2024-03-09T21:56Z kestrel: the sync went out at 21:52']);
});

test('Slack export: names from users.json, markup made plain, threads under their parent, joins ignored', () => {
  const r = importTimeline([folder('slack/export')], {});
  assert.equal(r.formats[0].format, 'slack');
  assert.deepEqual(
    r.entries.map((e) => (e.reply ? '  ' : '') + line(e)),
    [
      '2024-03-09T21:55Z dana.d: Search latency alert fired, looking & paging @Kai Kestrel',
      '  2024-03-09T22:10Z Kai Kestrel: My sync is the likely cause, see T351204',
      '  2024-03-09T22:12Z dana.d: Agreed, preparing the revert',
      '2024-03-09T21:58Z Kai Kestrel: I see it too, the shard change went out at 21:52',
      '2024-03-10T00:05Z dana.d: Rolled back the search config watching for an hour',
      '2024-03-10T00:30Z statusbot: Incident closed',
    ],
  );
  assert.equal(r.ignored, 1);
  assert.deepEqual(r.skipped.map((s) => s.reason), ['message 6 has no "ts" time']);
});

test('git log: one-line ISO formats and plain git log, offsets applied', () => {
  const oneline = read('git/oneline.txt');
  assert.equal(oneline.formats[0].format, 'git');
  assert.deepEqual(oneline.entries.map(line), [
    '2024-03-09T21:51Z Commit 4b7e0d9: Raise shard count for the title index (T351204)',
    '2024-03-09T22:46Z Commit 9f3c2a1: Revert "Raise shard count for the title index"',
  ]);
  assert.deepEqual(oneline.skipped.map((s) => s.line), [3]);
  const plain = read('git/plain.txt');
  assert.deepEqual(plain.entries.map(line), [
    '2024-03-09T21:51Z Commit 4b7e0d9a1c by Kai Kestrel: Raise shard count for the title index',
    '2024-03-09T22:46Z Commit 9f3c2a1e5d by Dana Dorsey: Revert "Raise shard count for the title index"',
  ]);
});

test('Alertmanager: webhook payloads one per line, repeats counted once, resolution from endsAt', () => {
  const r = read('alerts/alertmanager.ndjson');
  assert.equal(r.formats[0].format, 'alerts');
  assert.deepEqual(r.entries.map(line), [
    '2024-03-09T21:54Z Alert SearchLatencyHigh firing on search1011: p95 latency above 2s on the title index',
    '2024-03-09T23:01Z Alert SearchLatencyHigh resolved on search1011',
  ]);
  const api = read('alerts/api-alerts.json');
  assert.deepEqual(api.entries.map(line), ['2024-03-09T21:05Z Alert QueueBacklog firing on indexer: indexer backlog over 10k jobs'], 'an active alert has no resolution yet');
});

test('generic CSV: usual column names, quoted cells, epoch seconds; a short row is reported', () => {
  const r = read('alerts/history.csv');
  assert.equal(r.formats[0].format, 'csv');
  assert.deepEqual(r.entries.map(line), ['2024-03-09T21:54Z Uptime check failed for search.example.org, from 3 regions', '2024-03-09T23:05Z Check recovered; "search" responding']);
  assert.deepEqual(r.skipped, [{ file: 'alerts/history.csv', line: 4, reason: '2 cells where the header has 3' }]);
});

test('generic CSV with named columns, semicolons and local times in --zone', () => {
  const r = importTimeline([source('alerts/custom-columns.csv')], { from: 'alerts', zone: 'Europe/Berlin', columns: { time: 'Opened', text: 'Note' } });
  assert.deepEqual(r.entries.map(line), ['2024-03-09T20:54Z disk latency warning', '2024-03-09T21:40Z disk latency warning']);
});

test('generic JSON: an object holding an array of events; an unreadable time is reported', () => {
  const r = read('alerts/history.json', 'UTC');
  assert.equal(r.formats[0].format, 'json');
  assert.deepEqual(r.entries.map(line), ['2024-03-09T21:54Z Uptime check failed for search.example.org', '2024-03-09T23:05Z Uptime check passing again']);
  assert.match(r.skipped[0].reason, /"yesterday" is not a time/);
});

test('the detector names each format', () => {
  const formats = ['sal/excerpt.wiki', 'irc/irssi.log', 'irc/weechat.log', 'git/plain.txt', 'alerts/alertmanager.ndjson', 'alerts/history.csv', 'alerts/history.json'].map((p) => detectFormat(source(p)));
  assert.deepEqual(formats, ['sal', 'irc', 'irc', 'git', 'alerts', 'csv', 'json']);
  assert.equal(detectFormat(folder('slack/export')), 'slack');
});
