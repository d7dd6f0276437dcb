/** A 5 MB report: every feature answers (no timing is asserted; bench/ measures speed). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeLens, DocumentSymbol } from 'vscode-languageserver-protocol';
import { largeReport } from '../helpers/large-report.js';
import { TestClient } from '../helpers/lsp-client.js';

test('a 5 MB report is checked, and hover, symbols, code lens and an edit all answer', async () => {
  const client = await TestClient.spawn();
  try {
    const text = largeReport(5 * 1024 * 1024);
    assert.ok(text.length >= 5 * 1024 * 1024);
    const uri = client.uri('incidents/huge.md');
    await client.open(uri, text);
    const diagnostics = await client.pull(uri);
    assert.ok(Array.isArray(diagnostics));
    assert.ok(diagnostics.some((d) => d.code === 'report/missing-section'), 'the checks ran to the end of the document');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, 'A very long report');
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 30, character: 5 } });
    await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // An edit at the very end: only the last chunk needs parsing again.
    const lines = text.split('\n');
    await client.change(uri, [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: '## Actionables\n\n- Warm the caches before routing traffic T400101 Owner: @ops-dana\n' }]);
    const after = await client.pull(uri);
    assert.ok(!after.some((d) => d.code === 'report/missing-section' && String(d.message).includes('"Actionables"')));
    assert.equal(client.child!.exitCode, null);
  } finally {
    await client.stop();
  }
});
