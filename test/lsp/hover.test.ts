/** Hover on a timeline entry: its UTC time and the time since the impact start. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from '../helpers/lsp-client.js';

const DEFECTS = readFileSync(join(ROOT, 'test/fixtures/lsp/defects.md'), 'utf8');
const LINES = DEFECTS.split('\n');
const lineOf = (needle: string) => LINES.findIndex((l) => l.includes(needle));

test('hover on timeline entries', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    const hover = async (line: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    const detected = await hover(lineOf('[detected]'));
    assert.ok(detected);
    const value = (detected.contents as MarkupContent).value;
    assert.equal((detected.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /2026-03-04 09:20 UTC/);
    assert.match(value, /8 min after the impact start/);
    assert.match(value, /Detected 2026-03-04 09:20 UTC \(marked \[detected\]\)\./);
    const start = await hover(lineOf('[start]'));
    assert.match((start!.contents as MarkupContent).value, /At the impact start/);
    const resolved = await hover(lineOf('[resolved]'));
    assert.match((resolved!.contents as MarkupContent).value, /38 min after the impact start/);
  } finally {
    await client.stop();
  }
});

test('no hover away from timeline entries, and none in documents that are not reports', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/thumbnails.md');
    await client.open(uri, DEFECTS);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('## Impact') + 2, character: 4 } }), null);
    const readme = client.uri('README.md');
    await client.open(readme, '# Readme\n\n- 09:20 something\n');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: readme }, position: { line: 2, character: 3 } }), null);
  } finally {
    await client.stop();
  }
});

test('hover on the title: the profile the report follows, detected from its headings or configured', async () => {
  const client = await TestClient.spawn();
  try {
    const uri = client.uri('incidents/queue-backlog.md');
    const report = [
      '# Queue backlog after a broker restart',
      '',
      '## Overview',
      '',
      'Jobs waited up to 40 minutes after a broker restart.',
      '',
      '## Contributing factors',
      '',
      '- The restart dropped the consumer leases.',
      '',
      '## Resolution',
      '',
      'Consumers were restarted.',
      '',
      '## Impact',
      '',
      'About 1,200 jobs were delayed by up to 40 minutes; none were lost.',
      '',
      '## Timeline',
      '',
      'All times UTC.',
      '',
      '- 2025-04-02 08:10 The broker restarts.',
      '',
      "## How'd we do?",
      '',
      '- The queue alert fired within a minute.',
      '',
      '## Action items',
      '',
      '- Keep leases across restarts (#412, @kim).',
      '',
    ].join('\n');
    await client.open(uri, report);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
    assert.ok(hover, 'a hover on the title');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Profile: pagerduty/);
    assert.match(value, /headings follow this template/);
    assert.deepEqual(hover.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 38 } });

    const plain = client.uri('incidents/short.md');
    await client.open(plain, '# Short outage\n\n## Summary\n\nLogins failed.\n\n## Timeline\n\n- 10:00 UTC Logins fail.\n');
    const generic = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: plain }, position: { line: 0, character: 2 } });
    assert.match((generic!.contents as MarkupContent).value, /Profile: generic.*none of the known templates/s);
  } finally {
    await client.stop();
  }
});
