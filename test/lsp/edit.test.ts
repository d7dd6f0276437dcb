/** An incremental edit that fixes a finding makes the finding go away, for pull and push clients. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pullCapabilities, pushCapabilities, ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');
const SUMMARY_LINE = DEFECTS.split('\n').indexOf('## Summary');
/** Typing a summary on the blank line under the empty heading, one character at a time. */
const TYPED = 'Thumbnails went missing.';

function keystrokes(): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] {
  return [...TYPED].map((ch, i) => ({ range: { start: { line: SUMMARY_LINE + 1, character: i }, end: { line: SUMMARY_LINE + 1, character: i } }, text: ch }));
}

test('pull: typing under an empty heading clears report/empty-section', async () => {
  const client = await TestClient.spawn({ capabilities: pullCapabilities() });
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    assert.ok((await client.pull(uri)).some((d) => d.code === 'report/empty-section'));
    for (const change of keystrokes()) await client.change(uri, [change]);
    const after = await client.pull(uri);
    assert.equal(after.filter((d) => d.code === 'report/empty-section').length, 0);
    assert.ok(after.some((d) => d.code === 'report/missing-section'), 'the other findings stay');
  } finally {
    await client.stop();
  }
});

test('push: the finding disappears from the pushed diagnostics of the new version', async () => {
  const client = await TestClient.spawn({ capabilities: pushCapabilities() });
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    await client.pushedWhere(uri, (p) => p.diagnostics.some((d) => d.code === 'report/empty-section'));
    const published = client.pushed.get(uri)!.length;
    // The keystrokes go out in one burst (written in order, none awaited before the next is sent),
    // so that the debounce sees them together however slow this machine is.
    const versions = await Promise.all(keystrokes().map((change) => client.change(uri, [change])));
    const version = versions.at(-1)!;
    assert.equal(version, 1 + TYPED.length);
    const after = await client.pushedWhere(uri, (p) => p.version === version);
    assert.equal(after.filter((d) => d.code === 'report/empty-section').length, 0);
    // A burst of keystrokes is debounced: far fewer publications than edits.
    const count = client.pushed.get(uri)!.length - published;
    assert.ok(count < TYPED.length / 2, `published ${count} times for ${TYPED.length} edits`);
  } finally {
    await client.stop();
  }
});
