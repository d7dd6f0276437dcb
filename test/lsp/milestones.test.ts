/** Inferred milestones in the editor: hover on the entry, code lens over the timeline, a quick fix that confirms or moves one. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, CodeLens, Hover } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const PLAIN = readFileSync(join(ROOT, 'test/fixtures/lsp/plain-words.md'), 'utf8');
const lineOf = (text: string, prefix: string): number => text.split('\n').findIndex((l) => l.startsWith(prefix));

test('inferred milestones show on the entry hover and as lenses over the timeline', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/plain.md');
    await client.open(uri, PLAIN);
    const alert = lineOf(PLAIN, '- 14:09');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: alert, character: 4 } });
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /Detected 2024-03-02 14:09 UTC \(inferred from 'alert fires'\)\./);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [
        'Time to detect: 7 min',
        'Time to mitigate: 29 min',
        'Time to resolve: 1 h 8 min',
        "impact start 2024-03-02 14:02 UTC (inferred from 'Problem starts')",
        "detected 2024-03-02 14:09 UTC (inferred from 'alert fires')",
        "mitigated 2024-03-02 14:31 UTC (inferred from 'Rolled back')",
        "resolved 2024-03-02 15:10 UTC (inferred from 'Incident closed')",
      ],
    );
  } finally {
    await client.stop();
  }
});

test('a quick fix confirms an inferred milestone with its marker, another moves one to this entry', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/plain.md');
    await client.open(uri, PLAIN);
    const alert = lineOf(PLAIN, '- 14:09');
    const range = { start: { line: alert, character: 0 }, end: { line: alert, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const confirm = actions.find((a) => a.title === 'Confirm the detection: mark this entry [detected]');
    assert.ok(confirm, actions.map((a) => a.title).join('\n'));
    const edit = confirm.edit?.changes?.[uri]?.[0];
    const end = PLAIN.split('\n')[alert].length;
    assert.deepEqual(edit, { range: { start: { line: alert, character: end }, end: { line: alert, character: end } }, newText: ' [detected]' });
    assert.ok(actions.some((a) => a.title === 'Move the impact start to this entry: mark it [start]'));
    // The routine deploy is not the start; no fix offers to confirm one there.
    const deploy = lineOf(PLAIN, '- 2024-03-02');
    const there = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: deploy, character: 0 }, end: { line: deploy, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(!there.some((a) => a.title.startsWith('Confirm')));
  } finally {
    await client.stop();
  }
});
