/**
 * Fix-all in the editor (`source.fixAll.incidentScribe`, which VS Code runs on save when
 * `editor.codeActionsOnSave` asks for it): the same automatic fixes as `check --fix`, as one edit
 * of the open document.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits, ROOT, TestClient } from '../helpers/lsp-client.js';

const FIXTURE = join(ROOT, 'test/fixtures/fix');
const REPORT = 'incidents/2026-02-11-queue-stall.md';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-fixall-'));
  cpSync(join(FIXTURE, 'workspace'), dir, { recursive: true });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function fixAll(client: TestClient, uri: string, only: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only, triggerKind: 1 } });
}

test('fix-all on a report applies what check --fix applies, as one edit, and leaves the quick fixes that need a person', async () => {
  const dir = folder();
  const client = await TestClient.spawn({ folder: dir });
  try {
    const uri = client.uri(REPORT);
    const text = readFileSync(join(dir, REPORT), 'utf8');
    await client.open(uri, text);
    const before = await client.pull(uri);
    // One finding names both missing sections.
    assert.equal(before.filter((d) => d.code === 'report/missing-section').length, 1);
    for (const only of [['source.fixAll.incidentScribe'], ['source.fixAll'], ['source']]) {
      const actions = await fixAll(client, uri, only);
      assert.deepEqual(
        actions.map((a) => [a.kind, a.title]),
        [['source.fixAll.incidentScribe', 'Fix all auto-fixable problems']],
        `only ${only.join()}`,
      );
      const edits = actions[0].edit?.changes?.[uri];
      assert.equal(edits?.length, 1, 'one edit');
      assert.equal(applyEdits(text, edits), readFileSync(join(FIXTURE, 'expected/2026-02-11-queue-stall.md'), 'utf8'), 'the same text as check --fix writes');
    }
    const quick = await fixAll(client, uri, ['quickfix']);
    assert.ok(quick.every((a) => a.kind === 'quickfix'), 'a quick fix request gets no fix-all');

    const fixed = applyEdits(text, (await fixAll(client, uri, ['source.fixAll']))[0].edit!.changes![uri]);
    await client.replaceAll(uri, text, fixed);
    const afterFix = await client.pull(uri);
    assert.equal(afterFix.filter((d) => d.code === 'report/missing-section').length, 0);
    assert.equal(afterFix.filter((d) => d.code === 'timeline/out-of-order').length, 1, 'sorting the timeline is left to a person');
    assert.deepEqual(await fixAll(client, uri, ['source.fixAll']), [], 'nothing left to fix: no action');
  } finally {
    await client.stop();
  }
});

test('fix-all on a PHP file rewrites the key builders the key rules can fix', async () => {
  const dir = folder();
  const client = await TestClient.spawn({ folder: dir });
  try {
    const uri = client.uri('includes/SharedThumbs.php');
    const text = readFileSync(join(dir, 'includes/SharedThumbs.php'), 'utf8');
    await client.open(uri, text, 'php');
    const actions = await fixAll(client, uri, ['source.fixAll.incidentScribe']);
    assert.equal(actions.length, 1);
    assert.equal(applyEdits(text, actions[0].edit!.changes![uri]), readFileSync(join(FIXTURE, 'expected/SharedThumbs.php'), 'utf8'));
  } finally {
    await client.stop();
  }
});

test('the server declares the fix-all code action kind', async () => {
  const client = await TestClient.spawn();
  try {
    const kinds = (client.initializeResult!.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.incidentScribe']);
  } finally {
    await client.stop();
  }
});
