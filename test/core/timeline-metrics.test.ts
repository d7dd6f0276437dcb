import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { findMilestones } from '../../server/src/core/report/timeline/milestones.js';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { loadFixture } from '../helpers/expectations.js';
import { entriesOf, reportWith } from '../helpers/timeline.js';

const milestones = (body: string) => entriesOf(body).map((e) => e.milestones);

test('milestones by marker, anywhere in the entry', () => {
  assert.deepEqual(milestones('- 14:05 [start] Errors rise.\n- 14:12 Paged [detected]\n- 14:30 Rolled back [Mitigated] and [resolved]'), [
    ['start'],
    ['detected'],
    ['mitigated', 'resolved'],
  ]);
});

test('milestones by phrase standing as its own sentence', () => {
  assert.deepEqual(milestones('- 14:05 Outage begins.\n- 14:06 Impact starts\n- 14:12 Alert fires. Detected.\n- 14:30 Mitigated.\n- 15:00 Resolved.\n- 15:01 Outage ends.\n- 15:02 Impact ends'), [
    ['start'],
    ['start'],
    ['detected'],
    ['mitigated'],
    ['resolved'],
    ['resolved'],
    ['resolved'],
  ]);
});

test('milestones by emphasis, as a label, and in a table cell', () => {
  assert.deepEqual(milestones('- 14:12 **Detected** by an alert.\n- 14:30 _Mitigated_: traffic moved.\n- 14:31 Mitigated: traffic moved.'), [['detected'], ['mitigated'], ['mitigated']]);
  assert.deepEqual(
    entriesOf('| Time | Event | Milestone |\n|---|---|---|\n| 14:05 | Errors rise. | Outage begins |').map((e) => e.milestones),
    [['start']],
  );
});

test('a milestone phrase inside a sentence does not count', () => {
  assert.deepEqual(milestones('- 14:12 The issue was detected by a user on IRC.\n- 14:30 We think it resolved itself.\n- 14:40 The outage begins to fade.'), [[], [], []]);
  assert.deepEqual(findMilestones('Errors were detected', 'Errors were detected', []), []);
});

test('metrics from timeline milestones, in whole minutes', () => {
  const report = reportWith('All times in UTC.\n\n- 2022-09-14 18:30 Outage begins.\n- 18:42 **Detected**\n- 19:05:40 Mitigated.\n- 19:30 Resolved.');
  assert.equal(report.metrics.start, Date.UTC(2022, 8, 14, 18, 30));
  assert.deepEqual(
    [report.metrics.timeToDetectMinutes, report.metrics.timeToMitigateMinutes, report.metrics.timeToResolveMinutes],
    [12, 36, 60],
  );
});

test('the last resolution counts, the first start and detection', () => {
  const report = reportWith('- 2022-09-14 18:30 UTC [start]\n- 18:40 [start]\n- 18:45 [detected]\n- 19:00 [resolved]\n- 19:10 [detected]\n- 20:00 [resolved]');
  assert.deepEqual([report.metrics.timeToDetectMinutes, report.metrics.timeToResolveMinutes], [15, 90]);
});

test('front matter fills what the timeline lacks; end is the resolution', () => {
  const report = reportWith('- 18:42 Alert fires. [detected]', 'start: 2022-09-14T18:30Z\nend: 2022-09-14T20:00Z\nmitigated: 2022-09-14T19:00Z');
  assert.deepEqual(
    [report.metrics.timeToDetectMinutes, report.metrics.timeToMitigateMinutes, report.metrics.timeToResolveMinutes],
    [12, 30, 90],
  );
  assert.equal(report.metrics.resolved, Date.UTC(2022, 8, 14, 20, 0));
});

test('the timeline wins over front matter', () => {
  const report = reportWith('- 18:35 Outage begins.\n- 18:50 Detected.', 'start: 2022-09-14T18:30Z\ndetected: 2022-09-14T18:40Z');
  assert.equal(report.metrics.timeToDetectMinutes, 15);
});

test('front matter alone gives metrics; a date without a time does not', () => {
  const report = reportWith('Nothing yet.', 'start: 2022-09-14T18:30Z\ndetected: 2022-09-14T18:31Z\nend: 2022-09-15');
  assert.deepEqual(report.metrics, { start: Date.UTC(2022, 8, 14, 18, 30), detected: Date.UTC(2022, 8, 14, 18, 31), timeToDetectMinutes: 1 });
});

