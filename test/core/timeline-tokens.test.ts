import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLeadingToken, readTimeValue, readTrailingToken } from '../../server/src/core/report/timeline/tokens.js';
import { findZoneDeclaration, parseZone } from '../../server/src/core/report/timeline/zones.js';

function read(text: string) {
  const t = readLeadingToken(text);
  if (!t) return undefined;
  const { year, month, day, hour, minute, second, problem } = t;
  return { token: text.slice(t.start, t.end), year, month, day, hour, minute, second, zone: t.zone?.name, rest: text.slice(t.rest), ...(problem ? { problem } : {}) };
}

test('HH:MM and HH:MM:SS', () => {
  assert.deepEqual(read('14:05 Errors rise'), { token: '14:05', year: undefined, month: undefined, day: undefined, hour: 14, minute: 5, second: 0, zone: undefined, rest: 'Errors rise' });
  assert.equal(read('9:07:33 - paged')?.second, 33);
  assert.equal(read('9:07:33 - paged')?.rest, 'paged');
});

test('YYYY-MM-DD HH:MM and the ISO T form with Z', () => {
  const a = read('2022-09-14 18:30 Queue backs up');
  assert.deepEqual([a?.year, a?.month, a?.day, a?.hour, a?.minute, a?.token], [2022, 9, 14, 18, 30, '2022-09-14 18:30']);
  const b = read('2022-09-14T18:30Z Queue backs up');
  assert.deepEqual([b?.token, b?.zone, b?.rest], ['2022-09-14T18:30Z', 'UTC', 'Queue backs up']);
});

test('month names, abbreviated or full, before or after the day', () => {
  for (const text of ['May 21 14:05 x', 'May 21, 14:05 x', 'May 21st 14:05 x', '21 May 14:05 x', 'Thursday, May 21 14:05 x']) {
    const t = read(text);
    assert.deepEqual([t?.month, t?.day, t?.hour, t?.minute], [5, 21, 14, 5], text);
  }
  assert.deepEqual(read('September 3, 2021 at 08:15 deploy')?.year, 2021);
  assert.deepEqual([read('3 Sept 2021 deploy')?.month, read('3 Sept 2021 deploy')?.hour], [9, undefined]);
  assert.equal(read('May be related to the deploy'), undefined);
  assert.equal(read('5 may have failed over'), undefined);
  assert.equal(read('may 21 14:05 x'), undefined);
  assert.equal(read('MAY 21 14:05 x')?.day, 21);
});

test('a weekday before a date makes a date-only token', () => {
  const t = read('Wed 2020-05-13 The train is blocked.');
  assert.deepEqual([t?.token, t?.year, t?.month, t?.day, t?.hour, t?.rest], ['Wed 2020-05-13', 2020, 5, 13, undefined, 'The train is blocked.']);
  assert.equal(read('Wednesday: nothing'), undefined);
});

test('times wrapped in bold, italics, code or a link', () => {
  assert.deepEqual([read('**14:05** Outage begins.')?.hour, read('**14:05** Outage begins.')?.rest], [14, 'Outage begins.']);
  assert.equal(read('_14:05_ x')?.rest, 'x');
  assert.equal(read('`14:05` x')?.rest, 'x');
  assert.equal(read('[14:05](https://sal.example/log) x')?.rest, 'x');
  assert.equal(read('**2022-09-14 18:30 UTC**: x')?.zone, 'UTC');
});

test('12-hour times', () => {
  assert.equal(read('2:05 PM x')?.hour, 14);
  assert.equal(read('12:10am x')?.hour, 0);
  assert.equal(read('12:10 p.m. x')?.hour, 12);
  // 13:10 PM can only mean 13:10: read, with a note; 23:00 AM could mean either.
  assert.equal(read('13:10 PM x')?.hour, 13);
  assert.match(readLeadingToken('13:10 PM x')?.note ?? '', /"13:10 PM" mixes a 24-hour time with PM: it is read as 13:10/);
  assert.match(read('23:00 AM x')?.problem ?? '', /"23:00 AM" is not a time/);
});

test('an hour alone is a time when AM or PM follows it', () => {
  assert.deepEqual(read('3am UTC the proposal passes'), { token: '3am UTC', year: undefined, month: undefined, day: undefined, hour: 3, minute: 0, second: 0, zone: 'UTC', rest: 'the proposal passes' });
  assert.equal(read('11 PM: alert fires')?.hour, 23);
  assert.equal(read('12 a.m. x')?.hour, 0);
  assert.deepEqual(read('13/09/2021 3am UTC'), { token: '13/09/2021 3am UTC', year: 2021, month: 9, day: 13, hour: 3, minute: 0, second: 0, zone: 'UTC', rest: '' });
  assert.equal(read('Feb 12th at 3pm x')?.hour, 15);
  assert.match(read('0am x')?.problem ?? '', /"0am" is not a time/);
  // Without AM or PM an hour is a number; "2 amps" and "5 pmx" are words.
  assert.equal(read('3 servers failed'), undefined);
  assert.equal(read('2 amps of current'), undefined);
  assert.equal(read('5 pmx'), undefined);
});

