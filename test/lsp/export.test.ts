/** incidentScribe.server.export and incidentScribe.server.overview over stdio. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { largeReport } from '../helpers/large-report.js';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');
const HOSTILE = DEFECTS.replace('## Summary\n', '## Summary\n\nA <script>alert(1)</script> tag and <img src=x onerror="alert(2)"> and [a link](javascript:alert(3)).\n');

interface Exported {
  content: string;
  extension: string;
  mimeType: string;
}

interface Overview extends Exported {
  reports: { file: string; uri: string }[];
}

const exec = <T>(client: TestClient, command: string, ...args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

test('the server declares the export commands', async () => {
  const client = await TestClient.spawn();
  try {
    const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(commands.includes('incidentScribe.server.export'), commands.join(', '));
    assert.ok(commands.includes('incidentScribe.server.overview'), commands.join(', '));
  } finally {
    await client.stop();
  }
});

test('export of an open report: the editor text, in each format', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/thumbnails.md');
    // On disk the file says something else: the open document wins.
    mkdirSync(join(client.folder, 'incidents'));
    writeFileSync(join(client.folder, 'incidents', 'thumbnails.md'), DEFECTS.replace(/Thumbnails missing after a cache change/g, 'Old title'));
    await client.open(uri, HOSTILE);
    const html = await exec<Exported>(client, 'incidentScribe.server.export', uri, 'html');
    assert.equal(html.extension, '.html');
    assert.equal(html.mimeType, 'text/html');
    assert.match(html.content, /Thumbnails missing after a cache change/);
    assert.doesNotMatch(html.content, /<script/i);
    assert.doesNotMatch(html.content, /onerror=/i);
    assert.doesNotMatch(html.content, /javascript:/i);
    const json = await exec<Exported>(client, 'incidentScribe.server.export', uri, 'json');
    assert.equal(json.extension, '.json');
    assert.equal(json.mimeType, 'application/json');
    const parsed = JSON.parse(json.content) as Record<string, unknown>;
    assert.match(JSON.stringify(parsed), /Thumbnails missing after a cache change/);
    const wiki = await exec<Exported>(client, 'incidentScribe.server.export', uri, 'wikitext');
    assert.equal(wiki.extension, '.wiki');
    assert.match(wiki.content, /\{\{irdoc/);
    assert.doesNotMatch(wiki.content, /Old title/);
  } finally {
    await client.stop();
  }
});

test('export of a closed report reads the disk; not a report gives null; a bad format is an error', async () => {
  const client = await TestClient.spawn();
  try {
    mkdirSync(join(client.folder, 'incidents'));
    writeFileSync(join(client.folder, 'incidents', 'closed.md'), DEFECTS);
    writeFileSync(join(client.folder, 'README.md'), '# Readme\n');
    const wiki = await exec<Exported>(client, 'incidentScribe.server.export', client.uri('incidents/closed.md'), 'wikitext');
    assert.match(wiki.content, /\{\{irdoc\|status=draft/);
    assert.equal(await exec(client, 'incidentScribe.server.export', client.uri('README.md'), 'html'), null);
    assert.equal(await exec(client, 'incidentScribe.server.export', client.uri('missing.md'), 'html'), null);
    await assert.rejects(exec(client, 'incidentScribe.server.export', client.uri('incidents/closed.md'), 'pdf'), /wikitext, html or json/);
    await assert.rejects(exec(client, 'incidentScribe.server.export'), /URI of a report/);
  } finally {
    await client.stop();
  }
});

test('overview of the workspace: every report, open ones as edited, with the paths the page links to', async () => {
  const client = await TestClient.spawn();
  try {
    mkdirSync(join(client.folder, 'incidents'));
    writeFileSync(join(client.folder, 'incidents', 'a.md'), DEFECTS);
    writeFileSync(join(client.folder, 'incidents', 'b.md'), DEFECTS.replace(/Thumbnails missing after a cache change/g, 'Search index stalls'));
    writeFileSync(join(client.folder, 'README.md'), '# Readme\n');
    await client.open(client.uri('incidents/b.md'), HOSTILE.replace(/Thumbnails missing after a cache change/g, 'Search index stalls, edited'));
    const html = await exec<Overview>(client, 'incidentScribe.server.overview');
    assert.equal(html.mimeType, 'text/html');
    assert.deepEqual(
      html.reports.map((r) => r.file),
      ['incidents/a.md', 'incidents/b.md'],
    );
    assert.deepEqual(
      html.reports.map((r) => r.uri),
      [client.uri('incidents/a.md'), client.uri('incidents/b.md')],
    );
    assert.match(html.content, /Thumbnails missing after a cache change/);
    assert.match(html.content, /Search index stalls, edited/);
    assert.match(html.content, /data-file="incidents\/a.md"/);
    assert.doesNotMatch(html.content, /<script/i);
    const json = await exec<Overview>(client, 'incidentScribe.server.overview', 'json');
    assert.equal((JSON.parse(json.content) as { incidents: unknown[] }).incidents.length, 2);
    await assert.rejects(exec(client, 'incidentScribe.server.overview', 'pdf'), /format must be one of/);
  } finally {
    await client.stop();
  }
});

test('exports and the overview are worked out off the main thread: hovers answer while they run', async () => {
  const client = await TestClient.spawn();
  try {
    const small = client.uri('incidents/small.md');
    await client.open(small, DEFECTS);
    await client.pull(small);
    const line = DEFECTS.split('\n').findIndex((l) => l.includes('[detected]'));
    // A 1 MB report on disk, not open: each command checks it from scratch.
    mkdirSync(join(client.folder, 'incidents'), { recursive: true });
    writeFileSync(join(client.folder, 'incidents', 'big.md'), largeReport(1024 * 1024));
    const big = client.uri('incidents/big.md');
    for (const [name, run] of [
      ['export', () => exec<Exported>(client, 'incidentScribe.server.export', big, 'json')],
      ['overview', () => exec<Overview>(client, 'incidentScribe.server.overview', 'json')],
    ] as const) {
      let done = false;
      const result = (run() as Promise<Exported>).finally(() => void (done = true));
      let answered = 0;
      while (!done) {
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line, character: 6 } });
        assert.match(JSON.stringify(hover?.contents), /8 min after the impact start/);
        if (!done) answered++;
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.match((await result).content, /A very long report/);
      assert.ok(answered >= 5, `${name}: ${answered} hovers answered while it ran`);
    }
  } finally {
    await client.stop();
  }
});
