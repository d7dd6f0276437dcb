import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkReport } from '../server/src/core/check.js';
import { defaultConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples', 'incidents');

function check(name: string) {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  return checkReport(name, text, new MarkdownParser(), defaultConfig());
}

test('the good example gives no finding at all', () => {
  const { findings } = check('2024-03-12-search-index-lag.md');
  assert.deepEqual(
    findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`),
    [],
  );
});

test('the example in the table style gives no finding either, and its metrics', () => {
  const { findings, report } = check('2023-11-28-mobile-api-certificate.md');
  assert.deepEqual(
    findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`),
    [],
  );
  assert.deepEqual(
    [report.metrics.timeToDetectMinutes, report.metrics.timeToMitigateMinutes, report.metrics.timeToResolveMinutes],
    [12, 51, 85],
  );
});

test('the defects example shows the typical defects', () => {
  const { findings } = check('2024-06-03-login-failures.md');
  const fired = new Set(findings.map((f) => f.ruleId));
  for (const id of ['report/missing-section', 'report/empty-section', 'report/placeholder', 'metadata/invalid', 'impact/not-quantified', 'timeline/no-timezone', 'timeline/out-of-order', 'actionables/vague', 'style/blame', 'style/relative-date']) {
    assert.ok(fired.has(id), `${id} fires`);
  }
  assert.ok(findings.some((f) => f.severity === 'error'), 'npm start shows exit code 1 with it');
});
