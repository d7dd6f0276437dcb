/** `incidentScribe.server.importTimeline` over stdio, as the VS Code client calls it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_COMMANDS, type ServerCommandTypes, type TimelineImportSource } from '../../server/src/protocol.js';
import { applyEdits } from '../../server/src/core/text.js';
import { TestClient } from '../helpers/lsp-client.js';
import { FIXTURES } from '../helpers/timeline-import.js';

const COMMAND = SERVER_COMMANDS.importTimeline;
type Args = ServerCommandTypes[typeof COMMAND]['args'];
type Result = ServerCommandTypes[typeof COMMAND]['result'];

function fileSource(path: string): TimelineImportSource {
  return { name: path, files: [{ name: path, base64: readFileSync(join(FIXTURES, path)).toString('base64') }] };
}

test('the server merges a SAL excerpt and an IRC log into the open report as insertions, with proposals', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/2024-03-09-search.md');
    const text = readFileSync(join(FIXTURES, 'reports/list.md'), 'utf8');
    await client.open(uri, text);
    const run = (...args: Args) => client.request<Result>('workspace/executeCommand', { command: COMMAND, arguments: args });

    const needsZone = await run(uri, [fileSource('sal/excerpt.wiki'), fileSource('irc/ops.2024-03-09.log')], {});
    assert.equal(needsZone?.ok, false);
    assert.equal(needsZone?.ok === false && needsZone.kind, 'zone', 'the client asks the user for the zone');

    const result = await run(uri, [fileSource('sal/excerpt.wiki'), fileSource('irc/ops.2024-03-09.log')], { zone: 'UTC' });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(result.added, 8);
    assert.equal(result.duplicates, 1);
    assert.equal(applyEdits(text, result.edits), result.text);
    assert.ok(result.text.includes('- 2024-03-09 21:55 dorsey: p95 on the title index is at 4 seconds\n'));
    assert.deepEqual(result.skipped, ['sal/excerpt.wiki:13: not a SAL entry (`* HH:MM nick: message`)']);
    assert.ok(result.proposals.some((p) => p.startsWith('mitigated at 2024-03-09 22:47 UTC: "dorsey: reverted the shard change')));
    assert.equal(result.lines[0], '- 2024-03-09 21:48 kestrel: search latency graph looks odd after my sync');

    const bad = await run(uri, [{ name: 'notes.txt', files: [{ name: 'notes.txt', base64: Buffer.from('just some notes\n').toString('base64') }] }], {});
    assert.ok(bad && !bad.ok && bad.kind === 'format' && /not in a known format/.test(bad.message));
    const latin1 = await run(uri, [fileSource('bad/latin1.log')], { zone: 'UTC' });
    assert.ok(latin1 && !latin1.ok && /^bad\/latin1\.log: not valid UTF-8/.test(latin1.message), JSON.stringify(latin1));
    // The server is still there and answers.
    const again = await run(uri, [fileSource('git/oneline.txt')], {});
    assert.ok(again?.ok && again.added === 2);
  } finally {
    await client.stop();
  }
});
