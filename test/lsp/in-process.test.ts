/**
 * startServer works without a child process: two servers in this process, over stream pairs,
 * each with its own state. Also proves that a burst of edits is analysed once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createConnection } from 'vscode-languageserver/node';
import { startServer, type ServerHandle } from '../../server/src/server.js';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

async function startInProcess(): Promise<{ client: TestClient; server: ServerHandle }> {
  let server: ServerHandle | undefined;
  const client = await TestClient.inProcess((reader, writer) => {
    const connection = createConnection(reader, writer);
    server = startServer(connection);
    connection.listen();
  });
  return { client, server: server! };
}

test('two in-process servers keep separate state', async () => {
  const a = await startInProcess();
  const b = await startInProcess();
  try {
    const uri = a.client.uri('incidents/x.md');
    await a.client.open(uri, DEFECTS);
    assert.ok((await a.client.pull(uri)).some((d) => d.code === 'report/empty-section'));
    assert.equal(a.server.stats.analyses, 1);
    assert.equal(b.server.stats.analyses, 0, 'the other server saw nothing');
    assert.deepEqual(await b.client.pull(uri), [], 'a document opened in one server is unknown to the other');
  } finally {
    await a.client.stop();
    await b.client.stop();
  }
});

test('a burst of edits followed by pulls analyses the final version once', async () => {
  const { client, server } = await startInProcess();
  try {
    const uri = client.uri('incidents/burst.md');
    await client.open(uri, DEFECTS);
    let text = DEFECTS;
    for (let i = 0; i < 20; i++) {
      const next = text.replace('## Summary\n', `## Summary\n${i % 10}`);
      await client.replaceAll(uri, text, next);
      text = next;
    }
    // Analyses start as edits arrive (in workers), so how many of the burst ran depends on the
    // machine's speed; what must hold is that the final version is analysed once for every request.
    const first = await client.pull(uri);
    const after = server.stats.analyses;
    const again = await client.pull(uri);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(after <= 21, `at most one analysis per version (${after})`);
    assert.equal(server.stats.analyses, after, 'one analysis serves every request on the same version');
    assert.deepEqual(first, again);
    assert.equal(first.filter((d) => d.code === 'report/empty-section').length, 0);
  } finally {
    await client.stop();
  }
});
