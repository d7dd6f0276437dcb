import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoInstant, parseOffset } from '../../server/src/core/report/iso-date.js';

test('ISO dates and instants parse to UTC', () => {
  assert.equal(parseIsoInstant('2020-05-19')?.utc, Date.UTC(2020, 4, 19));
  assert.equal(parseIsoInstant('2020-05-19 00:28')?.utc, Date.UTC(2020, 4, 19, 0, 28));
  assert.equal(parseIsoInstant('2020-05-19T00:28:30Z')?.utc, Date.UTC(2020, 4, 19, 0, 28, 30));
  assert.equal(parseIsoInstant('2020-05-19T02:28+02:00')?.utc, Date.UTC(2020, 4, 19, 0, 28));
  assert.equal(parseIsoInstant('2020-05-18T17:28-0700')?.utc, Date.UTC(2020, 4, 19, 0, 28));
  assert.equal(parseIsoInstant('2020-05-19 00:28')?.hasZone, false);
  assert.equal(parseIsoInstant('2020-05-19')?.hasTime, false);
});

test('impossible or malformed dates are rejected', () => {
  for (const bad of ['2020-02-30', '2021-13-01', '2020-05-19 24:00', '19 May 2020', '2020-5-19', 42, null, '2020-05-19T00:28+15:00']) {
    assert.equal(parseIsoInstant(bad), undefined, String(bad));
  }
  assert.equal(parseOffset('+05:30'), 330);
});
