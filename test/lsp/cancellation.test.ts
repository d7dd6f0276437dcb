/** Cancelled requests answer RequestCancelled (or their result, if already done); never a crash. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { largeReport } from '../helpers/large-report.js';
import { TestClient } from '../helpers/lsp-client.js';

/** Sends a request and cancels it at once; returns 'cancelled' or 'answered'. */
async function sendAndCancel(client: TestClient, method: string, params: unknown): Promise<'cancelled' | 'answered'> {
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest(method, params, source.token);
  source.cancel();
  try {
    await pending;
    return 'answered';
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    assert.equal(error.code, LSPErrorCodes.RequestCancelled, error.message);
    return 'cancelled';
  }
}

test('cancelling requests on a report being analysed', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/big.md');
    const text = largeReport(200 * 1024);
    await client.open(uri, text);
    const outcomes = [];
    for (const [method, params] of [
      ['textDocument/diagnostic', { textDocument: { uri } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 4 } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/codeLens', { textDocument: { uri } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 20, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] } }],
      ['workspace/diagnostic', { previousResultIds: [] }],
    ] as const) {
      outcomes.push(await sendAndCancel(client, method, params));
    }
    assert.ok(outcomes.includes('cancelled'), `at least one request saw its cancellation: ${outcomes.join(', ')}`);
    // Cancelling while edits keep coming: each pull is cancelled or answers for some version.
    for (let i = 0; i < 5; i++) {
      await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: `Edit ${i}. ` }]);
      await sendAndCancel(client, 'textDocument/diagnostic', { textDocument: { uri } });
    }
    const diagnostics = await client.pull(uri);
    assert.ok(diagnostics.some((d) => d.code === 'report/missing-section'), 'an uncancelled request still gets the full answer');
    assert.equal(client.child!.exitCode, null, 'the server is alive');
  } finally {
    await client.stop();
  }
});
