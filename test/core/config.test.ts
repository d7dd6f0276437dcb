import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { parseConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { RULE_IDS } from '../../server/src/core/rules/index.js';

const parse = (text: string, file = '.incident-scribe.json') => parseConfig(text, file, RULE_IDS);

test('an unknown key is an error that names the key and the file, on the key', () => {
  const { errors } = parse('{\n  "profile": "minimal",\n  "rulez": {}\n}');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /^\.incident-scribe\.json: "rulez" is not a known setting/);
  assert.equal(errors[0].key, 'rulez');
  assert.deepEqual(errors[0].range.start, { line: 2, character: 2 });
});

test('bad values name the key: severity, rule id, profile, lists, section specs', () => {
  const { errors, config } = parse(
    JSON.stringify({
      profile: 'nope',
      rules: { 'style/blame': 'warn', 'style/nothing': 'off', 'impact/missing': 'error' },
      requiredTags: 'Incident-Prevention',
      keys: { global: ['file-*'], localBuilders: [3] },
      profiles: { team: { sections: [{ title: '' }, { title: 'Owner', required: 'yes' }] } },
    }),
  );
  const keys = errors.map((e) => e.key).sort();
  assert.deepEqual(keys, ['keys.localBuilders', 'profile', 'profiles.team.sections.0', 'profiles.team.sections.1.required', 'requiredTags', 'rules.style/blame', 'rules.style/nothing']);
  assert.ok(errors.every((e) => e.message.startsWith('.incident-scribe.json: "')));
  // The valid parts still apply.
  assert.equal(config.rules['impact/missing'], 'error');
  assert.deepEqual(config.keys.global, ['file-*']);
  assert.equal(config.profile.name, 'wikimedia');
});

test('YAML configuration files work the same, and broken syntax is one clear error', () => {
  const { config, errors } = parse('profile: google-sre\nrules:\n  style/relative-date: "off"\nrequiredTags: [Incident-Prevention]\n', '.incident-scribe.yaml');
  assert.deepEqual(errors, []);
  assert.equal(config.profile.name, 'google-sre');
  assert.equal(config.rules['style/relative-date'], 'off');
  assert.deepEqual(config.requiredTags, ['Incident-Prevention']);
  const broken = parse('{ "profile": "minimal", }x', '.incident-scribe.json');
  assert.equal(broken.errors.length >= 1, true);
  assert.match(broken.errors[0].message, /^\.incident-scribe\.json: not valid JSON/);
});

test('configured severities reach the findings: off silences, error raises', () => {
  const report = '# T\n\n## Summary\n\nYesterday the cache split.\n';
  const parser = new MarkdownParser();
  const silenced = parse('{"rules": {"style/relative-date": "off"}}').config;
  assert.equal(checkReport('r.md', report, parser, silenced).findings.filter((f) => f.ruleId === 'style/relative-date').length, 0);
  const raised = parse('{"rules": {"style/relative-date": "error"}}').config;
  const found = checkReport('r.md', report, parser, raised).findings.filter((f) => f.ruleId === 'style/relative-date');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
});

test('a custom profile extends a built-in one', () => {
  const { config, errors } = parse(JSON.stringify({ profile: 'team', profiles: { team: { extends: 'minimal', sections: ['Customer communication'] } } }));
  assert.deepEqual(errors, []);
  assert.deepEqual(
    config.profile.sections.map((s) => s.title),
    ['Impact', 'Timeline', 'Action items', 'Customer communication'],
  );
});

test('keys.privateCaches accepts the cache kinds that can be private and names any other', () => {
  const ok = parse(JSON.stringify({ keys: { privateCaches: ['server-local'], testFiles: [] } }));
  assert.deepEqual(ok.errors, []);
  assert.deepEqual([ok.config.keys.privateCaches, ok.config.keys.testFiles], [['server-local'], []]);
  const bad = parse(JSON.stringify({ keys: { privateCaches: ['WANObjectCache'] } }));
  assert.deepEqual(bad.errors.map((e) => e.key), ['keys.privateCaches']);
  assert.match(bad.errors[0].message, /"WANObjectCache" is not a cache kind that can be private \(known: server-local\)/);
});
