/** Code lens on the Timeline heading: time to detect, mitigate and resolve. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

test('the Timeline heading shows the three metrics', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['Time to detect: 8 min', 'Time to mitigate: 29 min', 'Time to resolve: 38 min'],
    );
    const heading = DEFECTS.split('\n').indexOf('## Timeline');
    assert.ok(lenses.every((l) => l.range.start.line === heading));
  } finally {
    await client.stop();
  }
});

test('a metric the timeline cannot give says why; no Timeline, no lens', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/partial.md');
    const partial = DEFECTS.replace(/^- .*\[(mitigated|resolved)\].*\n/gm, '').replace(/^end: .*\n/m, '');
    await client.open(uri, partial);
    const titles = (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } })).map((l) => l.command?.title);
    assert.deepEqual(titles, ['Time to detect: 8 min', 'Time to mitigate: unknown (no [mitigated])', 'Time to resolve: unknown (no [resolved])']);
    const none = client.uri('incidents/none.md');
    await client.open(none, '---\ntype: incident\n---\n# Short\n\n## Impact\n\nNone.\n');
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: none } }), []);
  } finally {
    await client.stop();
  }
});
