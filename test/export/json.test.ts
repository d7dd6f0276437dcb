import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { renderJson } from '../../server/src/core/export/json.js';
import { assertGolden, checkText, EXAMPLES, exampleFiles, GOLDEN, loadFixture, ROOT } from '../helpers/export.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'report.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function assertValid(json: unknown, what: string): void {
  const ok = validate(json);
  assert.ok(ok, `${what} does not match docs/report.schema.json: ${ajv.errorsText(validate.errors)}`);
}

for (const name of ['cache-split.md', 'login-table.md', 'hostile.md']) {
  test(`json golden and schema: ${name}`, () => {
    const { report, findings } = loadFixture(name);
    const out = renderJson(report, findings);
    assertValid(JSON.parse(out), name);
    assertGolden(out, join(GOLDEN, name.replace(/\.md$/, '.json')));
  });
}

for (const name of exampleFiles()) {
  test(`json golden and schema: examples/${name}`, () => {
    const { report, findings } = checkText(name, readFileSync(join(EXAMPLES, name), 'utf8'));
    const out = renderJson(report, findings);
    assertValid(JSON.parse(out), name);
    assertGolden(out, join(GOLDEN, 'examples', name.replace(/\.md$/, '.json')));
  });
}

test('the structured report: metadata, sections, timeline in UTC, metrics, actionables, findings', () => {
  const { report, findings } = loadFixture('cache-split.md');
  const json = JSON.parse(renderJson(report, findings));
  assert.equal(json.version, 1);
  assert.equal(json.title, 'Thumbnail metadata cache split between wikis');
  assert.deepEqual(json.metadata.start, { text: '2026-03-04T07:15Z', utc: '2026-03-04T07:15:00Z', hasTime: true });
  assert.deepEqual(json.metadata.coordinators, ['Ana', 'Bilal']);
  assert.equal(json.metadata.responderCount, 4);
  assert.deepEqual(
    json.sections.map((s: { title: string }) => s.title),
    ['Thumbnail metadata cache split between wikis'],
  );
  const h2 = json.sections[0].sections.map((s: { title: string }) => s.title);
  assert.deepEqual(h2, ['Summary', 'Impact', 'Timeline', 'Detection', 'Conclusions', 'Actionables']);
  const timeline = json.sections[0].sections[2];
  assert.ok(timeline.markdown.startsWith('All times in UTC.\n\n- 07:15'));
  assert.equal(json.timeline.declaredZone, 'UTC');
  assert.equal(json.timeline.entries.length, 6);
  assert.deepEqual(json.timeline.entries[2], {
    line: 38,
    column: 1,
    endLine: 38,
    endColumn: 63,
    text: '09:02 The report is filed as T401122 and triaged. [detected]',
    time: '2026-03-04T09:02:00Z',
    date: '2026-03-04',
    hasTime: true,
    dateOnly: false,
    zone: 'UTC',
    zoneOnEntry: false,
    milestones: ['detected'],
  });
  assert.deepEqual(json.metrics, {
    start: '2026-03-04T07:15:00Z',
    detected: '2026-03-04T09:02:00Z',
    mitigated: '2026-03-04T10:50:00Z',
    resolved: '2026-03-04T11:40:00Z',
    timeToDetectMinutes: 107,
    timeToMitigateMinutes: 215,
    timeToResolveMinutes: 265,
  });
  assert.deepEqual(json.actionables[2].tasks, ['T401122']);
  assert.equal(json.actionables[2].owner, '@bilal');
  assert.equal(json.actionables[2].done, true);
  assert.equal(json.actionables[3].owner, undefined, 'unknown values are left out');
  assert.deepEqual(Object.keys(json.findings[0] ?? { ruleId: 0, severity: 0, message: 0, line: 0, column: 0, endLine: 0, endColumn: 0 }), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
});

test('findings are exported with 1-based positions', () => {
  const { report, findings } = loadFixture('login-table.md');
  assert.ok(findings.length > 0);
  const json = JSON.parse(renderJson(report, findings));
  assert.equal(json.findings.length, findings.length);
  assert.equal(json.findings[0].line, findings[0].range.start.line + 1);
  assert.equal(json.findings[0].column, findings[0].range.start.character + 1);
});

test('odd front matter still gives valid JSON: aliases, dates, numbers, nesting', () => {
  const md = '---\nid: 42\nstart: 2026-01-02\ncustom: &a { x: [1, .inf, .nan] }\nagain: *a\nresponders: 3\ntask: [T400001, "T400002"]\n---\n\n# t\n';
  const json = JSON.parse(renderJson(checkText('odd.md', md).report));
  assertValid(json, 'odd front matter');
  assert.equal(json.metadata.id, '42');
  assert.deepEqual(json.metadata.start, { text: '2026-01-02', utc: '2026-01-02T00:00:00Z', hasTime: false });
  assert.equal(json.metadata.responderCount, 3);
  assert.deepEqual(json.metadata.tasks, ['T400001', 'T400002']);
  assert.deepEqual(json.frontMatter.custom, { x: [1, 'Infinity', 'NaN'] });
});

test('the schema rejects what it must: a wrong version, a local time, an unknown milestone', () => {
  const good = JSON.parse(renderJson(loadFixture('cache-split.md').report));
  assertValid(good, 'baseline');
  assert.equal(validate({ ...good, version: 2 }), false);
  assert.equal(validate({ ...good, metrics: { ...good.metrics, start: '2026-03-04T07:15:00+02:00' } }), false);
  const entries = structuredClone(good.timeline.entries);
  entries[0].milestones = ['begun'];
  assert.equal(validate({ ...good, timeline: { ...good.timeline, entries } }), false);
  assert.equal(validate({ ...good, extra: true }), false);
});
