import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { KEY_RULES } from '../../server/src/core/rules/index.js';
import { assertWorkspace, KEY_FIXTURES, testKeyRuleFixtures } from '../helpers/key-rules.js';

// Every key rule must have fixtures; each fixture's inline markers are the whole truth for its rule.
for (const rule of KEY_RULES) testKeyRuleFixtures(rule.meta.id);

// Scenarios (the 2020 split brain, its fix, correct use of both scopes) are checked against every key rule.
const ALL = KEY_RULES.map((r) => r.meta.id);
for (const scenario of readdirSync(join(KEY_FIXTURES, 'scenarios')).sort()) {
  test(`scenario ${scenario}`, () => assertWorkspace(join(KEY_FIXTURES, 'scenarios', scenario), ALL));
}
