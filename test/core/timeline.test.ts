import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';
import { entriesOf, iso, reportWith, textAt } from '../helpers/timeline.js';

test('list items with HH:MM times take the date of front matter start', () => {
  const entries = entriesOf('All times in UTC.\n\n- 14:05 Errors rise.\n- 14:30 Rolled back.', 'start: 2022-09-14T14:05Z');
  assert.deepEqual(entries.map(iso), ['2022-09-14T14:05Z', '2022-09-14T14:30Z']);
  assert.deepEqual(entries.map((e) => e.date), ['2022-09-14', '2022-09-14']);
  assert.ok(entries.every((e) => e.hasTime && !e.dateOnly && e.zone === 'UTC' && !e.zoneOnEntry));
});

test('the time range covers the token only, inside emphasis', () => {
  const report = reportWith('- **14:05** Errors rise.\n- _14:10_ Paged.\n- `14:20` Rolled back.');
  assert.deepEqual(report.timeline.entries.map((e) => textAt(report, e.timeRange)), ['14:05', '14:10', '14:20']);
  assert.deepEqual(report.timeline.entries.map((e) => e.text), ['14:05 Errors rise.', '14:10 Paged.', '14:20 Rolled back.']);
});

test('a table with a Time column', () => {
  const report = reportWith('| Time | Event |\n|---|---|\n| 18:30 | Queue backs up. |\n| **18:45** | Alert fires. |', 'start: 2022-09-14');
  const entries = report.timeline.entries;
  assert.deepEqual(entries.map(iso), ['2022-09-14T18:30Z', '2022-09-14T18:45Z']);
  assert.equal(textAt(report, entries[1].timeRange), '18:45');
  assert.equal(entries[0].range.start.line, report.timeline.entries[0].timeRange!.start.line);
});

test('a table without a Time header whose first cell holds a time', () => {
  const entries = entriesOf('| | |\n|---|---|\n| 2022-09-14 18:30 | Queue backs up. |\n| 18:45 | Alert fires. |');
  assert.deepEqual(entries.map(iso), ['2022-09-14T18:30Z', '2022-09-14T18:45Z']);
});

test('a table with separate Date and Time columns', () => {
  const entries = entriesOf('| Date | Time | Event |\n|---|---|---|\n| 2022-09-14 | 23:50 | a |\n| 2022-09-15 | 00:10 | b |\n| | 00:20 | c |');
  assert.deepEqual(entries.map(iso), ['2022-09-14T23:50Z', '2022-09-15T00:10Z', '2022-09-15T00:20Z']);
});

test('a table that is not a timeline has no entries', () => {
  assert.deepEqual(entriesOf('| Team | People |\n|---|---|\n| SRE | 2 |'), []);
});

test('date headings set the day of the entries below them', () => {
  const entries = entriesOf('### 2022-09-14\n\n- 18:30 a\n\n### Wed 2022-09-15\n\n- 09:00 b\n\n### May 21\n\n- 10:00 c');
  assert.deepEqual(
    entries.map((e) => e.date),
    ['2022-09-14', '2022-09-15', '2022-05-21'],
  );
  assert.equal(iso(entries[1]), '2022-09-15T09:00Z');
});

test('date-only entries are entries and set the day of the entries after them', () => {
  const entries = entriesOf('- Wed 2020-05-13 The train is blocked.\n- Mon 2020-05-18\n- 00:28 A change is deployed.\n- 16:39 A user reports it.');
  assert.deepEqual(
    entries.map((e) => [e.dateOnly, e.hasTime, e.date]),
    [
      [true, false, '2020-05-13'],
      [true, false, '2020-05-18'],
      [false, true, '2020-05-18'],
      [false, true, '2020-05-18'],
    ],
  );
  assert.equal(entries[0].utc, undefined);
  assert.equal(iso(entries[3]), '2020-05-18T16:39Z');
});

test('a bold date on its own line sets the day like a heading', () => {
  const entries = entriesOf('**2022-09-14**\n\n- 18:30 a');
  assert.equal(entries.length, 1);
  assert.equal(entries[0].date, '2022-09-14');
});

