import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasDuration, hasQuantity, statesDataLoss } from '../../server/src/core/report/impact-phrases.js';

test('durations in words, digits and abbreviations', () => {
  for (const text of [
    'Uploads failed for 40 minutes.',
    'Edits failed for about an hour.',
    'Search was stale for half an hour.',
    'The API was down for two hours.',
    'Saves failed for a few minutes.',
    'Outage of 2h.',
    'Outage of 1.5 h.',
    'Outage of 40m.',
    'Outage of 2h30m.',
    'Outage of 4 h 10 min.',
    'A 90-minute outage.',
    'Logins failed between 14:00 and 15:10 UTC.',
    'Logins failed from 14:00 until 15:10.',
    'Logins failed 14:00–15:10.',
    'Logins failed 14:00 to 15:10.',
    'Saves failed from Monday to Wednesday.',
    'Saves failed between May 21 and May 23.',
    'Saves failed from 2020-05-19 to 2020-05-20.',
    'Saves failed from the deploy until the rollback.',
    'Mail was not sent to the users starting\nFebruary 3th, 2023 around 11:37PM until February 6th, 2023 13:06.',
    'The job queue was stalled for a day.',
    'The queue was stalled overnight.',
    'Mail was delayed for several days.',
    'Between the hours of 1900 and 2100 UTC the network was degraded.',
    'This database outage lasted mere minutes.',
    'The queue was stuck for a matter of hours.',
  ]) {
    assert.equal(hasDuration(text), true, text);
  }
});

test('statements without a duration', () => {
  for (const text of [
    'Mail was not sent starting February 3.\n\nIt was fixed on February 6 at 13:06.',
    'About 10% of uploads could not be embedded.',
    '3% of API requests failed with HTTP 500s.',
    'Thousands of users got an error at 14:00.',
    'Uploads moved from Commons to Wikipedia.',
    'Saves failed on Monday.',
    'Version 1.35.0-wmf.31 was affected.',
    'Five million page views were served stale.',
    'Saves failed between 2019 and 2021 on old clients.',
    'A mere handful of users noticed.',
  ]) {
    assert.equal(hasDuration(text), false, text);
  }
});

test('amounts: numbers, percentages, number words, fractions, wholes', () => {
  for (const text of [
    'About 10% of uploads failed.',
    'Three wikis were read-only.',
    '2,000 users could not log in.',
    'Ten percent of edits failed.',
    'Thousands of users got an error.',
    'Half of the API clients retried.',
    'All logged-in users saw errors.',
    'Every wiki was affected.',
    'The entire site was down.',
    'Most edits were slow.',
    '3 of 40 servers stopped.',
    'Devnet halted at the upgrade height.',
    'Tools / services unreachable: wiki, chat bridge.',
    'Plausible is not responding since this morning.',
    'The Lindenfeld website example.org was affected by an outage of our host.',
    'The search was unavailable for 13 minutes.',
    '- Role management in the UI layer stopped working',
    '- Automatic review assignments for users with the review role did not happen anymore',
    'Multiple downtimes throughout the day.',
  ]) {
    assert.equal(hasQuantity(text), true, text);
  }
});

test('dates, times, task ids, versions, links and durations are not amounts', () => {
  for (const text of [
    'Some users could not log in.',
    'Users could not log in on 2016-07-07 from 14:00 to 15:10 (T139015).',
    'Edits were slow in version 1.35.0-wmf.31.',
    'See https://example.org/T42 and phab:T253405 and OPS-1234 and #77.',
    'Logins failed for 70 minutes.',
    'Logins failed for an hour and 2h more.',
    'Search was slower than usual in the help center.',
    'Some pages of the site were slow.',
    'Some searches were unavailable.',
    'The search was unavailable for some users.',
    'Uploads from a few tools stopped working for several hours.',
  ]) {
    assert.equal(hasQuantity(text), false, text);
  }
});

test('saying whether data was lost, either way', () => {
  for (const text of ['No data was lost.', 'There was no data loss.', '12 thumbnails were corrupted.', 'Stored sessions stayed intact.', 'All data was restored from backup.', 'We lost 40 edits.']) {
    assert.equal(statesDataLoss(text), true, text);
  }
  for (const text of [
    'The chain state remained consistent.',
    'All funds are safe.',
    'Neither test nor real funds were ever at risk.',
    'We recovered the donated tokens, and depositors were made whole.',
    'Releases were frozen. Otherwise, nothing was affected.',
  ]) {
    assert.equal(statesDataLoss(text), true, text);
  }
  for (const text of ['About 2,000 users could not log in.', '300 editors lost access to the API.', 'Clients lost connection for 5 minutes.', 'The service state was restored by a restart.', 'Funds transfers were slow.']) {
    assert.equal(statesDataLoss(text), false, text);
  }
});
