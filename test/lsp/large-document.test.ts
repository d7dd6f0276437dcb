/** A 5 MB report: every feature answers (no timing is asserted; bench/ measures speed). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeLens, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
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
    assert.ok(diagnostics.some((d) => d.code === 'report/missing-section'), 'the checks ran to the end of the document');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, 'A very long report');
    const step = text.split('\n').findIndex((l) => l.includes(' Step 10: '));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: step, character: 5 } });
    assert.match(JSON.stringify(hover?.contents), /10 min after the impact start/);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // The impact section's "For 38 minutes" ends the impact: no entry says when it stopped.
    assert.deepEqual(lenses.map((l) => l.command?.title.split(':')[0]), ['Time to detect', 'Time to mitigate', 'Time to resolve', 'mitigated 2026-03-04 09', 'resolved 2026-03-04 09']);
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
