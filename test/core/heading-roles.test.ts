/** Section names with the notes authors add, and which profile a report's headings follow. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { coreTitle, headingRole, normalizeTitle, sectionRole } from '../../server/src/core/report/heading-roles.js';
import { chooseProfile } from '../../server/src/core/report/profile-detect.js';
import { buildSections } from '../../server/src/core/report/sections.js';
import { LineIndex } from '../../server/src/core/text.js';

test('a known section name with a note after it is still that section', () => {
  const cases: [string, string][] = [
    ['Timeline (all times PST) 10/14/2022 - 11/03/2022. All times approximations', 'timeline'],
    ['Timeline (UTC) All Times Approximate', 'timeline'],
    ['Incident Timeline', 'timeline'],
    ['Incident Impact', 'impact'],
    ['Lessons learnt', 'lessons'],
    ['Action items', 'actionables'],
    ['Follow-ups', 'actionables'],
    ['Follow-up improvements', 'actionables'],
    ['Root cause(s)', 'cause'],
    ['Contributing Factors (findings)', 'cause'],
    ['Corrective and Preventative Measure', 'actionables'],
    ['Proactive measures', 'actionables'],
    ['How are we going to do better in the future?', 'actionables'],
    ['Resolution and recovery', 'resolution'],
    ['Issue Summary', 'summary'],
    ['**Timeline**: 3 March', 'timeline'],
    ['Description <a href="#description" id="description"></a>', 'summary'],
    ['Action Items <a href="#action-items" id="action-items"></a>', 'actionables'],
  ];
  for (const [title, role] of cases) assert.equal(headingRole(title), role, title);
  for (const title of ['Attendees', 'Stats', 'Q&A', 'Timeline-based billing', 'Root', 'Action figures']) assert.equal(headingRole(title), undefined, title);
  assert.equal(coreTitle(normalizeTitle('Root cause(s)')), 'root cause');
  assert.equal(coreTitle(normalizeTitle('Timeline of events')), 'timeline of events');
});

test('a section under another name plays its role by its head words and question forms', () => {
  const cases: [string, string][] = [
    ['Platform Response Timeline', 'timeline'],
    ['Sequence of events', 'timeline'],
    ['Future plan', 'actionables'],
    ['Future works', 'actionables'],
    ['Symptoms', 'impact'],
    ['Who was affected?', 'impact'],
    ['What was the impact identified?', 'impact'],
    ['Potential Impact', 'impact'],
    ['What happened?', 'summary'],
    ['Problem', 'summary'],
    ['Why did it happen?', 'cause'],
    ['Details of Incident', 'cause'],
    ['Investigation', 'cause'],
    ['Solution', 'resolution'],
    ['Details of Fix', 'resolution'],
    ['Solving (temporarily)', 'resolution'],
    ['Next steps', 'actionables'],
    ['Alerting improvements', 'actionables'],
    ['Why was this hard to detect?', 'detection'],
    ['Alert', 'detection'],
    ['Conclusion', 'lessons'],
    ['Background', 'summary'],
    ['Fallout', 'impact'],
    ['Looking Forward', 'actionables'],
    ['Looking ahead', 'actionables'],
    ['Proactive Measures', 'actionables'],
    ['Root of Issue', 'cause'],
    ['Root of the problem', 'cause'],
  ];
  for (const [title, role] of cases) assert.equal(sectionRole(title), role, title);
  // Not a role: a yes/no question, a hyphenated word, a timeline entry, a sentence.
  for (const title of ['Are the mobile apps affected?', 'Timeline-based billing', 'Action figures', '14:05 - the fix is deployed', 'Later on', 'Looking-forward statements', 'Proactive', 'Root of all evil']) {
    assert.equal(sectionRole(title), undefined, title);
  }
  // Deciding what a file is takes the names only: a README's "Problem" and "Solution" are no postmortem.
  for (const title of ['Problem', 'Solution', 'Symptoms', 'Background']) assert.equal(headingRole(title), undefined, title);
});

function profileOf(markdown: string, config = defaultConfig()) {
  const lines = new LineIndex(markdown);
  const { sections } = buildSections(new MarkdownParser().parse(markdown), lines);
  return chooseProfile(sections, config);
}

const headings = (...titles: string[]) => titles.map((t) => `## ${t}\n\nText.\n`).join('\n');

test('with no profile configured, a report gets the built-in template its headings follow', () => {
  const sre = profileOf(headings('Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'Timeline'));
  assert.deepEqual([sre.profile.name, sre.source], ['google-sre', 'detected']);
  const pd = profileOf(headings('Overview', 'What happened', 'Contributing factors', 'Resolution', 'Impact', 'Responders', 'Timeline', "How'd we do?", 'Action items'));
  assert.equal(pd.profile.name, 'pagerduty');
  const atl = profileOf(headings('Incident summary', 'Leadup', 'Fault', 'Impact', 'Detection', 'Response', 'Recovery', 'Timeline', 'Five whys', 'Root cause', 'Lessons learned', 'Corrective actions'));
  assert.equal(atl.profile.name, 'atlassian');
  const wm = profileOf(headings('Summary', 'Impact', 'Timeline', 'Detection', 'Conclusions', 'Actionables', 'Scorecard'));
  assert.equal(wm.profile.name, 'wikimedia');
});

test('a report that follows none of them gets generic; a configured profile always wins', () => {
  const own = profileOf(headings('Summary', 'Timeline', 'Contributing Factors', 'Action Items', 'Lessons Learned', 'Attendees', 'Stats'));
  assert.deepEqual([own.profile.name, own.source], ['generic', 'fallback']);
  const bare = profileOf('# Title\n\nSome words.\n');
  assert.equal(bare.profile.name, 'generic');
  const configured = profileOf(headings('Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Timeline'), defaultConfig('atlassian'));
  assert.deepEqual([configured.profile.name, configured.source], ['atlassian', 'configured']);
});
