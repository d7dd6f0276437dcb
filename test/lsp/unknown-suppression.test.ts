/**
 * A suppression comment that names an unknown rule id is reported (suppression/unknown-rule) at
 * the word, with the closest rule id and a quick fix to it; a known id stays silent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits, TestClient } from '../helpers/lsp-client.js';

const REPORT = `# Upload stall

## Summary

<!-- incident-scribe-disable-next-line style/blam -->
The operator was careless.

<!-- incident-scribe-disable-next-line style/blame -->
Nobody was careless here either.
`;

test('an unknown rule id in a suppression comment is reported with the closest id, and the quick fix writes it', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/upload.md');
    await client.open(uri, REPORT);
    const diagnostics = await client.pull(uri);
    const unknown = diagnostics.filter((d) => d.code === 'suppression/unknown-rule');
    assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
    assert.equal(unknown[0].message, '"style/blam" is not a rule id, so this comment silences nothing; did you mean style/blame?');
    assert.deepEqual(unknown[0].range, { start: { line: 4, character: 39 }, end: { line: 4, character: 49 } });
    // The misspelt comment silences nothing; the correct one does.
    assert.deepEqual(diagnostics.filter((d) => d.code === 'style/blame').map((d) => d.range.start.line), [5]);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown[0].range, context: { diagnostics: unknown, only: ['quickfix'] } });
    const change = actions.find((a) => a.title === 'Change to style/blame');
    assert.ok(change, actions.map((a) => a.title).join(' | '));
    const fixed = applyEdits(REPORT, change.edit!.changes![uri]);
    await client.replaceAll(uri, REPORT, fixed);
    const after = await client.pull(uri);
    assert.equal(after.filter((d) => d.code === 'suppression/unknown-rule' || d.code === 'style/blame').length, 0);
  } finally {
    await client.stop();
  }
});
