/** The command contract (server/src/protocol.ts) is what the server announces and answers. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_COMMANDS, type ServerCommandTypes } from '../../server/src/protocol.js';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test', 'fixtures', 'lsp', 'defects.md'), 'utf8');

test('the server announces exactly the commands of the contract and answers them in its shapes', async () => {
  const client = await TestClient.spawn();
  try {
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider?.commands, Object.values(SERVER_COMMANDS));
    const uri = client.uri('incidents/defects.md');
    // On disk too, so that the workspace overview lists it.
    mkdirSync(join(client.folder, 'incidents'));
    writeFileSync(join(client.folder, 'incidents', 'defects.md'), DEFECTS);
    await client.open(uri, DEFECTS);
    const run = <C extends keyof ServerCommandTypes>(command: C, ...args: ServerCommandTypes[C]['args']) =>
      client.request<ServerCommandTypes[C]['result']>('workspace/executeCommand', { command, arguments: args });
    const summary = await run(SERVER_COMMANDS.metrics, uri);
    assert.equal(summary?.uri, uri);
    assert.equal(summary?.title, 'Thumbnails missing after a cache change');
    assert.equal(summary?.metrics.timeToDetectMinutes, 8);
    assert.ok(summary && summary.counts.warning > 0);
    const exported = await run(SERVER_COMMANDS.export, uri, 'json');
    assert.equal(exported?.extension, '.json');
    assert.match(exported!.content, /"Thumbnails missing after a cache change"/);
    const overview = await run(SERVER_COMMANDS.overview, 'text');
    assert.deepEqual(overview.reports, [{ file: 'incidents/defects.md', uri }]);
    assert.match(overview.content, /Thumbnails missing after a cache change/);
  } finally {
    await client.stop();
  }
});
