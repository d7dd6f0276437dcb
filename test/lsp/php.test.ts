/**
 * PHP cache keys in the editor: the background index (with progress), diagnostics for PHP,
 * mixed scope across an open and a closed file as soon as the second site is typed, hover on a
 * key construction, and the key quick fixes applied and re-checked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, pollUntil, pushCapabilities, TestClient, waitFor } from '../helpers/lsp-client.js';

const REPOSITORY = `<?php
class Repository {
	private WANObjectCache $cache;

	public function metaKey( $name ) {
		return $this->cache->makeKey( 'file-meta', $name );
	}
}
`;

const CONSUMER = `<?php
class Consumer {
	private WANObjectCache $cache;

	public function metaKey( $name ) {
		return false;
	}
}
`;
const GLOBAL_SITE = "return $this->cache->makeGlobalKey( 'file-meta', $name );";

const FORGED = `<?php
class ForeignRepo {
	private WANObjectCache $cache;
	private $wiki;

	public function getThumbKey( $name ) {
		return $this->cache->makeKey( 'thumb', $this->wiki, $name );
	}

	public function getSharedCacheKey( $name ) {
		return $this->cache->makeKey( 'shared-meta', $name );
	}

	public function lookup( $name ) {
		return $this->cache->get( "{$this->wiki}:file:" . $name );
	}
}
`;

function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'incident-scribe-php-'));
  writeFileSync(join(folder, 'Repository.php'), REPOSITORY);
  writeFileSync(join(folder, 'Consumer.php'), CONSUMER);
  return folder;
}

type Report = { uri: string; kind: string; items?: Diagnostic[] };
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

test('the workspace index is built in the background with $/progress', async () => {
  const folder = workspace();
  const client = await TestClient.spawn({ folder });
  try {
    const kinds = await waitFor('the end of the indexing progress', () => {
      const values = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
      return values.includes('end') ? values : undefined;
    });
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    const begin = client.progress[0] as { token: unknown; value: { title: string } };
    assert.match(begin.value.title, /Incident Scribe/);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('pull: typing the second site flags mixed scope in the open file and the closed one', async () => {
  const folder = workspace();
  const client = await TestClient.spawn({ folder });
  try {
    await waitFor('indexing', () => (client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end') ? true : undefined));
    const consumer = client.uri('Consumer.php');
    const repository = client.uri('Repository.php');
    await client.open(consumer, CONSUMER, 'php');
    assert.deepEqual(codes(await client.pull(consumer)), []);
    const refreshes = client.refreshes;
    const line = CONSUMER.split('\n').findIndex((l) => l.includes('return false;'));
    await client.change(consumer, [{ range: { start: { line, character: 2 }, end: { line, character: 15 } }, text: GLOBAL_SITE }]);
    const open = await client.pull(consumer);
    const mixed = open.find((d) => d.code === 'keys/mixed-scope');
    assert.ok(mixed, JSON.stringify(open));
    assert.equal(mixed.codeDescription?.href.endsWith('keys/mixed-scope.md'), true);
    assert.deepEqual(mixed.relatedInformation?.map((r) => r.location.uri), [repository]);
    await waitFor('a diagnostic refresh request', () => (client.refreshes > refreshes ? true : undefined));
    const all = await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [] });
    const closed = all.items.find((i) => i.uri === repository);
    assert.ok(closed && closed.kind === 'full', 'the closed file is in the workspace diagnostics');
    assert.deepEqual(codes(closed.items!), ['keys/mixed-scope']);
    assert.deepEqual(closed.items![0].relatedInformation?.map((r) => r.location.uri), [consumer]);

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: consumer }, position: { line, character: 25 } });
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /scope: global/);
    assert.match(text, /group: `file-meta`/);
    assert.match(text, /local `makeKey` at Repository\.php:6/);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('push: the closed file gets its mixed-scope diagnostic pushed, and loses it when the site goes', async () => {
  const folder = workspace();
  const client = await TestClient.spawn({ folder, capabilities: { ...pushCapabilities(), window: { workDoneProgress: true } } });
  try {
    await waitFor('indexing', () => (client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end') ? true : undefined));
    const consumer = client.uri('Consumer.php');
    const repository = client.uri('Repository.php');
    const typed = CONSUMER.replace('return false;', GLOBAL_SITE);
    await client.open(consumer, CONSUMER, 'php');
    await client.pushedWhere(consumer, () => true);
    await client.replaceAll(consumer, CONSUMER, typed);
    assert.deepEqual(codes(await client.pushedWhere(repository, (p) => p.diagnostics.length > 0)), ['keys/mixed-scope']);
    assert.deepEqual(codes(await client.pushedWhere(consumer, (p) => p.diagnostics.length > 0)), ['keys/mixed-scope']);
    await client.replaceAll(consumer, typed, CONSUMER);
    await client.pushedWhere(repository, (p) => p.diagnostics.length === 0);
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a closed file changed on disk (watch event) updates the index', async () => {
  const folder = workspace();
  const client = await TestClient.spawn({ folder });
  try {
    await waitFor('indexing', () => (client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'end') ? true : undefined));
    const repository = client.uri('Repository.php');
    writeFileSync(join(folder, 'Consumer.php'), CONSUMER.replace('return false;', GLOBAL_SITE));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('Consumer.php'), type: 2 }] });
    // The watch event is a notification: ask again until the index has taken it in.
    const found = await pollUntil(
      async () => (await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [] })).items.find((x) => x.uri === repository && x.items?.some((d) => d.code === 'keys/mixed-scope')),
      (report) => report !== undefined,
    );
    assert.ok(found, 'Repository.php is flagged after Consumer.php changed on disk');
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('every PHP quick fix applied removes its finding', async () => {
  const folder = workspace();
  const client = await TestClient.spawn({ folder });
  try {
    const uri = client.uri('ForeignRepo.php');
    await client.open(uri, FORGED, 'php');
    const before = await client.pull(uri);
    for (const code of ['keys/forged-key', 'keys/shared-key-built-local']) assert.ok(codes(before).includes(code), `${code} in ${codes(before).join(', ')}`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
      context: { diagnostics: before },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Use makeGlobalKey'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Build the key with makeGlobalKey(')), titles.join(' | '));
    assert.ok(titles.includes('Disable keys/forged-key on this line'));
    let text = FORGED;
    // Fix-all (test/lsp/fix-all.test.ts) names no diagnostic; the quick fixes each name theirs.
    for (const action of actions.filter((a) => a.kind === 'quickfix')) {
      const code = action.diagnostics![0].code;
      const fixed = applyEdits(FORGED, action.edit!.changes![uri] as TextEdit[]);
      if (action.title.startsWith('Disable')) assert.match(fixed, new RegExp(`\\n\\t*// incident-scribe-disable-next-line ${String(code)}\\n`));
      await client.replaceAll(uri, text, fixed);
      text = fixed;
      const after = await client.pull(uri);
      const count = (ds: Diagnostic[]) => ds.filter((d) => d.code === code).length;
      assert.ok(count(after) < count(before), `${action.title}: fewer ${String(code)} (${codes(after).join(', ')})`);
    }
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
