/**
 * Configuration as the command line finds it: `overrides` per folder, a path outside the current
 * directory checked under the configuration nearest above it, and `keys.exclude` adding to the
 * default excluded folders (`keys.excludeDefaults: false` turning them off).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, SMALL_REPORT, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const BLAMEFUL = SMALL_REPORT.replace('was down.', 'was down after a careless restart.');

test('overrides: the matching reports get the override\'s profile, severities and tags, in order', async () => {
  const dir = tempWorkspace({
    '.incident-scribe.json': JSON.stringify({
      overrides: [
        { files: 'teams/search/**', profile: 'minimal', rules: { 'style/blame': 'error' } },
        { files: ['teams/search/old/**'], rules: { 'style/blame': 'off' } },
      ],
    }),
    'teams/search/incidents/a.md': BLAMEFUL,
    'teams/search/old/incidents/b.md': BLAMEFUL,
    'incidents/c.md': BLAMEFUL,
  });
  const result = await runCli(['check', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 1, result.stderr);
  const json = JSON.parse(result.stdout) as JsonOutput;
  const of = (file: string, rule: string) => json.diagnostics.filter((d) => d.file === file && d.ruleId === rule);
  assert.equal(of('teams/search/incidents/a.md', 'style/blame')[0]?.severity, 'error');
  assert.deepEqual(of('teams/search/old/incidents/b.md', 'style/blame'), []);
  assert.equal(of('incidents/c.md', 'style/blame')[0]?.severity, 'warning');
  const overridden = of('teams/search/incidents/a.md', 'report/missing-section');
  assert.ok(overridden.length > 0 && overridden.every((d) => d.message.includes('minimal profile')), result.stdout);
  // Outside the overrides no profile is configured: the report follows no template, so it gets the generic one.
  assert.ok(of('incidents/c.md', 'report/missing-section').some((d) => d.message.includes('(generic profile)')));
});

test('a path outside the current directory is checked under the configuration nearest above it', async () => {
  const dir = tempWorkspace({
    'other/.incident-scribe.yaml': 'profile: minimal\n',
    'other/deep/incidents/a.md': SMALL_REPORT,
    'here/readme.txt': 'not a report\n',
  });
  const result = await runCli(['check', '../other/deep/incidents/a.md', '--format', 'json'], { cwd: join(dir, 'here') });
  const json = JSON.parse(result.stdout) as JsonOutput;
  const missing = json.diagnostics.filter((d) => d.ruleId === 'report/missing-section');
  assert.ok(missing.length > 0 && missing.every((d) => d.message.includes('minimal profile')), result.stdout);
});

const SHARED_LOCAL = "<?php\nclass Repo {\n\tpublic function getSharedThumbKey( $name ) {\n\t\treturn $this->cache->makeKey( 'thumb', $name );\n\t}\n}\n";

test('keys.exclude adds to the default excluded folders; keys.excludeDefaults: false turns the defaults off', async () => {
  const files = { 'vendor/A.php': SHARED_LOCAL, 'lib/B.php': SHARED_LOCAL, 'src/C.php': SHARED_LOCAL };
  const checked = async (keys: Record<string, unknown>) => {
    const dir = tempWorkspace({ ...files, '.incident-scribe.json': JSON.stringify({ keys }) });
    const json = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: dir })).stdout) as JsonOutput;
    return [...new Set(json.diagnostics.map((d) => d.file))].sort();
  };
  assert.deepEqual(await checked({ exclude: ['lib'] }), ['src/C.php'], 'vendor stays excluded');
  assert.deepEqual(await checked({}), ['lib/B.php', 'src/C.php']);
  assert.deepEqual(await checked({ exclude: ['lib'], excludeDefaults: false }), ['src/C.php', 'vendor/A.php']);
});
