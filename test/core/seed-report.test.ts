/** The 2020 upload incident, written the plain way: its milestones come from its own words. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';

const TEXT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', '2020-upload-keys.md'), 'utf8');
const line = (prefix: string): number => TEXT.split('\n').findIndex((l) => l.startsWith(prefix));

test('detection, mitigation and resolution of the plain report come from its words', () => {
  const { report, findings } = checkReport('2020-upload-keys.md', TEXT, new MarkdownParser(), defaultConfig());
  const m = report.timeline.milestones;
  assert.equal(m.detected?.source, 'inferred');
  assert.equal(m.detected?.range.start.line, line('- 16:39'));
  assert.equal(m.detected?.words, 'Commons forum reports');
  assert.equal(new Date(m.detected!.utc!).toISOString(), '2020-05-18T16:39:00.000Z');
  assert.equal(m.mitigated?.range.start.line, line('- 22:02'));
  assert.equal(m.resolved?.range.start.line, line('- 22:02'));
  assert.equal(m.resolved?.source, 'inferred');
  // No entry says the problem began, so the start is not guessed; only that one is reported missing.
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'timeline/missing-milestone').map((f) => f.message.split(':')[0]),
    ['No impact start found in the timeline, the front matter or the text'],
  );
});
