/**
 * The report template of each built-in profile passes every check once its `<name: hint>`
 * placeholders are filled in, and is flagged while they are not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { BUILTIN_PROFILES } from '../../server/src/core/config/profiles.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
const PLACEHOLDER = /<([a-z][a-z ]*):[^<>\n]*>/g;

/** What a person writing a report would put in for each placeholder. */
const VALUES: Record<string, string> = {
  id: '2026-03-04-thumbnails',
  title: 'Thumbnails missing after a cache change',
  start: '2026-03-04T09:12Z',
  detected: '2026-03-04T09:20Z',
  end: '2026-03-04T09:50Z',
  task: 'T400100',
  severity: 'major',
  summary: 'A cache routing change sent thumbnail lookups to an empty cache cluster. Reverting the change brought the thumbnails back.',
  duration: '38 minutes',
  'who and how many': 'about 4% of thumbnail requests on all wikis returned a placeholder image',
  data: 'No data was lost.',
  'start time': '2026-03-04 09:12',
  'detected time': '2026-03-04 09:20',
  'mitigated time': '2026-03-04 09:41',
  'resolved time': '2026-03-04 09:50',
  'start event': 'Thumbnail error rate rises after the cache routing change is deployed.',
  'detected event': 'The error-rate alert pages the on-call engineer.',
  'mitigated event': 'The routing change is reverted.',
  'resolved event': 'The error rate is back to its usual level.',
  detection: 'The error-rate alert paged the on-call engineer eight minutes after the change went out.',
  conclusions: 'The routing change reached every cache host at once, so an empty cluster took live traffic with no warm-up.',
  'went well': 'The alert fired eight minutes after the change.',
  'went poorly': 'The change had no canary stage.',
  lucky: 'Few uploads happened in that hour.',
  action: 'Add a canary stage to cache routing changes',
  'action task': 'T400101',
  owner: '@ops-dana',
  link: 'https://wikitech.wikimedia.org/wiki/Thumbor',
  'root causes': 'Cache routing changes were applied to every host at once, with no stage that checks the hit rate.',
  trigger: 'A routing change that pointed thumbnail keys at a new, empty cluster.',
  resolution: 'The routing change was reverted and the old cluster took the traffic again.',
};

function fill(template: string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = VALUES[name];
    assert.ok(value !== undefined, `no test value for placeholder ${whole}`);
    return value;
  });
}

for (const profile of Object.keys(BUILTIN_PROFILES)) {
  const template = readFileSync(join(TEMPLATES, `${profile}.md`), 'utf8');

  test(`${profile} template: filled in, it passes every check`, () => {
    const filled = fill(template);
    assert.doesNotMatch(filled, /<[a-z][a-z ]*:/, 'every placeholder was filled');
    const { findings, report } = checkReport(`${profile}.md`, filled, new MarkdownParser(), defaultConfig(profile));
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line + 1}:${f.ruleId} ${f.message}`),
      [],
    );
    assert.ok(report.impact, 'the impact statement is found');
    assert.equal(report.title, VALUES.title);
  });

  // A placeholder whose hint holds a URL (`<link: https://…>`) is not flagged: Markdown turns the
  // URL into a link, and the prose the rule scans stops at links. The wikimedia template has one.
  test(`${profile} template: left unfilled, every line with a placeholder is a finding`, () => {
    const { findings } = checkReport(`${profile}.md`, template, new MarkdownParser(), defaultConfig(profile));
    const flagged = new Set(findings.filter((f) => f.ruleId === 'report/placeholder').map((f) => f.range.start.line + 1));
    const lines = template.split('\n');
    const placeholders = lines.map((line, i) => ({ line, at: i + 1 })).filter(({ line }) => new RegExp(PLACEHOLDER.source).test(line));
    assert.ok(placeholders.length > 0);
    assert.deepEqual(
      placeholders.filter(({ at }) => !flagged.has(at)).map(({ at, line }) => `${at}: ${line}`),
      [],
      'report/placeholder flags every placeholder of the template',
    );
  });
}
