/**
 * Milestone fixtures: every `test/fixtures/milestones/*.md` is checked and the report's chosen
 * milestones must be exactly those marked inline, `<!-- ^ milestone/start -->` (also
 * `milestone/detected`, `milestone/mitigated`, `milestone/resolved`) under the line the milestone
 * is read from. A line without a marker must give no milestone, so each fixture proves where a
 * reading fires and where it must not.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { MILESTONES } from '../../server/src/core/report/timeline/lexicon.js';
import { describe, loadFixture } from '../helpers/expectations.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'milestones');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
  test(`milestones: ${file}`, () => {
    const fixture = loadFixture(join(DIR, file));
    const { report } = checkReport(file, fixture.text, new MarkdownParser(), defaultConfig());
    const chosen = MILESTONES.flatMap((m) => {
      const fact = report.timeline.milestones[m];
      return fact ? [{ line: fact.range.start.line, ruleId: `milestone/${m}` }] : [];
    });
    assert.deepEqual(describe(chosen), describe(fixture.expected.filter((e) => e.ruleId.startsWith('milestone/'))));
  });
}