test('each time format parses in a timeline', () => {
  const body = [
    '- 14:05 a',
    '- 14:06:30 b',
    '- 2022-09-14 14:07 c',
    '- 2022-09-14T14:08Z d',
    '- Sep 14 14:09 e',
    '- 14 September 14:10 f',
    '- Wed 2022-09-14 14:11 g',
    '- 2:12 PM h',
  ].join('\n');
  const entries = entriesOf(body, 'start: 2022-09-14T14:00Z');
  assert.deepEqual(entries.map(iso), [
    '2022-09-14T14:05Z',
    '2022-09-14T14:06Z',
    '2022-09-14T14:07Z',
    '2022-09-14T14:08Z',
    '2022-09-14T14:09Z',
    '2022-09-14T14:10Z',
    '2022-09-14T14:11Z',
    '2022-09-14T14:12Z',
  ]);
  assert.ok(entries.every((e) => e.hasTime && e.date === '2022-09-14'));
});

test('a month and day without a year take the last year seen, and the next one after December', () => {
  assert.equal(entriesOf('- 2021-05-30 10:00 a\n- Jun 2 11:00 b')[1].date, '2021-06-02');
  const newYear = entriesOf('- 2021-12-31 23:50 a\n- Jan 1 00:10 b');
  assert.equal(newYear[1].date, '2022-01-01');
  assert.ok(newYear[1].utc! > newYear[0].utc!);
  assert.equal(entriesOf('- Jan 2 11:00 b')[0].date, undefined);
});

test('a day the year does not have is no time at all', () => {
  const entries = entriesOf('- 2021-02-27 10:00 a\n- Feb 29 11:00 b\n- 2024-02-28 09:00 c\n- Feb 29 09:30 d');
  assert.equal(entries[1].hasTime, false);
  assert.equal(entries[3].date, '2024-02-29');
});

test('declared zones: in a paragraph, the heading, a column header, elsewhere, front matter', () => {
  const variants: [string, string, string][] = [
    ['All times in UTC.\n\n- 14:05 a', '', 'UTC'],
    ['(Times UTC)\n\n- 14:05 a', '', 'UTC'],
    ['All times PST\n\n- 14:05 a', '', 'PST'],
    ['Times are in CEST.\n\n- 14:05 a', '', 'CEST'],
    ['- All times UTC\n- 14:05 a', '', 'UTC'],
    ['| Time (PDT) | Event |\n|---|---|\n| 14:05 | a |', '', 'PDT'],
    ['- 14:05 a', '## Summary\n\nAll times are in EDT.\n\n', 'EDT'],
  ];
  for (const [body, before, zone] of variants) {
    const report = reportWith(body, undefined, before);
    assert.equal(report.timeline.declaredZone?.name, zone, body);
    assert.equal(report.timeline.entries.length, 1, body);
    assert.equal(report.timeline.entries[0].zone, zone, body);
  }
  const fm = reportWith('- 14:05 a', 'timezone: JST');
  assert.equal(fm.timeline.declaredZone?.name, 'JST');
  assert.equal(fm.timeline.declaredZone?.range.start.line, 1);
});

test('a declared zone in the Timeline heading', () => {
  const report = buildReport('r.md', '# X\n\n## Timeline (all times UTC)\n\n- 14:05 a\n', new MarkdownParser(), defaultConfig());
  assert.equal(report.timeline.declaredZone?.name, 'UTC');
  assert.equal(textAt(report, report.timeline.declaredZone?.range), '(all times UTC)');
});

test('the declared zone range covers the declaration', () => {
  const report = reportWith('Note: all times in UTC.\n\n- 14:05 a');
  assert.equal(textAt(report, report.timeline.declaredZone?.range), 'all times in UTC');
});

test('per-entry zones convert to UTC and win over the declared zone', () => {
  const entries = entriesOf('All times in UTC.\n\n- 2022-09-14 14:05 PDT a\n- 2022-09-14 23:05 +02:00 b\n- 2022-09-14 21:10 c\n- 2022-09-14 22:00 IST d');
  assert.deepEqual(entries.map(iso), ['2022-09-14T21:05Z', '2022-09-14T21:05Z', '2022-09-14T21:10Z', '2022-09-14T16:30Z']);
  assert.deepEqual(
    entries.map((e) => [e.zone, e.zoneOnEntry]),
    [
      ['PDT', true],
      ['+02:00', true],
      ['UTC', false],
      ['IST', true],
    ],
  );
});

test('a zone written on an entry carries to the entries after it', () => {
  const entries = entriesOf('- 10:00 a\n- 14:05 PDT b\n- 14:10 c');
  assert.deepEqual(
    entries.map((e) => e.zone),
    [undefined, 'PDT', 'PDT'],
  );
  assert.equal(entries[2].zoneOnEntry, false);
});