test('a metric that cannot be computed is left undefined; a detection is not an impact start', () => {
  const report = reportWith('- 2022-09-14 18:42 UTC Detected.');
  assert.deepEqual(report.metrics, { detected: Date.UTC(2022, 8, 14, 18, 42) });
  assert.equal(report.timeline.milestones.start, undefined);
});

test('a negative duration leaves the metric undefined', () => {
  const report = reportWith('All times UTC.\n\n- 2022-09-14 18:30 Outage begins.\n- 18:20 Detected.\n- 19:00 Resolved.');
  assert.equal(report.metrics.timeToDetectMinutes, undefined);
  assert.equal(report.metrics.timeToResolveMinutes, 30);
});

test('timeline instants on a synthetic day compare with each other, not with front matter', () => {
  const report = reportWith('- 14:05 Outage begins.\n- 14:20 Detected.');
  assert.equal(report.metrics.timeToDetectMinutes, 15);
  assert.equal(report.metrics.start, undefined);
  const mixed = reportWith('- 14:20 Detected.', 'end: 2022-09-14T20:00Z');
  assert.deepEqual(mixed.metrics, { resolved: Date.UTC(2022, 8, 14, 20, 0) });
});

test('metrics cross midnight with the day rollover', () => {
  const report = reportWith('- 2022-09-14 23:50 UTC Outage begins.\n- 00:20 Resolved.');
  assert.equal(report.metrics.timeToResolveMinutes, 30);
});

test('a stated length of the impact ends it when nothing else says when it stopped', () => {
  const text = [
    '# Test ledger halt while a tool was set up',
    '',
    '**Summary**: The test ledger halted while a process supervisor was installed on our validators.',
    '',
    '**Impact**: Downtime for 1h - two validator keys could not be recovered, no impact on data.',
    '',
    '## Lessons learned',
    '',
    '- Update tools on one validator at a time.',
    '',
  ].join('\n');
  const { report } = checkReport('halt.md', text, new MarkdownParser(), defaultConfig());
  assert.equal(report.metrics.timeToMitigateMinutes, 60);
  assert.equal(report.metrics.timeToResolveMinutes, 60);
  assert.equal(report.timeline.milestones.mitigated?.source, 'stated');
  assert.equal(report.timeline.milestones.mitigated?.range.start.line, 4);
  // A timeline that says when the impact stopped wins over the stated length.
  const timed = `${text}\n## Timeline\n\n- 2025-05-16 10:00 UTC The test ledger halts.\n- 2025-05-16 10:40 UTC Blocks are produced again.\n`;
  assert.equal(checkReport('halt.md', timed, new MarkdownParser(), defaultConfig()).report.metrics.timeToMitigateMinutes, 40);
});

test('a timeline that opens with the detection alone leaves the start unknown; a stated length still measures the impact', () => {
  const body = ['## Timeline', '', 'All times in UTC.', '', '- 2024-09-02 07:10 The outage was noticed by the support team.', '- 2024-09-02 09:05 The site is reachable again.', ''].join('\n');
  const plain = checkReport('site.md', `# Site outage\n\n${body}`, new MarkdownParser(), defaultConfig()).report;
  assert.equal(plain.timeline.milestones.start, undefined);
  assert.equal(plain.metrics.timeToDetectMinutes, undefined);
  assert.equal(plain.metrics.timeToMitigateMinutes, undefined);
  const stated = checkReport('site.md', `# Site outage\n\nThe site was down; downtime for about 2h.\n\n${body}`, new MarkdownParser(), defaultConfig()).report;
  assert.equal(stated.metrics.timeToDetectMinutes, undefined);
  assert.equal(stated.metrics.timeToMitigateMinutes, 120);
  assert.equal(stated.metrics.timeToResolveMinutes, 120);
  // An opening entry that tells what was seen places the start there (time to detect zero).
  const told = body.replace('The outage was noticed by the support team.', 'Users report that the site shows a blank page.');
  assert.equal(checkReport('site.md', `# Site outage\n\n${told}`, new MarkdownParser(), defaultConfig()).report.metrics.timeToDetectMinutes, 0);
});

