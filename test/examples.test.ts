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

test('the defects example gives findings', () => {
  const { findings } = check('2024-06-03-login-failures.md');
  assert.ok(findings.some((f) => f.ruleId === 'report/missing-section'));
  assert.ok(findings.some((f) => f.ruleId === 'report/empty-section'));
});