test('a hurried log writes AM or PM as one letter right after the minutes', () => {
  assert.deepEqual(read('2019-02-25 11:21a'), { token: '2019-02-25 11:21a', year: 2019, month: 2, day: 25, hour: 11, minute: 21, second: 0, zone: undefined, rest: '' });
  assert.equal(read('1:15p the hub is back')?.hour, 13);
  assert.equal(read('1:15p the hub is back')?.rest, 'the hub is back');
  // Not a letter that begins a word, nor one after a space.
  assert.equal(read('10:45 a new pod starts')?.hour, 10);
  assert.equal(read('10:45ab x')?.rest, 'ab x');
});

test('zones written on the entry', () => {
  assert.equal(read('14:05 PDT x')?.zone, 'PDT');
  assert.equal(read('14:05 (CEST) x')?.zone, 'CEST');
  assert.equal(read('18:30+02:00 x')?.zone, '+02:00');
  assert.equal(read('14:05 UTC+2 x')?.zone, 'UTC+2');
  assert.equal(read('14:05 utc x')?.zone, 'UTC');
  // Lower-case abbreviations are words, not zones.
  assert.equal(read('14:05 est. two users')?.zone, undefined);
});

test('a time span reads its start; the span end belongs to the token', () => {
  const t = read('14:05\u201314:20 UTC Outage begins.');
  assert.deepEqual([t?.hour, t?.minute, t?.zone, t?.rest], [14, 5, 'UTC', 'Outage begins.']);
  assert.equal(read('14:05 to 14:20 x')?.rest, 'x');
});

test('a time in the middle of a sentence is not the entry time', () => {
  assert.equal(read('The patch lands at 22:02.'), undefined);
  assert.equal(read('3 servers fail at 14:05'), undefined);
});

test('impossible values are not times', () => {
  assert.match(read('25:00 x')?.problem ?? '', /hours run from 0 to 23/);
  assert.match(read('25:61 x')?.problem ?? '', /"25:61" is not a time/);
  assert.equal(read('14:75 x')?.hour, undefined);
  assert.equal(read('2022-02-30 x'), undefined);
  assert.equal(read('10:1 ratio'), undefined);
});

test('a time heading shape, a date after the time, US dates, ranges and a single-digit hour', () => {
  assert.deepEqual(read('03:30 AM PST Sunday Oct 31st x'), { token: '03:30 AM PST Sunday Oct 31st', year: undefined, month: 10, day: 31, hour: 3, minute: 30, second: 0, zone: 'PST', rest: 'x' });
  assert.deepEqual(read('01/05/2024 14:05 x'), { token: '01/05/2024 14:05', year: 2024, month: 1, day: 5, hour: 14, minute: 5, second: 0, zone: undefined, rest: 'x' });
  assert.equal(read('25/12/2024 x')?.month, 12);
  assert.equal(read('2018-01-18 4:19 x')?.hour, 4);
  assert.deepEqual(read('8:20 - 8:24 Errors'), { token: '8:20 - 8:24', year: undefined, month: undefined, day: undefined, hour: 8, minute: 20, second: 0, zone: undefined, rest: 'Errors' });
  assert.equal(read('4:52 PM - 5:01 PM x')?.rest, 'x');
  assert.equal(read('4:52 PM x')?.hour, 16);
});

test('zone names and offsets', () => {
  assert.deepEqual(parseZone('IST'), { name: 'IST', offset: 330 });
  assert.deepEqual(parseZone('GMT-7'), { name: 'GMT-7', offset: -420 });
  assert.deepEqual(parseZone('-0700'), { name: '-07:00', offset: -420 });
  assert.equal(parseZone('+15:00'), undefined);
  assert.equal(parseZone('XYZ'), undefined);
});

test('zone declarations in their usual wordings', () => {
  const cases: [string, string][] = [
    ['All times in UTC.', 'UTC'],
    ['(Times UTC)', 'UTC'],
    ['All times PST', 'PST'],
    ['Times are in CEST.', 'CEST'],
    ['All timestamps are UTC+2.', 'UTC+2'],
    ['Time zone: JST', 'JST'],
    ['All UTC times.', 'UTC'],
    ['The PDT timestamps below', 'PDT'],
    ['All times in Eastern European Summer Time (EEST).', 'EEST'],
  ];
  for (const [text, zone] of cases) assert.equal(findZoneDeclaration(text)?.zone.name, zone, text);
  assert.equal(findZoneDeclaration('Response times in most regions rose.'), undefined);
  assert.equal(findZoneDeclaration('Most times we ran it, it passed.'), undefined);
  assert.equal(findZoneDeclaration('Timeline (UTC)'), undefined);
  assert.equal(findZoneDeclaration('Timeline (UTC)', true)?.zone.name, 'UTC');
});

