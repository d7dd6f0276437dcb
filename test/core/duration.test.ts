import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '../../server/src/core/report/duration.js';

test('durations are written largest unit first, zero units left out', () => {
  assert.equal(formatDuration(250), '4 hours 10 minutes');
  assert.equal(formatDuration(60), '1 hour');
  assert.equal(formatDuration(1), '1 minute');
  assert.equal(formatDuration(45), '45 minutes');
  assert.equal(formatDuration(1260), '21 hours');
  assert.equal(formatDuration(1440), '1 day');
  assert.equal(formatDuration(1500), '1 day 1 hour');
  assert.equal(formatDuration(2 * 1440 + 5), '2 days 5 minutes');
  assert.equal(formatDuration(0), '0 minutes');
});

test('the short style abbreviates units', () => {
  assert.equal(formatDuration(250, 'short'), '4 h 10 min');
  assert.equal(formatDuration(1441, 'short'), '1 d 1 min');
});

test('fractions round to the nearest minute', () => {
  assert.equal(formatDuration(59.6), '1 hour');
  assert.equal(formatDuration(0.4), '0 minutes');
});

test('a negative or non-finite duration is refused', () => {
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => formatDuration(bad), RangeError);
});