test('no date at all: times are still ordered on a synthetic day, date stays unknown', () => {
  const entries = entriesOf('- 14:05 a\n- 13:00 b');
  assert.equal(entries[0].date, undefined);
  assert.ok(entries[0].utc! > entries[1].utc!);
  assert.equal(entries[0].zone, undefined);
});

test('an entry more than 12 hours earlier than the one before rolls to the next day', () => {
  const entries = entriesOf('- 2022-09-14 23:50 a\n- 00:10 b\n- 23:55 c');
  assert.deepEqual(entries.map((e) => e.date), ['2022-09-14', '2022-09-15', '2022-09-15']);
  const zoned = entriesOf('- 2022-09-14 23:00 PDT a\n- 06:10 UTC b');
  assert.equal(iso(zoned[1]), '2022-09-15T06:10Z');
});

test('12-hour times without AM or PM go on into the afternoon when a step back of hours says so', () => {
  const entries = entriesOf('- 2023-05-02 10:40 a\n- 11:58 b\n- 12:20 c\n- 2:05 d\n- 4:45 e');
  assert.deepEqual(entries.map(iso), ['2023-05-02T10:40Z', '2023-05-02T11:58Z', '2023-05-02T12:20Z', '2023-05-02T14:05Z', '2023-05-02T16:45Z']);
  // A step back of minutes is a slip; a 24-hour time (09:05, 19:00) is never moved.
  assert.deepEqual(entriesOf('- 2023-05-02 11:58 a\n- 11:30 b').map(iso), ['2023-05-02T11:58Z', '2023-05-02T11:30Z']);
  assert.deepEqual(entriesOf('- 2023-05-02 11:58 a\n- 02:05 b').map(iso), ['2023-05-02T11:58Z', '2023-05-02T02:05Z']);
  assert.deepEqual(entriesOf('- 2023-05-02 19:00 a\n- 9:05 b').map(iso), ['2023-05-02T19:00Z', '2023-05-02T09:05Z']);
});

test('a list indented into a code block under the timeline is read as the timeline; a log is not', () => {
  const report = reportWith('All times UTC.\n\n    - 9:40 ::::: the mirror job starts\n    - 10:05 ::::: disk alert, the job\n      keeps writing\n    - 1:15 ::::: job stopped\n\n```\n- 10:07 a log line in a fence\n- 10:08 another\n```\n\n    10:09 a log line\n    10:10 another\n', 'start: 2023-05-02');
  const entries = report.timeline.entries;
  assert.deepEqual(entries.map(iso), ['2023-05-02T09:40Z', '2023-05-02T10:05Z', '2023-05-02T13:15Z']);
  assert.deepEqual(entries.map((e) => textAt(report, e.timeRange)), ['9:40', '10:05', '1:15']);
  assert.equal(entries[1].text, '10:05 ::::: disk alert, the job keeps writing');
});

test('nested items: timed ones are entries, untimed ones are details, untimed parents of timed ones are labels', () => {
  const entries = entriesOf('- Before the outage:\n  - 10:00 a\n  - 10:05 b\n    - a detail\n- 10:30 c\n  - another detail\n- no time here');
  assert.deepEqual(
    entries.map((e) => e.text),
    ['10:00 a', '10:05 b', '10:30 c', 'no time here'],
  );
  assert.deepEqual(entries.map((e) => e.hasTime), [true, true, true, false]);
});

test('prose paragraphs are not entries; paragraph lines starting with a time are', () => {
  const entries = entriesOf('This section lists what happened.\n\n14:05 Errors rise.\ncontinued on the next line\n14:30 **Resolved**');
  assert.deepEqual(entries.map((e) => e.text), ['14:05 Errors rise. continued on the next line', '14:30 Resolved']);
  assert.deepEqual(entries[1].milestones, ['resolved']);
});

test('an entry with no readable time is still an entry, without time or date', () => {
  const [entry] = entriesOf('- The patch lands at 22:02.');
  assert.deepEqual([entry.hasTime, entry.dateOnly, entry.date, entry.utc, entry.timeRange], [false, false, undefined, undefined, undefined]);
});

