import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig, parseConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';
import type { ImpactStatement } from '../../server/src/core/report/types.js';
import { RULE_IDS } from '../../server/src/core/rules/index.js';

const parser = new MarkdownParser();

function impactOf(text: string, config = defaultConfig()): { impact?: ImpactStatement; written?: string } {
  const report = buildReport('report.md', text, parser, config);
  const impact = report.impact;
  if (!impact) return {};
  return { impact, written: text.slice(report.lines.offsetAt(impact.range.start), report.lines.offsetAt(impact.range.end)) };
}

test('an Impact section is the statement, from its first content to its last', () => {
  const text = '# T\n\n## Impact\n\n<!-- hint -->\n\n- 10% of uploads failed.\n- No data was lost.\n\n\n## Timeline\n\n- 10:00 start\n';
  const { impact, written } = impactOf(text);
  assert.equal(impact?.source, 'section');
  assert.equal(impact?.section?.title, 'Impact');
  assert.equal(impact?.text, '10% of uploads failed.\nNo data was lost.');
  assert.equal(written, '- 10% of uploads failed.\n- No data was lost.');
});

test('the section goes by any of the profile impact names, at any depth', () => {
  const { impact, written } = impactOf('# T\n\n## Summary\n\n### User impact:\n\nSearch was stale for an hour.\n');
  assert.equal(impact?.source, 'section');
  assert.equal(written, 'Search was stale for an hour.');
});

test('a custom profile names its own impact section', () => {
  const raw = { profile: 'team', profiles: { team: { sections: [{ title: 'Customer effect', kind: 'impact' }] } } };
  const { config, errors } = parseConfig(JSON.stringify(raw), 'c.json', RULE_IDS);
  assert.deepEqual(errors, []);
  assert.equal(impactOf('# T\n\n## Customer effect\n\nAll checkouts failed.\n', config).impact?.source, 'section');
  assert.equal(impactOf('# T\n\n## Impact\n\nAll checkouts failed.\n', config).impact, undefined);
});

test('an empty Impact section is no statement: the next source is used', () => {
  const { impact } = impactOf('# T\n\nImpact: 5% of edits failed.\n\n## Impact\n\n<!-- to do -->\n');
  assert.equal(impact?.source, 'paragraph');
  assert.equal(impact?.text, '5% of edits failed.');
});

test('a metadata table row whose first cell is Impact gives the statement', () => {
  const text = '# T\n\n| Field | Value |\n|---|---|\n| Incident ID | 2020-05-19 |\n| **Impact** |  About 10% of *uploads* failed.  |\n';
  const { impact, written } = impactOf(text);
  assert.equal(impact?.source, 'table');
  assert.equal(impact?.text, 'About 10% of uploads failed.');
  assert.equal(written, 'About 10% of *uploads* failed.');
  assert.equal(impact?.range.start.line, 5);
});

test('a table row labelled Impact but empty is skipped', () => {
  assert.equal(impactOf('# T\n\n| Field | Value |\n|---|---|\n| Impact |  |\n').impact, undefined);
});

test('an Impact: paragraph gives the statement without its label, in each spelling', () => {
  for (const label of ['Impact:', '**Impact**:', '**Impact:**', '_Impact_:', 'IMPACT :', 'User impact:']) {
    const text = `# T\n\n## Summary\n\nA change broke uploads.\n\n${label} about 10% of uploads\nfailed. No data was lost.\n\n## Timeline\n\n- 10:00 start\n`;
    const { impact, written } = impactOf(text);
    assert.equal(impact?.source, 'paragraph', label);
    assert.equal(impact?.text, 'about 10% of uploads\nfailed. No data was lost.', label);
    assert.equal(written, 'about 10% of uploads\nfailed. No data was lost.', label);
  }
});

test('an Impact: line may be a list item before the timeline, with no heading at all', () => {
  const { impact, written } = impactOf('A change broke uploads.\n\n- Impact: 3 wikis were read-only.\n- Task: T1\n');
  assert.equal(impact?.source, 'paragraph');
  assert.equal(written, '3 wikis were read-only.');
});

test('a bare Impact: label takes the block under it as the statement', () => {
  const list = impactOf('# T\n\n## Summary\n\n**Impact:**\n- 10% of uploads failed.\n- No data was lost.\n\n## Timeline\n\n- 10:00 start\n');
  assert.equal(list.impact?.source, 'paragraph');
  assert.equal(list.impact?.text, '10% of uploads failed.\nNo data was lost.');
  assert.equal(list.written, '- 10% of uploads failed.\n- No data was lost.');

  const nested = impactOf('- Impact:\n  - 3 wikis were read-only.\n');
  assert.equal(nested.written, '- 3 wikis were read-only.');

  assert.equal(impactOf('# T\n\nImpact:\n\n## Timeline\n\n- 10:00 all wikis down.\n').impact, undefined);
});

test('an Impact: line in or after the timeline is not the statement', () => {
  assert.equal(impactOf('# T\n\n## Timeline\n\n- 10:00 Impact: 3 wikis down.\n\nImpact: all wikis.\n').impact, undefined);
  assert.equal(impactOf('# T\n\n## Summary\n\nImpactful: not a label.\n').impact, undefined);
});

test('front matter impact gives the statement, quotes and block indicators left out of the range', () => {
  const quoted = impactOf('---\ntitle: T\nimpact: "About 10% of uploads failed."\n---\n# T\n');
  assert.equal(quoted.impact?.source, 'frontmatter');
  assert.equal(quoted.impact?.text, 'About 10% of uploads failed.');
  assert.equal(quoted.written, 'About 10% of uploads failed.');
  assert.deepEqual(quoted.impact?.range.start, { line: 2, character: 9 });

  const block = impactOf('---\nimpact: |\n  Uploads failed.\n  No data was lost.\nstatus: final\n---\n# T\n');
  assert.equal(block.impact?.text, 'Uploads failed.\nNo data was lost.');
  assert.equal(block.written, 'Uploads failed.\n  No data was lost.');

  assert.equal(impactOf('---\nimpact: ""\n---\n# T\n').impact, undefined);
  assert.equal(impactOf('---\nimpact: [broken\n---\n# T\n').impact, undefined);
});

test('precedence: section, then table, then paragraph, then front matter', () => {
  const fm = '---\nimpact: from the front matter\n---\n';
  const para = 'Impact: from the paragraph\n\n';
  const table = '| Field | Value |\n|---|---|\n| Impact | from the table |\n\n';
  const section = '## Impact\n\nfrom the section\n';
  assert.equal(impactOf(fm + '# T\n\n' + para + table + section).impact?.text, 'from the section');
  assert.equal(impactOf(fm + '# T\n\n' + para + table).impact?.text, 'from the table');
  assert.equal(impactOf(fm + '# T\n\n' + para).impact?.text, 'from the paragraph');
  assert.equal(impactOf(fm + '# T\n').impact?.text, 'from the front matter');
  assert.equal(impactOf('# T\n\nNothing about it.\n').impact, undefined);
});

test('an Impact: label that opens a later line of a paragraph is found', () => {
  const text = '# T\n\n## Summary\n\nA failover broke logins.\nImpact: for 48 minutes, 35% of logins failed.\n';
  const { impact, written } = impactOf(text);
  assert.equal(impact?.source, 'paragraph');
  assert.equal(impact?.text, 'for 48 minutes, 35% of logins failed.');
  assert.equal(written, 'for 48 minutes, 35% of logins failed.');
});