test('dotted times are times only when a zone or AM/PM follows', () => {
  assert.deepEqual([read('12.39UTC chain halts')?.hour, read('12.39UTC chain halts')?.minute, read('12.39UTC chain halts')?.zone], [12, 39, 'UTC']);
  assert.equal(read('4.52 pm the page loads')?.hour, 16);
  assert.equal(read('17.17 UTC: blocks again')?.rest, 'blocks again');
  // A version or an amount is not a time.
  assert.equal(read('1.35 is the release that broke it'), undefined);
  assert.equal(read('2.50 euros per request'), undefined);
  assert.equal(read('1.35.0 release'), undefined);
});

test('a date after the time may end in a colon; a colon and digits after a day are a time', () => {
  assert.deepEqual(read('12:45 PM PST Saturday Oct 30th: First wave x'), { token: '12:45 PM PST Saturday Oct 30th', year: undefined, month: 10, day: 30, hour: 12, minute: 45, second: 0, zone: 'PST', rest: 'First wave x' });
  assert.equal(read('May 21:30 x')?.month, undefined);
});

test('month-name dates joined by dashes, and the long forms with "at" or no comma', () => {
  for (const text of ['Apr-22-2022 10:30am x', '22-Apr-2022 10:30 x', 'April 22nd, 2022 at 10:30 am x', '22 April 2022 10:30 x', 'apr-22-2022 10:30 x']) {
    const t = read(text);
    assert.deepEqual([t?.year, t?.month, t?.day, t?.hour, t?.minute, t?.rest], [2022, 4, 22, 10, 30, 'x'], text);
  }
  assert.deepEqual([read('Apr-22 x')?.month, read('Apr-22 x')?.day, read('Apr-22 x')?.year], [4, 22, undefined]);
  // The verb stays a verb when a dash joins it to a number.
  assert.equal(read('3-may-have failed'), undefined);
});

test('a timeline heading names its zone in any of the usual forms', () => {
  const cases: [string, string][] = [
    ['# **Issue Timeline - UTC**', 'UTC'],
    ['## Timeline (UTC)', 'UTC'],
    ['## Timeline [all times in CEST]', 'CEST'],
    ['## Timeline: UTC', 'UTC'],
    ['## Timeline, times in Pacific time', 'PST'],
    ['## Timeline (US Eastern time)', 'EST'],
    ['| Time [UTC] | Event |', 'UTC'],
  ];
  for (const [text, zone] of cases) assert.equal(findZoneDeclaration(text, true)?.zone.name, zone, text);
  assert.equal(findZoneDeclaration('## Timeline, times in Pacific time', true)?.zone.seasonal, true);
  assert.equal(findZoneDeclaration('All times in Pacific Daylight Time.')?.zone.name, 'PDT');
  assert.equal(findZoneDeclaration('All times in Pacific Daylight Time.')?.zone.seasonal, undefined);
  // Zones as the tz database names them, seasonal where the place keeps daylight time.
  assert.deepEqual(findZoneDeclaration('*(All times US/Pacific, 24-hour clock.)*')?.zone, { name: 'PST', offset: -480, seasonal: true });
  assert.equal(findZoneDeclaration('All times in Europe/Berlin.')?.zone.name, 'CET');
  assert.deepEqual(findZoneDeclaration('## Timeline (America/Phoenix)', true)?.zone, { name: 'MST', offset: -420 });
  assert.equal(findZoneDeclaration('All times in Mars/Olympus_Mons.'), undefined);
  // A heading that goes on with other words after a dash names no zone.
  assert.equal(findZoneDeclaration('## Timeline - first day', true), undefined);
  assert.equal(findZoneDeclaration('## Timeline - est. costs', true), undefined);
});

test('approximate times: a tilde or a word before the time', () => {
  for (const text of ['~15:00 x', 'about 15:00 x', 'Around 15:00 x', 'approx. 15:00 x', 'ca. 15:00 x', '13 August, ~15:00 x']) assert.deepEqual([read(text)?.hour, read(text)?.rest], [15, 'x'], text);
  assert.equal(read('About 15 users reported errors'), undefined);
  assert.equal(read('Around lunch the reports start'), undefined);
});

