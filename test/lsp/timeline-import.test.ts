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

test('the import reports its steps as work done progress that the editor shows, then ends it', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/2024-03-09-search.md');
    await client.open(uri, readFileSync(join(FIXTURES, 'reports/list.md'), 'utf8'));
    const result = await client.request<Result>('workspace/executeCommand', { command: COMMAND, arguments: [uri, [fileSource('sal/excerpt.wiki'), fileSource('irc/ops.2024-03-09.log')], { zone: 'UTC' }] });
    assert.ok(result?.ok);
    type Progress = { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } };
    const all = client.progress as Progress[];
    const begin = all.find((p) => p.value.kind === 'begin' && p.value.title === 'Import Timeline from Log');
    assert.ok(begin, 'a progress titled after the command begins');
    const mine = all.filter((p) => p.token === begin.token);
    assert.deepEqual(
      mine.map((p) => `${p.value.kind} ${p.value.message ?? ''}`.trim()),
      ['begin Reading the logs', 'report Reading sal/excerpt.wiki (1 of 2)', 'report Reading irc/ops.2024-03-09.log (2 of 2)', 'report Placing 14 entries in time', 'report Merging 9 entries into the timeline', 'end'],
      'every step arrives before the answer, and the progress ends',
    );
    const percents = mine.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage!);
    assert.deepEqual([...percents].sort((a, b) => a - b), percents);

    // A failed import ends its progress too.
    const before = client.progress.length;
    const bad = await client.request<Result>('workspace/executeCommand', { command: COMMAND, arguments: [uri, [fileSource('irc/ops.2024-03-09.log')], {}] });
    assert.ok(bad && !bad.ok && bad.kind === 'zone');
    const later = (client.progress.slice(before) as Progress[]).map((p) => p.value.kind);
    assert.equal(later.filter((k) => k === 'begin').length, later.filter((k) => k === 'end').length);
  } finally {
    await client.stop();
  }
});
