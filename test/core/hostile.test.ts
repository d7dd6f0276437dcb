import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig, type ResolvedConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import type { Finding } from '../../server/src/core/types.js';
import { HOSTILE_FRAGMENTS, hostileReport } from '../helpers/hostile.js';

const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);

for (const [name, fragment] of Object.entries(HOSTILE_FRAGMENTS)) {
  test(`${name}: the section is not checked, says so once, and the rest of the report is checked`, () => {
    const text = hostileReport(fragment);
    const { findings, report } = checkReport('r.md', text, new MarkdownParser(), defaultConfig());
    const info = findings.filter((f) => f.ruleId === 'report/too-complex');
    assert.equal(info.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(info[0].severity, 'info');
    assert.match(info[0].message, /^Not checked in this version: section "Notes" \(/);
    assert.equal(text.split('\n')[info[0].range.start.line], '## Notes');
    // The sections around it are still read and checked.
    assert.ok(ids(findings).includes('report/placeholder'), 'the TODO in the summary is found');
    assert.equal(report.timeline.entries.length, 3);
    assert.equal(report.metrics.timeToResolveMinutes, 50);
  });
}

test('a section over its time budget is not checked in that version; the finding names it', () => {
  const config: ResolvedConfig = { ...defaultConfig(), analysis: { sectionBudgetMs: 1e-9, maxReportBytes: 1 << 20 } };
  const { findings } = checkReport('r.md', hostileReport('Nothing unusual here.'), new MarkdownParser(), config);
  const info = findings.filter((f) => f.ruleId === 'report/too-complex');
  assert.equal(info.length, 1);
  assert.match(info[0].message, /^Not checked in this version: section "front matter", section "Disk full", section "Summary" and 2 more \(it took longer than its time budget\)\./);
  assert.ok(!ids(findings).includes('report/placeholder'), 'the chunk-scoped rules did not run');
});

test('a report over the size limit is not checked at all, with one finding that says so', () => {
  const config: ResolvedConfig = { ...defaultConfig(), analysis: { sectionBudgetMs: 250, maxReportBytes: 1024 } };
  const { findings } = checkReport('r.md', hostileReport('x '.repeat(2000)), new MarkdownParser(), config);
  assert.deepEqual(ids(findings), ['report/too-complex']);
  assert.match(findings[0].message, /^This report was not checked: the report is 5 KB, over the size limit of 1 KB\.$/);
});

const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill('*' + 'abcdefgh'[i]).join(', ')}]`)].join('\n');

const BAD_FRONT_MATTER: Record<string, [string, RegExp]> = {
  'a YAML alias bomb': [BOMB, /^Front matter uses aliases \(\*name\) that would expand to too many values/],
  'flow collections nested 5,000 deep': ['a: ' + '['.repeat(5000) + ']'.repeat(5000), /^Front matter is nested more than 64 levels deep\.$/],
  'mappings nested 300 deep': [Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + 'k' + i + ':').join('\n'), /^Front matter is nested more than 64 levels deep\.$/],
  'sequences nested 300 deep': [Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + '- ').join('\n') + 'x', /^Front matter is nested more than 64 levels deep\.$/],
};

for (const [name, [yaml, message]] of Object.entries(BAD_FRONT_MATTER)) {
  test(`front matter with ${name} is a metadata/invalid finding, and the report is still checked`, () => {
    const { findings, report } = checkReport('r.md', hostileReport('Nothing unusual.', yaml), new MarkdownParser(), defaultConfig());
    const invalid = findings.filter((f) => f.ruleId === 'metadata/invalid');
    assert.equal(invalid.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.match(invalid[0].message, message);
    assert.equal(invalid[0].range.start.line, 0);
    assert.ok(!findings.some((f) => /internal error/i.test(f.message)));
    assert.equal(report.timeline.entries.length, 3);
  });
}

test('CR-only line endings are line breaks everywhere: same findings, same ranges as with LF', () => {
  const lf = hostileReport('Someone was careless yesterday.');
  const cr = lf.replace(/\n/g, '\r');
  const a = checkReport('r.md', lf, new MarkdownParser(), defaultConfig());
  const b = checkReport('r.md', cr, new MarkdownParser(), defaultConfig());
  assert.ok(a.findings.length >= 3);
  assert.deepEqual(
    b.findings.map((f) => [f.ruleId, f.range, f.message]),
    a.findings.map((f) => [f.ruleId, f.range, f.message]),
  );
  assert.deepEqual(b.report.metrics, a.report.metrics);
  assert.equal(b.report.sections.length, a.report.sections.length);
});