test('a time after the event, in parentheses or after a dash', () => {
  const at = (text: string) => {
    const t = readTrailingToken(text);
    return t && { token: text.slice(t.start, t.end), event: text.slice(0, t.rest).trim(), hour: t.hour, day: t.day, zone: t.zone?.name };
  };
  assert.deepEqual(at('**Report received** (13 August, ~15:00 UTC)'), { token: '13 August, ~15:00 UTC', event: '**Report received**', hour: 15, day: 13, zone: 'UTC' });
  assert.deepEqual(at('Rolled back — 15:05 UTC.'), { token: '15:05 UTC', event: 'Rolled back', hour: 15, day: undefined, zone: 'UTC' });
  assert.equal(at('Fix merged (see #55)'), undefined);
  assert.equal(at('Rollback - 2 hours later'), undefined);
  // After a dash, the time must be all that follows.
  assert.equal(at('Fix - merged at 14:05 after review'), undefined);
  assert.equal(at('Paged (a date only: 13 August)'), undefined);
});

test('what a date shows of the order of day and month', () => {
  const order = (text: string) => readLeadingToken(text)?.order;
  assert.deepEqual(['13/08/2021', '13.08.2021', '05.08.2021', '13 August 2021', '08/13/2021', 'August 13', '05/08/2021', '2021-08-05'].map(order), ['day-first', 'day-first', 'day-first', 'day-first', 'month-first', 'month-first', 'either', undefined]);
  assert.deepEqual([read('13.08.2021 14:05 x')?.day, read('13.08.2021 14:05 x')?.month, read('13.08.2021 14:05 x')?.hour], [13, 8, 14]);
});

test('a field value that is only a date and time', () => {
  const value = (text: string) => {
    const t = readTimeValue(text);
    return t && [t.year, t.month, t.day, t.hour, t.minute, t.zone?.name];
  };
  assert.deepEqual(value(' `2021-03-05 23:27` '), [2021, 3, 5, 23, 27, undefined]);
  assert.deepEqual(value('**Mar-05-2021 11:27pm UTC**'), [2021, 3, 5, 23, 27, 'UTC']);
  assert.deepEqual(value('Tuesday 14th October 2025, 08:20 UTC'), [2025, 10, 14, 8, 20, 'UTC']);
  assert.deepEqual(value('2021-03-05'), [2021, 3, 5, undefined, undefined, undefined]);
  assert.equal(value('2021-03-05, after the deploy'), undefined);
  assert.equal(value('`20210305_blankbiosample`'), undefined);
  assert.equal(value('SN, RC'), undefined);
});

test('four digits without a colon are a time right after a date, or with a zone after them', () => {
  const t = readLeadingToken('2022-01-08 2233 ::::: telemetry stops');
  assert.deepEqual([t?.day, t?.hour, t?.minute], [8, 22, 33]);
  assert.equal(readLeadingToken('2022-01-08 0915Z the queue backs up')?.zone?.name, 'UTC');
  // A colon and a space after them end the time as a space does: "2024-03-12 0616: wrong block".
  const colon = readLeadingToken('2024-03-12 0616: wrong block generated');
  assert.deepEqual([colon?.day, colon?.hour, colon?.minute], [12, 6, 16]);
  assert.equal(readLeadingToken('2024-03-12 0616:30 x')?.hour, undefined);
  // Not a time: four digits with no date before them, an hour past 23, five digits.
  assert.equal(readLeadingToken('2233 ::::: telemetry stops'), undefined);
  assert.equal(readLeadingToken('2022-01-08 2460 x')?.hour, undefined);
  assert.equal(readLeadingToken('2022-01-08 12345 x')?.hour, undefined);
  // A zone says so on its own: "1936 UTC: v2 is released", "0117Z".
  const zoned = readLeadingToken('1936 UTC: v2 is released');
  assert.deepEqual([zoned?.hour, zoned?.minute, zoned?.zone?.name], [19, 36, 'UTC']);
  assert.equal(readLeadingToken('0117Z the queue backs up')?.hour, 1);
  assert.equal(readLeadingToken('2000 users were affected')?.hour, undefined);
  // After a month and day, four digits with a zone are the time, not the year.
  const md = readLeadingToken('Feb 8 0117 UTC: first report');
  assert.deepEqual([md?.month, md?.day, md?.year, md?.hour, md?.minute], [2, 8, undefined, 1, 17]);
  assert.deepEqual([readLeadingToken('Feb 7 1506 UTC: patch planned')?.year, readLeadingToken('Feb 7 1506 UTC: patch planned')?.hour], [undefined, 15]);
  assert.equal(readLeadingToken('May 21 2020, 14:05 UTC: deploy')?.year, 2020);
});
