import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parseConfig } from '../../server/src/core/config/config.js';
import { ALL_RULES, RULE_IDS } from '../../server/src/core/rules/index.js';
import { configSchema, generatedFiles, REPO } from '../../scripts/generate.js';

for (const file of generatedFiles()) {
  test(`${file.path} is what npm run generate produces`, () => {
    assert.equal(readFileSync(join(REPO, file.path), 'utf8'), file.content, `${file.path} is out of date: run npm run generate`);
  });
}

test('the README lists every rule', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const id of RULE_IDS) assert.ok(readme.includes(`[${id}](docs/rules/${id}.md)`), id);
});

/** A configuration that uses every setting parseConfig knows. */
const FULL_CONFIG = {
  profile: 'team',
  profiles: {
    team: {
      extends: 'minimal',
      sections: ['Summary', { title: 'Customer communication', synonyms: ['Comms'], required: false, kind: 'impact', children: [{ title: 'Status page' }] }],
    },
  },
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'info'])),
  requiredTags: ['#Sustainability'],
  reportGlobs: ['reports/**/*.md'],
  keys: {
    global: ['file-metadata*'],
    local: ['user-prefs'],
    localBuilders: ['makeKey'],
    globalBuilders: ['makeGlobalKey'],
    exclude: ['vendor', 'lib'],
    excludeDefaults: false,
    testFiles: ['**/tests/**'],
    privateCaches: ['server-local'],
  },
  overrides: [{ files: ['teams/search/**'], profile: 'google-sre', rules: { [RULE_IDS[0]]: 'off' }, requiredTags: ['#Search'] }],
  owners: ['CODEOWNERS', 'maintainers.yaml'],
  analysis: { sectionBudgetMs: 500, maxReportSizeKB: 2048 },
};

/** The settings the parser names as known when it meets an unknown one at `path`. */
function knownSettings(path: string[]): string[] {
  const raw = path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { 'no-such-setting': 1 });
  const messages = parseConfig(JSON.stringify(raw), 'probe.json', RULE_IDS).errors.map((e) => e.message);
  const known = messages.map((m) => /\(known: ([^)]*)\)/.exec(m)?.[1]).find((k) => k !== undefined);
  assert.ok(known, `the parser lists the known settings: ${messages.join(' | ')}`);
  return known.split(', ').sort();
}

test('the full configuration of these tests uses every setting the parser knows', () => {
  assert.deepEqual(Object.keys(FULL_CONFIG).sort(), knownSettings([]));
  assert.deepEqual(Object.keys(FULL_CONFIG.keys).sort(), knownSettings(['keys']));
  assert.deepEqual(Object.keys(FULL_CONFIG.analysis).sort(), knownSettings(['analysis']));
});

test('the configuration schema accepts every setting the parser accepts, and rejects what it rejects', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(configSchema(ALL_RULES));
  assert.deepEqual(parseConfig(JSON.stringify(FULL_CONFIG), 'full.json', RULE_IDS).errors, []);
  assert.ok(validate(FULL_CONFIG), JSON.stringify(validate.errors));
  for (const bad of [{ profle: 'minimal' }, { rules: { 'no/such-rule': 'off' } }, { rules: { [RULE_IDS[0]]: 'loud' } }, { keys: { builders: [] } }, { reportGlobs: 'x' }, { overrides: [{ profile: 'minimal' }] }, { overrides: [{ files: ['a'], color: 'red' }] }]) {
    assert.notDeepEqual(parseConfig(JSON.stringify(bad), 'bad.json', RULE_IDS).errors, [], JSON.stringify(bad));
    assert.equal(validate(bad), false, JSON.stringify(bad));
  }
});
