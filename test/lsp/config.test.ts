/**
 * Configuration: `incidentScribe.*` settings, `.incident-scribe.json` / `.yaml` winning over them,
 * a bad configuration file reported on that file, and file changes re-checking open reports.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, TestClient, waitFor } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');

function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'incident-scribe-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

test('a config file with bad values: one clear diagnostic per problem, on that file; valid parts apply', async () => {
  const folder = workspace({
    '.incident-scribe.json': JSON.stringify({ profile: 'nope', rules: { 'report/empty-section': 'loud', 'report/missing-section': 'error', 'no/such-rule': 'off' }, extra: 1 }, null, 2),
  });
  const client = await TestClient.spawn({ folder });
  try {
    const configUri = pathToFileURL(join(folder, '.incident-scribe.json')).href;
    const problems = await client.pushedWhere(configUri, (p) => p.diagnostics.length > 0);
    const messages = problems.map((d) => String(d.message));
    assert.equal(problems.length, 4, messages.join('\n'));
    for (const key of ['"profile"', '"rules.report/empty-section"', '"rules.no/such-rule"', '"extra"']) {
      assert.ok(messages.some((m) => m.includes(key) && m.includes('.incident-scribe.json')), `a message names ${key}`);
    }
    assert.ok(problems.every((d) => d.severity === 1 && d.source === 'incident-scribe' && d.code === 'config'));
    const line = readFileSync(join(folder, '.incident-scribe.json'), 'utf8').split('\n').findIndex((l) => l.includes('"extra"'));
    assert.equal(problems.find((d) => String(d.message).includes('"extra"'))!.range.start.line, line, 'the diagnostic sits on the key');

    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    const diagnostics = await client.pull(uri);
    assert.equal(diagnostics.find((d) => d.code === 'report/missing-section')?.severity, 1, 'the valid severity applies');
    assert.equal(diagnostics.find((d) => d.code === 'report/empty-section')?.severity, 2, 'the bad one falls back to the default');
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a config file that is not JSON gets a diagnostic; fixing it re-checks the open reports', async () => {
  const folder = workspace({ '.incident-scribe.json': '{ "rules": { "report/empty-section": "off" ' });
  const client = await TestClient.spawn({ folder });
  try {
    const configUri = pathToFileURL(join(folder, '.incident-scribe.json')).href;
    const problems = await client.pushedWhere(configUri, (p) => p.diagnostics.length > 0);
    assert.ok(problems.length >= 1 && problems.every((d) => /not valid JSON/.test(String(d.message))), problems.map((d) => d.message).join('\n'));
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    assert.ok((await client.pull(uri)).some((d) => d.code === 'report/empty-section'), 'a broken file sets nothing');

    writeFileSync(join(folder, '.incident-scribe.json'), '{ "rules": { "report/empty-section": "off" } }\n');
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.pushedWhere(configUri, (p) => p.diagnostics.length === 0);
    await waitFor('a diagnostic refresh request', () => (client.refreshes > refreshes ? true : undefined));
    assert.ok(!(await client.pull(uri)).some((d) => d.code === 'report/empty-section'), 'the new configuration applies');
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the file wins over settings, entry by entry; YAML works too', async () => {
  const folder = workspace({ '.incident-scribe.yaml': 'profile: google-sre\nrules:\n  report/missing-section: info\n' });
  const client = await TestClient.spawn({ folder, settings: { profile: 'minimal', rules: { 'report/empty-section': 'error' }, trace: { server: 'off' } } });
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    const diagnostics = await client.pull(uri);
    const missing = diagnostics.filter((d) => d.code === 'report/missing-section');
    assert.ok(missing.length > 0 && missing.every((d) => String(d.message).includes('google-sre') && d.severity === 3));
    assert.equal(diagnostics.find((d) => d.code === 'report/empty-section')?.severity, 1, 'a setting the file does not override still applies');
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('settings changes apply without a restart', async () => {
  const client = await TestClient.spawn({ settings: { profile: 'minimal' } });
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    assert.ok(!(await client.pull(uri)).some((d) => d.code === 'report/missing-section'), 'minimal needs no Detection');
    client.settings = { profile: 'wikimedia' };
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor('a diagnostic refresh request', () => (client.refreshes > refreshes ? true : undefined));
    assert.ok((await client.pull(uri)).some((d) => d.code === 'report/missing-section' && String(d.message).includes('"Detection"')));
  } finally {
    await client.stop();
  }
});
