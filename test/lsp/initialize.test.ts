/** The server starts over stdio, says what it can do, and shuts down cleanly. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { pullCapabilities, pushCapabilities, SERVER, TestClient } from '../helpers/lsp-client.js';

test('the capabilities depend on what the client supports', async () => {
  for (const [name, capabilities, pull] of [
    ['pull', pullCapabilities(), true],
    ['push', pushCapabilities(), false],
  ] as const) {
    const client = await TestClient.spawn({ capabilities });
    try {
      const caps = client.initializeResult!.capabilities;
      assert.equal(caps.textDocumentSync && typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : undefined, 2, `${name}: incremental sync`);
      assert.equal(caps.diagnosticProvider !== undefined, pull, `${name}: diagnosticProvider only for pull clients`);
      assert.ok(caps.hoverProvider && caps.codeActionProvider && caps.codeLensProvider && caps.documentSymbolProvider && caps.completionProvider);
      assert.deepEqual(caps.executeCommandProvider?.commands, ['incidentScribe.server.metrics', 'incidentScribe.server.export', 'incidentScribe.server.overview', 'incidentScribe.server.importTimeline']);
    } finally {
      await client.stop();
    }
    assert.equal(client.child!.exitCode, 0, `${name}: exit after shutdown is a clean exit`);
  }
});

test('--help prints the usage', () => {
  const run = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /incident-scribe-lsp --stdio/);
});

test('without a transport flag the server prints its usage and exits with 2', () => {
  const run = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--stdio/);
});
