import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveImportZone, wallToUtc } from '../../../server/src/core/timeline-import/clock.js';
import { importTimeline } from '../../../server/src/core/timeline-import/index.js';
import { fixtureReport, line, source } from '../../helpers/timeline-import.js';

test('a log in America/Los_Angeles across the switch to daylight time: PST before, PDT after', () => {
  const r = importTimeline([source('irc/dst-change.log')], { zone: 'America/Los_Angeles' });
  assert.deepEqual(r.entries.map(line), [
    '2024-03-10T09:40Z nadia: cache hit ratio falling on the edge hosts',
    '2024-03-10T09:55Z nadia: first errors on the checkout page',
    '2024-03-10T10:05Z orin: failed over to the standby cache cluster',
    '2024-03-10T10:20Z orin: error rate back to normal',
  ]);
});

test('a clock time that is skipped or shown twice reads as before the change, and the first of two', () => {
  const la = resolveImportZone('America/Los_Angeles')!;
  assert.equal(la.name, 'America/Los_Angeles');
  const iso = (utc: number) => new Date(utc).toISOString().slice(0, 16);
  assert.equal(iso(wallToUtc({ year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0 }, la)), '2024-03-10T10:30');
  assert.equal(iso(wallToUtc({ year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0 }, la)), '2024-11-03T08:30');
  assert.equal(iso(wallToUtc({ year: 2024, month: 11, day: 3, hour: 2, minute: 30, second: 0 }, la)), '2024-11-03T10:30');
  const berlin = resolveImportZone('Europe/Berlin')!;
  assert.equal(iso(wallToUtc({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, berlin)), '2024-07-01T10:00');
  assert.equal(iso(wallToUtc({ year: 2024, month: 1, day: 1, hour: 12, minute: 0, second: 0 }, berlin)), '2024-01-01T11:00');
});

test('zones as reports write them are fixed offsets; unknown names are not zones', () => {
  const pdt = resolveImportZone('PDT')!;
  assert.equal(pdt.offsetAt(0), -420);
  assert.equal(resolveImportZone('+05:30')!.offsetAt(0), 330);
  assert.equal(resolveImportZone('Mars/Olympus'), undefined);
  assert.equal(resolveImportZone('banana'), undefined);
});

test('--since and --until keep a window; --until without seconds covers its minute', () => {
  const r = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', since: '2024-03-09T21:55Z', until: '2024-03-09 22:47' });
  assert.deepEqual(r.entries.map((e) => line(e).slice(11, 17)), ['21:55Z', '21:56Z', '22:30Z', '22:47Z']);
});

test('a window written without a zone is read in --zone', () => {
  const r = importTimeline([source('irc/dst-change.log')], { zone: 'America/Los_Angeles', since: '2024-03-10 03:00' });
  assert.deepEqual(r.entries.map((e) => line(e).slice(11, 17)), ['10:05Z', '10:20Z']);
});

test('by default a report keeps an hour before its impact start to its resolution', () => {
  const report = fixtureReport('reports/list.md');
  const r = importTimeline([source('sal/excerpt.wiki'), source('irc/ops.2024-03-09.log')], { zone: 'UTC' }, report);
  assert.equal(new Date(r.window.since!).toISOString(), '2024-03-09T20:52:00.000Z');
  assert.equal(new Date(r.window.until!).toISOString(), '2024-03-09T23:11:00.000Z');
  assert.ok(r.entries.every((e) => e.utc >= r.window.since! && e.utc < r.window.until!));
  assert.equal(r.read, 14);
  assert.equal(r.entries.length, 9);
});

test('--nick and --grep keep entries by who and by words, in any case', () => {
  const byNick = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', nicks: ['Marlowe'] });
  assert.deepEqual(byNick.entries.map((e) => e.nick), ['marlowe', 'marlowe', 'marlowe']);
  const byWord = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', words: ['REVERT'] });
  assert.deepEqual(byWord.entries.map((e) => e.line), [4, 5]);
  const both = importTimeline([source('irc/ops.2024-03-09.log')], { zone: 'UTC', nicks: ['dorsey'], words: ['revert'] });
  assert.deepEqual(both.entries.map((e) => e.line), [5]);
});
