import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { OWNER_PLACEHOLDER } from '../../server/src/core/rules/actionables/no-owner.js';
import { applyEdits } from '../../server/src/core/text.js';
import type { Finding } from '../../server/src/core/types.js';
import { fixtureConfig } from '../helpers/report-rules.js';

const parser = new MarkdownParser();

function noOwner(text: string, config = defaultConfig()): Finding[] {
  return checkReport('r.md', text, parser, config).findings.filter((f) => f.ruleId === 'actionables/no-owner');
}

const apply = applyEdits;

const report = [
  '# Thumbnail errors',
  '',
  '## Actionables',
  '',
  '- Make the thumbnail key global T253778   ',
  '- [ ] Review the rollout checklist T253780,',
  '  which was written for a single wiki',
  '- Alerting for uploads',
  '  - [ ] Alert on 404s for fresh files T253786',
  '',
  '| Task | Action | Owner |',
  '|------|--------|-------|',
  '| T43 | Train the next on-call |  |',
  '| T44 | Write the runbook |',
  '',
  '| Task | Action |',
  '|------|--------|',
  '| T45 | Add a dashboard |',
  '',
].join('\n');

test('the owner quick fix makes each finding go away and leaves a placeholder to fill in', () => {
  const before = noOwner(report);
  assert.deepEqual(
    before.map((f) => f.range.start.line + 1),
    [5, 6, 9, 13, 14, 18],
  );
  for (const finding of before) {
    assert.equal(finding.fixes?.length, 1);
    const fixed = apply(report, finding.fixes![0].edits);
    assert.ok(fixed.includes(OWNER_PLACEHOLDER));
    const after = noOwner(fixed);
    assert.equal(after.length, before.length - 1, `fixing line ${finding.range.start.line + 1}:\n${fixed}`);
    assert.ok(!after.some((f) => f.range.start.line === finding.range.start.line), 'the finding for that item is gone');
  }
});

test('the placeholder lands at the end of the first line, or in the owner cell', () => {
  const [plain, multiLine, , cell, shortRow, noColumn] = noOwner(report);
  assert.equal(apply(report, plain.fixes![0].edits).split('\n')[4], `- Make the thumbnail key global T253778 Owner: ${OWNER_PLACEHOLDER}   `);
  const lines = apply(report, multiLine.fixes![0].edits).split('\n');
  assert.equal(lines[5], `- [ ] Review the rollout checklist T253780, Owner: ${OWNER_PLACEHOLDER}`);
  assert.equal(lines[6], '  which was written for a single wiki');
  assert.equal(apply(report, cell.fixes![0].edits).split('\n')[12], `| T43 | Train the next on-call | ${OWNER_PLACEHOLDER} |`);
  assert.equal(apply(report, shortRow.fixes![0].edits).split('\n')[13], `| T44 | Write the runbook Owner: ${OWNER_PLACEHOLDER} |`);
  assert.equal(apply(report, noColumn.fixes![0].edits).split('\n')[17], `| T45 | Add a dashboard Owner: ${OWNER_PLACEHOLDER} |`);
});

test('the placeholder is the kind report/placeholder flags: angle brackets around a word', () => {
  assert.match(OWNER_PLACEHOLDER, /^<[a-z]+>$/);
  // What the quick fix writes is flagged until someone fills it in.
  const [first] = noOwner(report);
  const fixed = apply(report, first.fixes![0].edits);
  const placeholders = checkReport('r.md', fixed, parser, defaultConfig()).findings.filter((f) => f.ruleId === 'report/placeholder');
  assert.deepEqual(
    placeholders.map((f) => [f.range.start.line, fixed.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)]),
    [[4, OWNER_PLACEHOLDER]],
  );
});

test('with CRLF line breaks the placeholder goes before the line break', () => {
  const crlf = report.replace(/\n/g, '\r\n');
  const [first] = noOwner(crlf);
  const fixed = apply(crlf, first.fixes![0].edits);
  assert.equal(fixed.split('\r\n')[4], `- Make the thumbnail key global T253778 Owner: ${OWNER_PLACEHOLDER}   `);
  assert.equal(noOwner(fixed).length, noOwner(crlf).length - 1);
});

test('with an owners list, the quick fixes offer the owners of the components and paths an actionable names, teams first', () => {
  const config = fixtureConfig({ owners: ['../owners/maintainers.yaml', '../owners/CODEOWNERS'] });
  const text = [
    '# Thumbnail errors',
    '',
    '## Actionables',
    '',
    '- Make the metadata key of filerepo global T253778',
    '- Purge the old entries under `includes/objectcache/` T253779',
    '',
    '| Task | Action | Owner |',
    '|------|--------|-------|',
    '| T46 | Log the failures of Central Login |  |',
    '',
    '- Write a test for mixed-version deploys, e.g. in README.txt T253780',
    '',
  ].join('\n');
  const findings = noOwner(text, config);
  const titles = findings.map((f) => f.fixes!.map((fix) => fix.title));
  assert.deepEqual(titles, [
    // FileRepo: its team, then its active people (lbaptiste left in 2023).
    ['Make @media-storage the owner (maintains FileRepo)', 'Make @rkowalski the owner (maintains FileRepo)', 'Add an "Owner:" placeholder'],
    ['Make @acme/performance the owner (maintains /includes/objectcache/)', 'Add an "Owner:" placeholder'],
    ['Make @identity the owner (maintains CentralLogin)', 'Make @ahmed.s the owner (maintains CentralLogin)', 'Add an "Owner:" placeholder'],
    // A sentence that names no component gets the placeholder only: the whole-repository default owner is no answer.
    ['Add an "Owner:" placeholder'],
  ]);
  const fixed = apply(text, findings[0].fixes![0].edits);
  assert.equal(fixed.split('\n')[4], '- Make the metadata key of filerepo global T253778 Owner: @media-storage');
  assert.equal(apply(text, findings[2].fixes![1].edits).split('\n')[9], '| T46 | Log the failures of Central Login | @ahmed.s |');
  assert.equal(noOwner(fixed, config).length, findings.length - 1, 'the owner written is one the reader takes');
});
