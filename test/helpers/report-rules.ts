/**
 * Runs report rule fixtures: every `test/fixtures/rules/<area>/<name>*.md` is checked and the
 * findings of rule `<area>/<name>` must equal the inline markers.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkReport } from '../../server/src/core/check.js';
import { defaultConfig, parseConfig, type ResolvedConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { RULE_IDS } from '../../server/src/core/rules/index.js';
import { describe, loadFixture } from './expectations.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

/** Configuration from a fixture's `fixture-config` marker, or the defaults. */
export function fixtureConfig(raw: unknown): ResolvedConfig {
  if (raw === undefined) return defaultConfig();
  const { config, errors } = parseConfig(JSON.stringify(raw), 'fixture-config.json', RULE_IDS);
  assert.deepEqual(errors, [], 'fixture-config must be valid');
  return config;
}

/** Registers one test per fixture file of `ruleId`. */
export function testRuleFixtures(ruleId: string): void {
  const [area, name] = ruleId.split('/');
  const dir = join(FIXTURES, area);
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && (f === `${name}.md` || f.startsWith(`${name}.`)));
  test(`${ruleId} has fixtures`, () => assert.ok(files.length > 0, `no fixture for ${ruleId} in ${dir}`));
  for (const file of files) {
    test(`${ruleId}: ${file}`, () => {
      const fixture = loadFixture(join(dir, file));
      const parser = new MarkdownParser();
      const { findings } = checkReport(file, fixture.text, parser, fixtureConfig(fixture.config));
      const actual = findings.filter((f) => f.ruleId === ruleId).map((f) => ({ line: f.range.start.line, ruleId: f.ruleId }));
      const expected = fixture.expected.filter((e) => e.ruleId === ruleId);
      assert.deepEqual(describe(actual), describe(expected));
    });
  }
}