test('no Timeline section: an empty timeline', () => {
  const report = buildReport('r.md', '# X\n\n## Summary\n\n- 14:05 a\n', new MarkdownParser(), defaultConfig());
  assert.deepEqual(report.timeline, { entries: [], milestones: {}, stated: [] });
});

test('a synonym of the Timeline title is found', () => {
  const report = buildReport('r.md', '# X\n\n## Chronology\n\n- 14:05 a\n', new MarkdownParser(), defaultConfig());
  assert.equal(report.timeline.entries.length, 1);
});

test('10,000 entries parse', () => {
  const lines = ['All times in UTC.', ''];
  for (let i = 0; i < 10_000; i++) {
    const minutes = i % 1440;
    lines.push(`- ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} Event number ${i} happens.`);
  }
  const entries = entriesOf(lines.join('\n'), 'start: 2022-01-01T00:00Z');
  assert.equal(entries.length, 10_000);
  assert.ok(entries.every((e) => e.hasTime && e.utc !== undefined));
  // 10,000 minutes of events wrap past midnight six times.
  assert.equal(entries[9_999].date, '2022-01-07');
});

test('odd input reads without a crash: long lines, deep nesting, plain-text bullets', () => {
  const long = entriesOf(`- 14:05 a.${' '.repeat(50_000)}Resolved.`);
  assert.deepEqual(long.map((e) => e.milestones), [['resolved']]);
  const deep = entriesOf(`${'- '.repeat(200)}14:05 a`);
  assert.ok(deep.length <= 1);
  const bullets = entriesOf('\u2022 14:05 Errors rise.\n\u2022 14:10 Detected.');
  assert.deepEqual(bullets.map((e) => e.milestones), [[], ['detected']]);
  assert.deepEqual(entriesOf('- \n- 14:05').map((e) => e.hasTime), [false, true]);
});

test('a dashed month-name date with a 12-hour time resolves to an instant in the declared zone', () => {
  const entries = entriesOf('All times in CET.\n\n- Apr-22-2022 10:30am Errors rise.\n- Apr-22-2022 1:05pm Rolled back.\n- 23-Apr-2022 09:00 Closed.');
  assert.deepEqual(entries.map(iso), ['2022-04-22T09:30Z', '2022-04-22T12:05Z', '2022-04-23T08:00Z']);
});

test('a table with local and UTC columns reads the time column in the zone its header names', () => {
  const text = '# Backups missing\n\n## Timeline\n\n| NZST | UTC | Event |\n|---|---|---|\n| 2026-06-17 09:46 | 2026-06-16 21:46 | The nightly copy fails. |\n| 2026-06-18 10:10 | 2026-06-17 22:10 | The health report turns red. |\n';
  const report = buildReport('r.md', text, new MarkdownParser(), defaultConfig());
  assert.deepEqual(report.timeline.entries.map(iso), ['2026-06-16T21:46Z', '2026-06-17T22:10Z']);
  assert.deepEqual(report.timeline.entries.map((e) => e.zone), ['NZST', 'NZST']);
  const { findings } = checkReport('r.md', text, new MarkdownParser(), defaultConfig());
  assert.deepEqual(findings.filter((f) => f.ruleId === 'timeline/no-timezone'), []);
});

test('bracketed month-day stamps take the report\'s year, the year before for a month long after the report\'s', () => {
  const report = buildReport('r.md', '# April 9th, 2024 Registry outage\n\n## Timeline\n\nAll times in UTC.\n\n- [11-20 10:05] A bug is merged.\n- [04-08 21:40] Health checks fail.\n- [04-09 06:15] Reported.\n', new MarkdownParser(), defaultConfig());
  assert.deepEqual(report.timeline.entries.map(iso), ['2023-11-20T10:05Z', '2024-04-08T21:40Z', '2024-04-09T06:15Z']);
  assert.deepEqual(report.timeline.entries.map((e) => e.timeProblem), [undefined, undefined, undefined]);
  // Without a time after them, two numbers joined by a dash are a range, not a date.
  assert.deepEqual(entriesOf('All times in UTC.\n\n- 10-15 users saw errors.').map((e) => e.date), [undefined]);
});

