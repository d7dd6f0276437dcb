/**
 * The `incident` snippet, filled in the way a writer would, must be a report the core checks
 * accept without a single finding: the snippet teaches the structure the rules expect.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expandSnippet } from '../../client/src/snippet.js';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** What a writer types into each tab stop of the report snippet. */
const FILLED: Record<number, string> = {
  1: 'Thumbnails missing after a cache configuration change',
  3: 'A change to the cache configuration of one wiki made thumbnail metadata be stored in two places. Uploads made there could not be seen from other wikis until the keys were shared again.',
  4: 'For 21 hours, about 10% of new uploads (roughly 1,200 files) could not be used in articles on other wikis. No data was lost: every file became visible once the fix was deployed.',
  5: '2020-05-21 00:28',
  6: 'The cache configuration change is deployed; new uploads start to be invisible from other wikis.',
  7: '16:39',
  8: 'Users report on the help desk that recently uploaded files cannot be found.',
  9: '20:45',
  10: 'The configuration change is reverted and new uploads are visible again.',
  11: '21:23',
  12: 'The code fix is deployed; the files uploaded before the revert are visible again.',
  13: 'Users reported the problem on the help desk about sixteen hours after it started. No alert fired.',
  14: 'Once the cause was known, the revert took minutes.',
  15: 'Nothing measured how many uploads failed to appear, so the problem went unnoticed for hours.',
  16: 'The change had been made on one wiki only.',
  17: 'Add an alert on the rate of uploads that other wikis cannot find',
  18: 'T253406',
  19: 'jdoe',
  20: 'Task [T253405](https://phabricator.wikimedia.org/T253405)',
};

function reportSnippetBody(): string | string[] {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'templates', 'snippets.code-snippets'), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
  const report = Object.values(snippets).find((s) => [s.prefix].flat().includes('incident'));
  assert.ok(report, 'a snippet with prefix "incident"');
  return report.body;
}

function filledReport(): string {
  return expandSnippet(reportSnippetBody(), {
    tabstop: (index, placeholder) => FILLED[index] ?? placeholder,
    variables: { CURRENT_YEAR: '2020', CURRENT_MONTH: '05', CURRENT_DATE: '21' },
  });
}

test('every tab stop of the report snippet is filled by this test', () => {
  const unfilled: number[] = [];
  expandSnippet(reportSnippetBody(), { tabstop: (index, placeholder) => (index > 2 && !(index in FILLED) && unfilled.push(index), placeholder) });
  assert.deepEqual(unfilled, []);
});

test('the filled report snippet passes every report check', () => {
  const text = filledReport();
  const { findings } = checkReport('incidents/2020-05-21-thumbnails.md', text, new MarkdownParser(), defaultConfig('wikimedia'));
  assert.deepEqual(
    findings.map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`),
    [],
    text,
  );
});

test('the report snippet as inserted, before it is filled in, is not a finished report', () => {
  // Guards the test above: it means something only if the checks do find what a writer left out.
  const text = expandSnippet(reportSnippetBody(), { variables: { CURRENT_YEAR: '2020', CURRENT_MONTH: '05', CURRENT_DATE: '21' } });
  const { findings } = checkReport('incidents/2020-05-21-new.md', text, new MarkdownParser(), defaultConfig('wikimedia'));
  assert.ok(findings.length > 0, text);
});
