/** incidentScribe.server.metrics: what the client's "Show Incident Metrics" and status bar show. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

interface Summary {
  uri: string;
  title?: string;
  status?: string;
  metrics: Record<string, number>;
  counts: Record<string, number>;
}

test('metrics of an open report: title, status, metrics and finding counts', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    const summary = await client.request<Summary>('workspace/executeCommand', { command: 'incidentScribe.server.metrics', arguments: [uri] });
    assert.equal(summary.uri, uri);
    assert.equal(summary.title, 'Thumbnails missing after a cache change');
    assert.equal(summary.status, 'draft');
    assert.equal(summary.metrics.timeToDetectMinutes, 8);
    assert.equal(summary.metrics.timeToMitigateMinutes, 29);
    assert.equal(summary.metrics.timeToResolveMinutes, 38);
    const diagnostics = await client.pull(uri);
    assert.equal(summary.counts.warning, diagnostics.filter((d) => d.severity === 2).length);
    assert.equal(summary.counts.error + summary.counts.warning + summary.counts.info + summary.counts.hint, diagnostics.length);
  } finally {
    await client.stop();
  }
});

test('a closed report is read from disk; a file that is not a report gives null', async () => {
  const client = await TestClient.spawn();
  try {
    mkdirSync(join(client.folder, 'incidents'));
    writeFileSync(join(client.folder, 'incidents', 'closed.md'), DEFECTS);
    writeFileSync(join(client.folder, 'README.md'), '# Readme\n');
    const closed = await client.request<Summary>('workspace/executeCommand', { command: 'incidentScribe.server.metrics', arguments: [client.uri('incidents/closed.md')] });
    assert.equal(closed.title, 'Thumbnails missing after a cache change');
    assert.equal(await client.request('workspace/executeCommand', { command: 'incidentScribe.server.metrics', arguments: [client.uri('README.md')] }), null);
    assert.equal(await client.request('workspace/executeCommand', { command: 'incidentScribe.server.metrics', arguments: [client.uri('missing.md')] }), null);
  } finally {
    await client.stop();
  }
});
