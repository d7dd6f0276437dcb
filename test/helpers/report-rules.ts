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
import { LineIndex } from '../../server/src/core/text.js';
import { loadOwners } from '../../server/src/node/owners.js';
import { describe, loadFixture } from './expectations.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

/** The day owners fixtures are read on, so that `until` dates do not age. */
export const FIXTURE_TODAY = '2026-01-15';

/**
 * Configuration from a fixture's `fixture-config` marker, or the defaults. Owners files are read
 * relative to `dir`, the fixture's folder, which is the workspace root their patterns apply to.
 */
export function fixtureConfig(raw: unknown, dir = FIXTURES): ResolvedConfig {
  if (raw === undefined) return defaultConfig();
  const { config, errors } = parseConfig(JSON.stringify(raw), 'fixture-config.json', RULE_IDS);
  assert.deepEqual(errors, [], 'fixture-config must be valid');
  config.owners.sources = loadOwners(dir, config.owners.files, FIXTURE_TODAY);
  config.owners.root = dir;
  return config;
}

/** Registers one test per fixture file of `ruleId`. */
export function testRuleFixtures(ruleId: string): void {
  const [area, name] = ruleId.split('/');
  const dir = join(FIXTURES, area);
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && (f === `${name}.md` || f.startsWith(`${name}.`)));
  test(`${ruleId} has fixtures where it fires and where it stays silent`, () => {
    assert.ok(files.length > 0, `no fixture for ${ruleId} in ${dir}`);
    const marked = files.map((f) => loadFixture(join(dir, f)).expected.some((e) => e.ruleId === ruleId));
    assert.ok(marked.includes(true), `no fixture of ${ruleId} expects a finding`);
    assert.ok(marked.includes(false), `no fixture of ${ruleId} expects silence (add ${name}.clean.md)`);
  });
  for (const file of files) {
    test(`${ruleId}: ${file}`, () => {
      const fixture = loadFixture(join(dir, file));
      const parser = new MarkdownParser();
      const { findings } = checkReport(file, fixture.text, parser, fixtureConfig(fixture.config, dir));
      const mine = findings.filter((f) => f.ruleId === ruleId);
      const actual = mine.map((f) => ({ line: f.range.start.line, ruleId: f.ruleId }));
      const expected = fixture.expected.filter((e) => e.ruleId === ruleId);
      assert.deepEqual(describe(actual), describe(expected));
      const lines = new LineIndex(fixture.text);
      const covered = mine.map((f) => `${f.range.start.line}:${fixture.text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end))}`);
      for (const e of expected.filter((x) => x.text !== undefined)) {
        const at = covered.indexOf(`${e.line}:${e.text}`);
        assert.ok(at >= 0, `line ${e.line + 1}: no ${ruleId} finding covers "${e.text}" (found ${JSON.stringify(covered)})`);
        covered.splice(at, 1);
      }
    });
  }
}