test('a detection after the mitigation gives no time to detect rather than a wrong one', () => {
  const text = [
    '# Import outage',
    '',
    '## Timeline',
    '',
    'All times in UTC.',
    '',
    '- 2024-07-01 09:00 The import job fails after the schema change.',
    '- 2024-07-01 09:40 We roll back the schema change.',
    '- 2024-07-02 08:15 A customer reports that orders of the day before are missing.',
    '',
  ].join('\n');
  const { report } = checkReport('import.md', text, new MarkdownParser(), defaultConfig());
  assert.equal(report.timeline.milestones.detected?.range.start.line, 8);
  assert.equal(report.metrics.timeToDetectMinutes, undefined);
  assert.equal(report.metrics.timeToMitigateMinutes, 40);
  // A problem that healed by itself can be noticed afterwards: that time to detect stands.
  const healed = checkReport('import.md', text.replace('We roll back the schema change.', 'The job heals itself and everything returns to normal.'), new MarkdownParser(), defaultConfig()).report;
  assert.equal(healed.metrics.timeToDetectMinutes, 1395);
});

test('month-day log stamps and bracketed offset rows give metrics', () => {
  const metricsOf = (name: string) => {
    const file = join(import.meta.dirname, '..', 'fixtures', 'milestones', name);
    return checkReport(name, loadFixture(file).text, new MarkdownParser(), defaultConfig()).report.metrics;
  };
  const stamps = metricsOf('month-day-stamps-log.md');
  assert.deepEqual([stamps.timeToDetectMinutes, stamps.timeToMitigateMinutes, stamps.timeToResolveMinutes], [86, 162, 162]);
  assert.equal(new Date(stamps.start!).toISOString(), '2024-03-14T05:05:00.000Z');
  const offsets = metricsOf('bracketed-offset-rows.md');
  assert.deepEqual([offsets.timeToDetectMinutes, offsets.timeToMitigateMinutes, offsets.timeToResolveMinutes], [90, 540, 540]);
});

test('a length in brackets after the milestone word counts, with a tilde and no space after it', () => {
  const report = reportWith('- 2023-02-06 15:30 UTC The upgrade goes out. [start]', undefined, 'Interest accrued at the wrong rate until the issue got resolved (~20 hrs). It was resolved within a day.\n\n');
  assert.equal(report.metrics.timeToResolveMinutes, 20 * 60);
});

test('"it took us 9 hours to resolve" states the time to resolve; a length that took for something else does not', () => {
  const report = reportWith('- 2023-02-06 04:30 UTC Updates start failing. [start]', undefined, 'With a small crew it took us 9 hours to resolve a problem that could have been fixed in 4.\n\n');
  assert.equal(report.metrics.timeToResolveMinutes, 9 * 60);
  const other = reportWith('- 2023-02-06 04:30 UTC Updates start failing. [start]', undefined, 'It took us 9 hours to write this report.\n\n');
  assert.equal(other.metrics.timeToResolveMinutes, undefined);
});

test('a stated end without its day that would come before the start is on the day after', () => {
  const report = reportWith('- 2025-08-18 23:15 UTC Block signing degradation begins.', undefined, '- Natural resolution: issue resolved at 02:43 UTC without any change on our side.\n\n');
  assert.equal(report.metrics.timeToResolveMinutes, 3 * 60 + 28);
});

test('a header field with a day alone says the milestone happened, without minutes; prose with a day alone does not', () => {
  const timeline = '- 2025-06-03 10:10 UTC The site goes down.\n- 2025-06-03 11:40 UTC Every page is back to normal.';
  const field = reportWith(timeline, undefined, '**Discovery date:** 3 June 2025, during a review\n\n');
  assert.equal(field.timeline.milestones.detected?.source, 'stated');
  assert.equal(field.timeline.milestones.detected?.utc, undefined);
  assert.equal(field.metrics.timeToDetectMinutes, undefined);
  const prose = reportWith(timeline, undefined, 'The upstream takeover was reported around May 28 on a mailing list.\n\n');
  assert.equal(prose.timeline.milestones.detected, undefined);
  // A start needs its time: a day alone leaves the timeline's own reading of it in place.
  const start = reportWith(timeline, undefined, '**Date of incident:** 3 June 2025\n\n');
  assert.equal(start.timeline.milestones.start?.source, 'inferred');
});

test('a resolution taken from the last entry that says the impact stopped shows that entry\'s words for it', () => {
  const report = reportWith(
    '- 2021-07-11 00:27 UTC The web app opens connections very fast; the site goes down.\n- 2021-07-11 01:13 UTC Support ticket opened at the provider; the node is restored.',
  );
  const { resolved } = report.timeline.milestones;
  assert.equal(resolved?.range.start.line, report.timeline.milestones.mitigated?.range.start.line);
  assert.equal(resolved?.words, 'restored');
});
