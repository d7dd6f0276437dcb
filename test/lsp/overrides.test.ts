/**
 * Per-folder settings in the editor: `overrides` in the workspace configuration apply to the
 * reports they match, and a report outside every workspace folder finds the configuration file
 * nearest above it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { TestClient } from '../helpers/lsp-client.js';

const REPORT = '# Cache stall\n\n## Summary\n\nThe careless restart emptied the cache.\n\n## Timeline\n\n- 10:00 UTC Alerts fire.\n';

function dir(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(path, { recursive: true, force: true }));
  return path;
}

const codes = (diagnostics: { code?: unknown; message: unknown }[]) => diagnostics.map((d) => `${String(d.code)} ${String(d.message).slice(0, 40)}`);

test('overrides: a team folder gets its own profile and rule severities; other reports keep the workspace settings', async () => {
  const folder = dir('incident-scribe-overrides-');
  writeFileSync(
    join(folder, '.incident-scribe.json'),
    JSON.stringify({
      overrides: [
        { files: ['teams/search/**'], profile: 'minimal', rules: { 'style/blame': 'off' } },
        { files: ['teams/search/legacy/**'], rules: { 'style/blame': 'error' } },
      ],
    }),
  );
  const client = await TestClient.spawn({ folder });
  try {
    const team = client.uri('teams/search/incidents/stall.md');
    const legacy = client.uri('teams/search/legacy/incidents/stall.md');
    const other = client.uri('incidents/stall.md');
    for (const uri of [team, legacy, other]) await client.open(uri, REPORT);
    const teamFindings = await client.pull(team);
    assert.ok(teamFindings.some((d) => d.code === 'report/missing-section' && String(d.message).includes('"Action items", required by the minimal profile')), codes(teamFindings).join('\n'));
    assert.ok(!teamFindings.some((d) => d.code === 'style/blame'), 'style/blame is off for the team');
    const legacyFindings = await client.pull(legacy);
    assert.equal(legacyFindings.find((d) => d.code === 'style/blame')?.severity, 1, 'a later override wins: error');
    assert.ok(legacyFindings.some((d) => String(d.message).includes('required by the minimal profile')), 'the earlier override still applies');
    const otherFindings = await client.pull(other);
    // No profile is configured, so the workspace default (auto) picks one by the report's shape.
    const otherSections = otherFindings.filter((d) => d.code === 'report/missing-section').map((d) => String(d.message));
    assert.ok(otherSections.some((m) => m.includes('"Root cause"')), codes(otherFindings).join('\n'));
    assert.ok(!otherSections.some((m) => m.includes('minimal profile')), 'the override does not reach other reports');
    assert.equal(otherFindings.find((d) => d.code === 'style/blame')?.severity, 2, 'the default severity (warning) outside the override');
  } finally {
    await client.stop();
  }
});

test('a report outside every workspace folder uses the configuration file nearest above it', async () => {
  const outside = dir('incident-scribe-outside-');
  mkdirSync(join(outside, 'postmortems', '2026'), { recursive: true });
  writeFileSync(join(outside, '.incident-scribe.yaml'), 'profile: minimal\nrules:\n  style/blame: "off"\n');
  const client = await TestClient.spawn();
  try {
    const uri = pathToFileURL(join(outside, 'postmortems', '2026', 'stall.md')).href;
    await client.open(uri, REPORT);
    const findings = await client.pull(uri);
    assert.ok(findings.some((d) => String(d.message).includes('required by the minimal profile')), codes(findings).join('\n'));
    assert.ok(!findings.some((d) => d.code === 'style/blame'));
  } finally {
    await client.stop();
  }
});
