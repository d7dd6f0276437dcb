import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/core/rules/index.js';
import { FIXABILITY_LABELS } from '../../server/src/core/types.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'rules');

// Every registered rule links to docs/rules/<id>.md (SARIF help URIs, hovers): the page must exist
// and state the rule's default severity as the registry does.
for (const meta of ALL_RULES) {
  test(`${meta.id} has a docs page that matches its metadata`, () => {
    const path = join(DOCS, meta.id + '.md');
    assert.ok(existsSync(path), `missing ${path}`);
    const page = readFileSync(path, 'utf8');
    assert.ok(page.startsWith(`# ${meta.id}\n`), 'the page is titled with the rule id');
    assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${meta.defaultSeverity}\\b`));
    assert.match(page, new RegExp(`\\*\\*Fix:\\*\\* ${FIXABILITY_LABELS[meta.fixable]}\\n`), 'the page says whether the rule fixes, as the registry does');
  });
}
