/** A client that sends malformed params gets errors, and the server keeps serving. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

async function errorOf(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a JSON-RPC error response, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error response');
}

test('malformed params are answered with InvalidParams and the next valid request works', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 'x' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }],
      ['textDocument/diagnostic', { textDocument: 42 }],
      ['textDocument/completion', { textDocument: { uri } }],
      ['textDocument/codeLens', null],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['workspace/executeCommand', { command: 'incidentScribe.server.metrics', arguments: [17] }],
      ['workspace/executeCommand', { command: 'no.such.command' }],
    ];
    for (const [method, params] of bad) {
      const error = await errorOf(client.request(method, params));
      assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}: ${error.message}`);
    }
    // Notifications cannot be answered; malformed ones must simply not hurt.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didChange', { contentChanges: 'nonsense' });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'nonsense' });
    const unknown = await errorOf(client.request('incidentScribe/noSuchMethod', {}));
    assert.equal(unknown.code, -32601, 'an unknown method is MethodNotFound');
    assert.ok((await client.pull(uri)).some((d) => d.code === 'report/empty-section'), 'still serving');
    assert.equal(client.child!.exitCode, null, 'the server process is alive');
  } finally {
    await client.stop();
  }
});

test('a request for a document that was never opened answers with nothing', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/never-opened.md');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.pull(uri), []);
  } finally {
    await client.stop();
  }
});
