import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateReport } from '../../bench/report-generator.js';
import { fuzz } from '../helpers/fuzz.js';

// A few thousand mutated reports: no crash, no hang (the test's time limit), every range inside
// its document, incremental equal to from scratch. `npm run fuzz` runs a longer one.
test('fuzzed edit sequences: incremental analysis equals a fresh one, ranges stay inside the document', { timeout: 600_000 }, () => {
  const versions = fuzz(20261128, 250, 8);
  assert.equal(versions, 2000);
});

// Long reports: many chunks, sections cut at the soft chunk limit, chunks that move while
// others stay where they were.
test('fuzzed edit sequences on long generated reports: incremental analysis equals a fresh one', { timeout: 600_000 }, () => {
  const versions = fuzz(20261129, 5, 5, undefined, [generateReport(40 * 1024), generateReport(70 * 1024)]);
  assert.equal(versions, 25);
});
