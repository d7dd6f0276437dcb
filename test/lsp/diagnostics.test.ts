/** Diagnostics of reports, pulled or pushed, with rule ids, docs links and related information. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { docsUrl } from '../../server/src/core/rules/rule.js';
import { toDiagnostic } from '../../server/src/lsp/diagnostics.js';
import { pullCapabilities, pushCapabilities, ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');
function assertDefects(diagnostics: Diagnostic[], text = DEFECTS): void {
  const empty = diagnostics.find((d) => d.code === 'report/empty-section');
  assert.ok(empty, 'the empty Summary is reported');
  assert.equal(empty.range.start.line, text.split('\n').indexOf('## Summary'));
  assert.equal(empty.source, 'incident-scribe');
  assert.equal(empty.severity, 2);
  assert.equal(empty.codeDescription?.href, docsUrl('report/empty-section'));
  const missing = diagnostics.find((d) => d.code === 'report/missing-section');
  assert.ok(missing, 'the missing Detection section is reported');
  assert.match(String(missing.message), /"Detection"/);
}

test('a pull client pulls the diagnostics of a report', async () => {
  const client = await TestClient.spawn({ capabilities: pullCapabilities() });
  try {
    const uri = client.uri('incidents/2026-03-04-thumbnails.md');
    await client.open(uri, DEFECTS);
    assertDefects(await client.pull(uri));
    const workspace = await client.request<{ items: { uri: string; kind: string; items?: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const mine = workspace.items.find((i) => i.uri === uri);
    assert.ok(mine && mine.kind === 'full', 'workspace diagnostics include the open report');
    assertDefects(mine.items!);
    assert.equal(client.pushed.get(uri), undefined, 'nothing is pushed to a pull client');
  } finally {
    await client.stop();
  }
});

test('a push-only client gets publishDiagnostics, and an empty list when the document closes', async () => {
  const client = await TestClient.spawn({ capabilities: pushCapabilities() });
  try {
    const uri = client.uri('incidents/2026-03-04-thumbnails.md');
    await client.open(uri, DEFECTS);
    assertDefects(await client.pushedWhere(uri, (p) => p.diagnostics.length > 0));
    assert.equal(client.pushed.get(uri)!.at(-1)!.version, 1);
    await client.close(uri);
    await client.pushedWhere(uri, (p) => p.diagnostics.length === 0);
  } finally {
    await client.stop();
  }
});

test('which Markdown files are reports: globs, front matter, settings, what the text is', async () => {
  const client = await TestClient.spawn({ settings: { reportGlobs: ['writeups/**/*.md'] } });
  try {
    const plain = DEFECTS.replace('type: incident\n', '');
    const readme = client.uri('README.md');
    await client.open(readme, plain);
    assert.deepEqual(await client.pull(readme), [], 'a README without front matter is not a report');
    const declared = client.uri('notes/outage.md');
    await client.open(declared, DEFECTS);
    assertDefects(await client.pull(declared));
    const globbed = client.uri('writeups/2026/outage.md');
    await client.open(globbed, plain);
    assertDefects(await client.pull(globbed), plain);
    const defaultGlob = client.uri('incidents/outage.md');
    await client.open(defaultGlob, '# Outage notes\n\n- 09:20 something broke\n');
    assert.deepEqual(await client.pull(defaultGlob), [], 'the setting replaces the default globs');
    const byContent = client.uri('notes/2026-03-04.md');
    await client.open(byContent, plain);
    assertDefects(await client.pull(byContent), plain);
  } finally {
    await client.stop();
  }
});

test('related locations become URIs; relative file names resolve against the workspace folder', () => {
  const diagnostic = toDiagnostic(
    {
      ruleId: 'timeline/out-of-order',
      severity: 'warning',
      file: '/w/incidents/a.md',
      message: 'goes back in time',
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } },
      related: [
        { file: '/w/incidents/a.md', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } }, message: 'the entry before' },
        { file: 'src/Cache.php', range: { start: { line: 9, character: 1 }, end: { line: 9, character: 8 } }, message: 'other site' },
      ],
    },
    '/w',
  );
  assert.equal(diagnostic.code, 'timeline/out-of-order');
  assert.deepEqual(
    diagnostic.relatedInformation?.map((r) => r.location.uri),
    ['file:///w/incidents/a.md', 'file:///w/src/Cache.php'],
  );
  assert.equal(diagnostic.relatedInformation?.[1].message, 'other site');
});

test('an out-of-order timeline entry points at the entry before it', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/fixes.md');
    const text = readFileSync(join(ROOT, 'test/fixtures/lsp/fixes.md'), 'utf8');
    await client.open(uri, text);
    const outOfOrder = (await client.pull(uri)).find((d) => d.code === 'timeline/out-of-order');
    assert.ok(outOfOrder);
    const lines = text.split('\n');
    assert.equal(outOfOrder.range.start.line, lines.findIndex((l) => l.includes('[start]')));
    assert.deepEqual(
      outOfOrder.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[uri, lines.findIndex((l) => l.includes('[mitigated]'))]],
    );
  } finally {
    await client.stop();
  }
});
