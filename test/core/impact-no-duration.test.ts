/**
 * The quick fix of impact/no-duration: the duration the timeline gives, written into the impact
 * statement. Metrics are set on the report by hand so the test does not depend on the timeline.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';
import { impactNoDuration } from '../../server/src/core/rules/impact/no-duration.js';
import { applyEdits } from '../../server/src/core/text.js';
import type { RuleFinding } from '../../server/src/core/types.js';

const parser = new MarkdownParser();
const config = defaultConfig();

function check(text: string, minutes?: number): RuleFinding[] {
  const report = buildReport('report.md', text, parser, config);
  report.metrics = { ...report.metrics, timeToResolveMinutes: minutes };
  return impactNoDuration.check({ report, config });
}

const apply = applyEdits;

/** Checks, applies the one fix, checks again: the finding must be gone. */
function fixed(text: string, minutes: number): string {
  const [finding, ...more] = check(text, minutes);
  assert.equal(more.length, 0);
  assert.ok(finding?.fixes?.length === 1, 'a fix is offered');
  const result = apply(text, finding.fixes[0].edits);
  assert.deepEqual(check(result, minutes), [], 'the fixed text passes:\n' + result);
  return result;
}

test('without metrics the finding has no fix and no offer', () => {
  const [finding] = check('# T\n\nImpact: 10% of uploads failed.\n');
  assert.equal(finding.message, 'The impact statement does not say for how long users were affected.');
  assert.equal(finding.fixes, undefined);
});

test('with metrics the message offers the duration the timeline gives', () => {
  const [finding] = check('# T\n\nImpact: 10% of uploads failed.\n', 250);
  assert.match(finding.message, /timeline gives 4 h 10 min/);
  assert.equal(finding.fixes?.[0].title, 'Say that the impact lasted about 4 hours 10 minutes');
});

test('the fix goes at the end of the first sentence of an Impact: line', () => {
  assert.equal(
    fixed('# T\n\n**Impact**: about 10% of uploads could not be embedded. No data was lost.\n', 250),
    '# T\n\n**Impact**: about 10% of uploads could not be embedded for about 4 hours 10 minutes. No data was lost.\n',
  );
});

test('abbreviations and decimals do not end the sentence', () => {
  assert.equal(
    fixed('# T\n\nImpact: 1.5% of saves, e.g. edits to templates, failed. No data was lost.\n', 95),
    '# T\n\nImpact: 1.5% of saves, e.g. edits to templates, failed for about 1 hour 35 minutes. No data was lost.\n',
  );
});

test('a statement without a full stop gets the duration at the end of its first paragraph', () => {
  assert.equal(fixed('# T\n\n## Impact\n\nSearch results were **stale**\n\nMore text.\n', 70), '# T\n\n## Impact\n\nSearch results were **stale** for about 1 hour 10 minutes\n\nMore text.\n');
});

test('in an Impact section made of a list, the first item gets it', () => {
  assert.equal(
    fixed('# T\n\n## Impact\n\n- Thousands of users got an error\n- No data was lost.\n', 1260),
    '# T\n\n## Impact\n\n- Thousands of users got an error for about 21 hours\n- No data was lost.\n',
  );
});

test('a subsection title is skipped: the duration goes into the first paragraph', () => {
  assert.equal(
    fixed('# T\n\n## Impact\n\n### Readers\n\n2% of page views failed. No data was lost.\n', 30),
    '# T\n\n## Impact\n\n### Readers\n\n2% of page views failed for about 30 minutes. No data was lost.\n',
  );
});

test('in a table row, inside the cell', () => {
  assert.equal(fixed('# T\n\n| Field | Value |\n|---|---|\n| Impact | 3% of requests failed |\n', 40), '# T\n\n| Field | Value |\n|---|---|\n| Impact | 3% of requests failed for about 40 minutes |\n');
});

test('in front matter, inside the quotes', () => {
  assert.equal(fixed('---\nimpact: "3% of requests failed"\n---\n# T\n', 40), '---\nimpact: "3% of requests failed for about 40 minutes"\n---\n# T\n');
  assert.equal(fixed('---\nimpact: 3% of requests failed. No loss.\n---\n# T\n', 40), '---\nimpact: 3% of requests failed for about 40 minutes. No loss.\n---\n# T\n');
});

test('a statement that says how long passes, and a useless metric is not offered', () => {
  assert.deepEqual(check('# T\n\nImpact: 10% of uploads failed for 4 hours.\n', 250), []);
  assert.equal(check('# T\n\nImpact: 10% of uploads failed.\n', 0)[0].fixes, undefined);
  assert.equal(check('# T\n\nImpact: 10% of uploads failed.\n', -5)[0].fixes, undefined);
});

test('a front matter duration is the length the report gives; one that holds no length is not', () => {
  const body = '# T\n\n## Impact\n\n- **Customers**: about 20% of packets were lost on transit.\n';
  assert.deepEqual(check(`---\nduration: "7h 45m"\n---\n${body}`, 465), []);
  assert.deepEqual(check(`---\ndowntime: 2 hours\n---\n${body}`), []);
  assert.equal(check(`---\nduration: unknown\n---\n${body}`).length, 1);
  assert.equal(check(body).length, 1);
});
