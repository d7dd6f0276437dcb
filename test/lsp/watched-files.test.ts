/**
 * One event per file change: the server registers the file watchers it needs, once, and the
 * VS Code client adds none of its own (test/client/activation.test.ts), so a change on disk
 * reaches the server once and the PHP index is rebuilt once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient, waitFor } from '../helpers/lsp-client.js';

test('the server registers one set of watchers: configuration files and PHP files', async () => {
  const client = await TestClient.spawn();
  try {
    const watched = await waitFor('the watcher registration', () => {
      const found = client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
      return found.length > 0 ? found : undefined;
    });
    // Give a second registration the time to arrive, were there one.
    await client.request('textDocument/hover', { textDocument: { uri: client.uri('x.md') }, position: { line: 0, character: 0 } }).catch(() => undefined);
    assert.equal(client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').length, 1);
    assert.deepEqual(watched[0].registerOptions, { watchers: [{ globPattern: '**/.incident-scribe.{json,yaml,yml}' }, { globPattern: '**/*.{php,inc,phtml}' }, { globPattern: '**/CODEOWNERS' }, { globPattern: '**/*{owners,OWNERS,maintainers,MAINTAINERS,Maintainers}*' }] });
  } finally {
    await client.stop();
  }
});
