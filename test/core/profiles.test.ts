import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { normalizeTitle } from '../../server/src/core/config/profiles.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { loadFixture } from '../helpers/expectations.js';

test('section titles are compared without case, emphasis, numbering, trailing punctuation or a note', () => {
  assert.equal(normalizeTitle('**What went well?**'), 'what went well');
  assert.equal(normalizeTitle('Timeline (all times UTC)'), 'timeline');
  assert.equal(normalizeTitle('3. Action Items:'), 'action items');
  assert.equal(normalizeTitle('Where did we get lucky'), 'where did we get lucky');
});

test('a template filled in as labelled fields is detected by them, and only what is absent is asked for', () => {
  const read = (name: string) => {
    const fixture = loadFixture(join(import.meta.dirname, '..', 'fixtures', 'rules', 'report', name));
    return checkReport(name, fixture.text, new MarkdownParser(), defaultConfig());
  };
  const full = read('missing-section.fields.md');
  assert.equal(full.report.profile.profile.name, 'google-sre');
  const partial = read('missing-section.fields-no-actions.md');
  assert.equal(partial.report.profile.profile.name, 'google-sre');
  assert.deepEqual(
    partial.findings.filter((f) => f.ruleId === 'report/missing-section').map((f) => f.message),
    ['Missing section "Action items", required by the google-sre template, which this report follows.'],
  );
  assert.equal(read('missing-section.insights.md').report.profile.profile.name, 'pagerduty');
});

test('a report is given a template only where it uses a heading only that template has; headings every template shares give generic', () => {
  const read = (name: string) => {
    const fixture = loadFixture(join(import.meta.dirname, '..', 'fixtures', 'rules', 'report', name));
    return checkReport(name, fixture.text, new MarkdownParser(), defaultConfig()).report.profile;
  };
  // Summary, Timeline, Lessons learnt with its three questions, Action items: wikimedia and google-sre
  // both have them all, and neither is followed for that.
  assert.deepEqual(
    (({ profile, source }) => ({ profile: profile.name, source }))(read('missing-section.shared-headings.md')),
    { profile: 'generic', source: 'fallback' },
  );
  // The same shape with wikimedia's own "Conclusions" and "Scorecard" follows wikimedia.
  assert.equal(read('missing-section.scorecard.md').profile.name, 'wikimedia');
  // Overview, What happened, Root causes, Resolution: names of the summary and of every postmortem,
  // even where a template uses them as its own titles, so nothing is asked for "How'd we do?".
  assert.equal(read('missing-section.story-headings.md').profile.name, 'generic');
  // "**Contributing Factors**:" under "Root Cause" is a detail of that section, not PagerDuty's own
  // section written as a field: nothing is asked for "How'd we do?".
  assert.equal(read('missing-section.detail-fields.md').profile.name, 'generic');
});

test('a section under another name is not asked for: only what is really absent is named', () => {
  const missing = (name: string) => {
    const fixture = loadFixture(join(import.meta.dirname, '..', 'fixtures', 'rules', 'report', name));
    const { findings } = checkReport(name, fixture.text, new MarkdownParser(), defaultConfig());
    return findings.filter((f) => f.ruleId === 'report/missing-section').map((f) => f.message);
  };
  // "Details" plays the summary and gives the cause ("by mistake"), "Recommendations" the actions.
  assert.deepEqual(missing('missing-section.field-title.md'), ['Missing section "Timeline", which every postmortem needs (generic profile).']);
  // "Introduction" and "which meant", "Remedial Measures".
  assert.deepEqual(missing('missing-section.remedial.md'), ['Missing section "Timeline", which every postmortem needs (generic profile).']);
  assert.deepEqual(missing('missing-section.action-names.md'), []);
});
