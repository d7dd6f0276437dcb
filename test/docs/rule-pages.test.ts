import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES, RULE_IDS } from '../../server/src/core/rules/index.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'rules');

/** `area/name` of every page `docs/rules/<area>/<name>.md`. */
function pages(): string[] {
  return readdirSync(DOCS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(DOCS, d.name)).filter((f) => f.endsWith('.md')).map((f) => `${d.name}/${f.slice(0, -3)}`));
}

test('every rule in the registry has a docs page titled with its id and default severity', () => {
  for (const rule of ALL_RULES) {
    const path = join(DOCS, `${rule.id}.md`);
    assert.ok(existsSync(path), `docs/rules/${rule.id}.md is missing`);
    const page = readFileSync(path, 'utf8');
    assert.ok(page.startsWith(`# ${rule.id}\n`), `${rule.id}: the page starts with "# ${rule.id}"`);
    assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `${rule.id}: the page states the default severity`);
  }
});

test('every docs page belongs to a rule in the registry', () => {
  for (const page of pages()) assert.ok(RULE_IDS.includes(page), `docs/rules/${page}.md documents no registered rule`);
});
