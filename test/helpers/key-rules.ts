/**
 * Runs cache key rule fixtures. Under test/fixtures/keys/:
 * - `<name>.php`, `<name>.<variant>.php`: a one-file workspace for rule `keys/<name>`;
 * - `<name>.<variant>/`: a folder is a workspace, every `.php` file in it checked against the same index;
 * - `scenarios/<name>/`: a workspace whose markers are the whole truth for every key rule.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzePhp, checkPhpFile } from '../../server/src/core/keys/check.js';
import { KeyIndex } from '../../server/src/core/keys/key-index.js';
import type { PhpParser } from '../../server/src/core/keys/parser.js';
import { loadPhpParser } from '../../server/src/node/php-wasm.js';
import type { Finding } from '../../server/src/core/types.js';
import { describe, loadFixture, type Fixture } from './expectations.js';
import { fixtureConfig } from './report-rules.js';

export const KEY_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'keys');


/** The parser every test shares (loading the wasm once per process). */
export function parser(): Promise<PhpParser> {
  return loadPhpParser();
}

/**
 * Indexes a set of fixture files as one workspace and checks each; returns findings and
 * expectations by file. `root` is the workspace root: owners files are read from it.
 */
export async function checkWorkspace(files: string[], root = KEY_FIXTURES): Promise<{ file: string; fixture: Fixture; findings: Finding[] }[]> {
  const p = await parser();
  const fixtures = files.map((file) => ({ file, fixture: loadFixture(file) }));
  const configs = fixtures.map((f) => f.fixture.config).filter((c) => c !== undefined);
  const config = fixtureConfig(configs[0], root);
  const index = new KeyIndex();
  for (const { file, fixture } of fixtures) index.setFile(analyzePhp(p, file, fixture.text, config.keys));
  return fixtures.map(({ file, fixture }) => ({ file, fixture, findings: checkPhpFile(index, file, config) }));
}

function workspaceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.php'))
    .sort()
    .map((f) => join(path, f));
}

/** Compares findings of the rules in `ruleIds` with the markers of every file of a workspace. */
export async function assertWorkspace(path: string, ruleIds: readonly string[]): Promise<void> {
  const root = statSync(path).isDirectory() ? path : KEY_FIXTURES;
  for (const { file, fixture, findings } of await checkWorkspace(workspaceFiles(path), root)) {
    const actual = findings.filter((f) => ruleIds.includes(f.ruleId)).map((f) => ({ line: f.range.start.line, ruleId: f.ruleId }));
    const expected = fixture.expected.filter((e) => ruleIds.includes(e.ruleId));
    assert.deepEqual(describe(actual), describe(expected), file);
  }
}

/** Registers one test per fixture (file or folder) of `ruleId`. */
export function testKeyRuleFixtures(ruleId: string): void {
  const name = ruleId.split('/')[1];
  const entries = readdirSync(KEY_FIXTURES).filter((f) => f === `${name}.php` || f.startsWith(`${name}.`));
  test(`${ruleId} has fixtures`, () => assert.ok(entries.length > 0, `no fixture for ${ruleId} in ${KEY_FIXTURES}`));
  for (const entry of entries) test(`${ruleId}: ${entry}`, () => assertWorkspace(join(KEY_FIXTURES, entry), [ruleId]));
}
