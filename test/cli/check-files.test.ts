import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { collectFiles } from '../../server/src/node/walk.js';
import { runCli, SMALL_REPORT, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const INCIDENT_FRONT_MATTER = '---\ntype: incident\n---\n' + SMALL_REPORT;

async function files(root: string, paths: string[], config = defaultConfig()) {
  const found = await collectFiles({ root, config, paths, cwd: root });
  const rel = (p: string) => p.slice(root.length + 1).split('\\').join('/');
  return { reports: found.reports.map(rel), php: found.php.map(rel), problems: found.problems };
}

test('a directory walk finds reports by the default globs and by front matter type: incident', async () => {
  const dir = tempWorkspace({
    'docs/incidents/2024/cache.md': SMALL_REPORT,
    'postmortems/db.md': SMALL_REPORT,
    'notes/search-incident-notes.md': SMALL_REPORT,
    'notes/2020-post-mortem.md': SMALL_REPORT,
    'notes/outage.md': INCIDENT_FRONT_MATTER,
    'notes/readme.md': '# Notes\n',
    'notes/other-type.md': '---\ntype: meeting\n---\n# Meeting\n',
  });
  assert.deepEqual((await files(dir, ['.'])).reports, ['docs/incidents/2024/cache.md', 'notes/2020-post-mortem.md', 'notes/outage.md', 'notes/search-incident-notes.md', 'postmortems/db.md']);
});

test('a Markdown file named on the command line is always a report', async () => {
  const dir = tempWorkspace({ 'notes/readme.md': '# Notes\n', 'notes/report.txt': SMALL_REPORT });
  assert.deepEqual((await files(dir, ['notes/readme.md', 'notes/report.txt'])).reports, ['notes/readme.md', 'notes/report.txt']);
});

test('the walk skips .git, node_modules and what .gitignore files ignore, nested ones too', async () => {
  const dir = tempWorkspace({
    '.gitignore': 'build/\n*.draft.md\n',
    'incidents/a.md': SMALL_REPORT,
    'incidents/b.draft.md': SMALL_REPORT,
    'build/incidents/c.md': SMALL_REPORT,
    'node_modules/pkg/incidents/d.md': SMALL_REPORT,
    '.git/incidents/e.md': SMALL_REPORT,
    'team/.gitignore': 'private/\n',
    'team/incidents/f.md': SMALL_REPORT,
    'team/private/incidents/g.md': SMALL_REPORT,
  });
  assert.deepEqual((await files(dir, ['.'])).reports, ['incidents/a.md', 'team/incidents/f.md']);
  assert.deepEqual((await files(dir, ['team'])).reports, ['team/incidents/f.md'], 'the root .gitignore applies below it too');
});

test('configured report globs replace the defaults and match relative to the workspace root', async () => {
  // Notes that do not read as a report: only a glob takes them.
  const notes = '# Cache notes\n\nThe cache cluster is being resized.\n';
  const dir = tempWorkspace({ 'reports/2024-01-cache.md': notes, 'incidents/a.md': notes });
  const config = { ...defaultConfig(), reportGlobs: ['reports/*.md'] };
  assert.deepEqual((await files(dir, ['.'], config)).reports, ['reports/2024-01-cache.md']);
  assert.deepEqual((await files(dir, ['reports'], config)).reports, ['reports/2024-01-cache.md']);
});

test('PHP files are collected separately, without excluded folders', async () => {
  const dir = tempWorkspace({
    'includes/Cache.php': '<?php\n',
    'vendor/lib/Other.php': '<?php\n',
    'extensions/Foo/vendor/x.php': '<?php\n',
    'extensions/Foo/Hooks.php': '<?php\n',
  });
  const found = await files(dir, ['.']);
  assert.deepEqual(found.php, ['extensions/Foo/Hooks.php', 'includes/Cache.php']);
  assert.deepEqual(found.reports, []);
  assert.deepEqual((await files(dir, ['vendor/lib/Other.php'])).php, ['vendor/lib/Other.php'], 'a file named explicitly is always taken');
});

test('the configuration is found at the nearest ancestor of the first path; --config wins', async () => {
  const dir = tempWorkspace({
    'repo/.incident-scribe.yml': 'profile: minimal\nreportGlobs: ["docs/**/*.md"]\n',
    'repo/docs/ops/db.md': SMALL_REPORT,
    'repo/other.md': SMALL_REPORT,
    'strict.json': JSON.stringify({ rules: { 'report/missing-section': 'error' } }),
  });
  const found = await runCli(['check', 'repo/docs', '--format', 'json'], { cwd: dir });
  assert.equal(found.code, 0, found.stderr);
  const json = JSON.parse(found.stdout) as JsonOutput;
  assert.deepEqual(json.reports.map((r) => r.file), ['repo/docs/ops/db.md']);
  const missing = json.diagnostics.filter((d) => d.ruleId === 'report/missing-section').map((d) => d.message);
  assert.ok(missing.length > 0 && missing.every((m) => m.includes('minimal')), found.stdout);

  const explicit = await runCli(['check', join('repo', 'docs', 'ops', 'db.md'), '--config', 'strict.json'], { cwd: dir });
  assert.equal(explicit.code, 1, 'severities come from --config');
  assert.match(explicit.stdout, /profiles found: generic 1/, 'and the profile too: none configured there, so each report gets the one it follows');
  assert.doesNotMatch(explicit.stdout, /minimal/);
});

test('--profile overrides the profile of the configuration, built-in or custom', async () => {
  const dir = tempWorkspace({
    '.incident-scribe.json': JSON.stringify({ profiles: { tiny: { sections: ['Summary'] } } }),
    'report.md': SMALL_REPORT,
  });
  const builtin = await runCli(['check', 'report.md', '--profile', 'google-sre'], { cwd: dir });
  assert.match(builtin.stdout, /required by the google-sre profile/);
  const custom = await runCli(['check', 'report.md', '--profile', 'tiny', '--format', 'json'], { cwd: dir });
  assert.equal(custom.code, 0, custom.stderr);
  assert.deepEqual((JSON.parse(custom.stdout) as JsonOutput).diagnostics.filter((d) => d.ruleId === 'report/missing-section'), []);
});
