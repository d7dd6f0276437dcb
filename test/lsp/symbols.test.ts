/** Document symbols: the section tree, with timeline milestones under Timeline. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

type Tree = [string, Tree[]];
function tree(symbols: DocumentSymbol[], keep: (s: DocumentSymbol) => boolean = () => true): Tree[] {
  return symbols.filter(keep).map((s) => [s.name, tree(s.children ?? [], keep)]);
}

async function symbols(client: TestClient): Promise<DocumentSymbol[]> {
  const uri = client.uri('incidents/thumbnails.md');
  await client.open(uri, DEFECTS);
  return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
}

test('sections form a tree under the title', async () => {
  const client = await TestClient.spawn();
  try {
    const result = await symbols(client);
    const sectionsOnly = tree(result, (s) => s.kind !== 24 /* Event */);
    assert.deepEqual(sectionsOnly, [
      [
        'Thumbnails missing after a cache change',
        [
          ['Summary', []],
          ['Impact', []],
          ['Timeline', []],
          ['Conclusions', [['What went well?', []], ['What went poorly?', []], ['Where did we get lucky?', []]]],
          ['Actionables', []],
        ],
      ],
    ]);
    const check = (s: DocumentSymbol) => {
      assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line, `${s.name}: selection inside range`);
      (s.children ?? []).forEach(check);
    };
    result.forEach(check);
  } finally {
    await client.stop();
  }
});

test('timeline milestones are listed under Timeline', async () => {
  const client = await TestClient.spawn();
  try {
    const result = await symbols(client);
    const timeline = result[0].children!.find((s) => s.name === 'Timeline')!;
    assert.deepEqual(
      timeline.children!.map((s) => [s.name, s.kind, s.detail]),
      [
        ['Impact start', 24, '2026-03-04 09:12 UTC'],
        ['Detected', 24, '2026-03-04 09:20 UTC'],
        ['Mitigated', 24, '2026-03-04 09:41 UTC'],
        ['Resolved', 24, '2026-03-04 09:50 UTC'],
      ],
    );
  } finally {
    await client.stop();
  }
});