test('a zone named by its region is read in the half of the pair its day is in', () => {
  const report = buildReport('r.md', '# Incident\n\n## Timeline, times in Pacific time\n\n- 2023-07-14 09:00 Errors rise.\n- 2023-12-14 09:00 They rise again.\n', new MarkdownParser(), defaultConfig());
  const entries = report.timeline.entries;
  assert.deepEqual(entries.map(iso), ['2023-07-14T16:00Z', '2023-12-14T17:00Z']);
  assert.deepEqual(entries.map((e) => e.zone), ['PDT', 'PST']);
  // The UK's clock: BST in summer, GMT in winter.
  const uk = buildReport('r.md', '# Incident\n\n## Timeline\n\nAll times in UK time.\n\n- 2023-07-14 09:00 Errors rise.\n- 2023-12-14 09:00 They rise again.\n', new MarkdownParser(), defaultConfig()).timeline.entries;
  assert.deepEqual(uk.map(iso), ['2023-07-14T08:00Z', '2023-12-14T09:00Z']);
  assert.deepEqual(uk.map((e) => e.zone), ['BST', 'GMT']);
  // A tz database name under the heading, as some teams write it.
  const tz = buildReport('r.md', '# Incident\n\n## Timeline\n\n*(All times US/Pacific, 24-hour clock.)*\n\n- 2023-07-14 09:00 Errors rise.\n- 2023-12-14 09:00 They rise again.\n', new MarkdownParser(), defaultConfig()).timeline.entries;
  assert.deepEqual(tz.map(iso), ['2023-07-14T16:00Z', '2023-12-14T17:00Z']);
});

test('a date heading gives its day to the untimed entries under it, and to those whose time is unknown', () => {
  const entries = entriesOf('All times in UTC.\n\n### 2023-05-03\n\n* `unknown` - Uploads queue.\n* Nobody notices.\n* `08:00` - A lab asks.\n* Someone replies.\n* TBD - Resent.');
  assert.deepEqual(
    entries.map((e) => [e.date, e.hasTime, e.dateOnly]),
    [['2023-05-03', false, true], ['2023-05-03', false, true], ['2023-05-03', true, false], [undefined, false, false], ['2023-05-03', false, true]],
  );
});

test('a time written after the event, in parentheses or after a dash, times the entry', () => {
  const report = buildReport('2024-03-09-vault.md', '# Vault\n\n## Timeline\n\n1. **Report received** (9 March, ~11:00 UTC)\n2. Patch deployed — 10 March 16:20 UTC\n3. Restarted (about 17:05)\n', new MarkdownParser(), defaultConfig());
  const entries = report.timeline.entries;
  assert.deepEqual(entries.map(iso), ['2024-03-09T11:00Z', '2024-03-10T16:20Z', '2024-03-10T17:05Z']);
  assert.deepEqual(entries.map((e) => textAt(report, e.timeRange)), ['9 March, ~11:00 UTC', '10 March 16:20 UTC', '17:05']);
});

test('numeric dates that can be read either way take the order the timeline, the report day or the zone shows', () => {
  const dates = (file: string, body: string): (string | undefined)[] =>
    buildReport(file, `# X\n\n## Timeline\n\n${body}\n`, new MarkdownParser(), defaultConfig()).timeline.entries.map((e) => e.date);
  // Another date of the timeline can only be day first.
  assert.deepEqual(dates('r.md', 'All times UTC.\n\n### 29-09-2021\n\n- 15:46 a\n\n### 03-10-2021\n\n- 02:17 b'), ['2021-09-29', '2021-10-03']);
  // The file name gives the day.
  assert.deepEqual(dates('2021-10-03-outage.md', 'All times UTC.\n\n- 03/10/2021 02:17 b'), ['2021-10-03']);
  // The year and month folder the report is filed under gives the month; a reading in another
  // month loses, and a folder pair elsewhere in the path or a wrong month tells nothing.
  assert.deepEqual(dates('reports/2021/10/outage.md', 'All times UTC.\n\n- 03/10/2021 02:17 b\n- 04/10/2021 09:00 c'), ['2021-10-03', '2021-10-04']);
  assert.deepEqual(dates('2021/03/outage.md', 'All times UTC.\n\n- 03/10/2021 02:17 b'), ['2021-03-10']);
  assert.deepEqual(dates('2021/03/outage.md', 'All times UTC.\n\n- 04/03/2021 15:48 b'), ['2021-03-04']);
  assert.deepEqual(dates('2021/07/outage.md', 'All times UTC.\n\n- 03/10/2021 02:17 b'), ['2021-03-10']);
  // A European zone writes the day first, a US zone the month.
  assert.deepEqual(dates('r.md', 'All times in CET.\n\n- 03/10/2021 02:17 b'), ['2021-10-03']);
  assert.deepEqual(dates('r.md', 'All times in PDT.\n\n- 03/10/2021 02:17 b'), ['2021-03-10']);
  // A month name written first tells the month-first order.
  assert.deepEqual(dates('r.md', 'All times UTC.\n\n- March 9, 2021 23:00 a\n- 03/10/2021 02:17 b'), ['2021-03-09', '2021-03-10']);
});

test('a numeric date in the title gives the day of bare times when its order is plain or the folder tells it', () => {
  const dates = (file: string, title: string): (string | undefined)[] =>
    buildReport(file, `# ${title}\n\n## Timeline\n\n- **09:15 UTC** Provisioning fails.\n- **10:40 UTC** Recovered.\n`, new MarkdownParser(), defaultConfig()).timeline.entries.map((e) => e.date);
  assert.deepEqual(dates('r.md', '21-10-2025 - Registry outage'), ['2025-10-21', '2025-10-21']);
  assert.deepEqual(dates('r.md', 'Registry outage 10/21/2025'), ['2025-10-21', '2025-10-21']);
  assert.deepEqual(dates('2025/10/r.md', '07.10.2025 - Registry outage'), ['2025-10-07', '2025-10-07']);
  // Both fields can be the month and nothing tells: no day.
  assert.deepEqual(dates('r.md', '07-10-2025 - Registry outage'), [undefined, undefined]);
});

test('a date that stays open says both readings on the first entry that takes its day', () => {
  const report = buildReport('r.md', '# X\n\n## Timeline\n\nAll times in UTC.\n\n### 04/06/2022\n\n- 07:15 a\n- 07:40 b\n', new MarkdownParser(), defaultConfig());
  const [a, b] = report.timeline.entries;
  assert.equal(a.timeProblem, '"04/06/2022" can be April 6 or 4 June, and no other date of the timeline, the report\'s day or its time zone tells which: write it as 2022-04-06 or 2022-06-04. It is read as April 6.');
  assert.equal(b.timeProblem, undefined);
  assert.equal(a.date, '2022-04-06');
});

test('month-day stamps: the order of day and month, as the other stamps show it; an impossible stamp is no date', () => {
  const body = '- [11-28 09:12] Limit lowered.\n- [02-20 15:40] Image rebuilt.\n- [03-14 06:05] Sync stops.\n- 03-14 08:47 Sync restored.';
  assert.deepEqual(entriesOf(`All times in UTC.\n\n${body}`, 'start: 2024-03-14').map(iso), ['2023-11-28T09:12Z', '2024-02-20T15:40Z', '2024-03-14T06:05Z', '2024-03-14T08:47Z']);
  const either = entriesOf('- [03-14 06:05] a\n- [04-05 07:00] b', 'start: 2024-03-14');
  assert.deepEqual([either[1].date, either[1].timeProblem], ['2024-04-05', undefined]);
  assert.equal(entriesOf('- [13-40 06:05] a', 'start: 2024-03-14')[0].hasTime, false);
});

test('offset rows in brackets count from the last row with a clock time, in hours with decimals', () => {
  const table = '| Time (UTC) | Event |\n|---|---|\n| Sep 9 2025, 02:15 PM UTC | Halt |\n| \\[+1 hrs] | Triage |\n| \\[+4.5 hrs] | Patch |\n| [+9 hrs] | Gossip |\n| \\[+30 hrs] | Rejoin |';
  const entries = entriesOf(table);
  assert.deepEqual(entries.map(iso), ['2025-09-09T14:15Z', '2025-09-09T15:15Z', '2025-09-09T18:45Z', '2025-09-09T23:15Z', '2025-09-10T20:15Z']);
  assert.ok(entries.every((e) => e.hasTime && !e.timeProblem));
  const early = entriesOf('| Time | Event |\n|---|---|\n| \\[+1 hrs] | Triage |\n| 2025-09-09 14:15 | Halt |');
  assert.equal(early[0].hasTime, false);
  assert.match(early[0].timeProblem ?? '', /offset/);
});

test('a date and a time joined by a slash are read as written, with no note', () => {
  const [entry] = entriesOf('- *2024-03-14/16:05*: Status page closed', undefined);
  assert.equal(iso(entry), '2024-03-14T16:05Z');
  assert.equal(entry.timeProblem, undefined);
});
