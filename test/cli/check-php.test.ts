/** `incident-scribe check` on PHP: cache key findings in every output format, with exit codes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO, runCli, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const SCHEMA = join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const FIXTURES = join(REPO, 'test', 'fixtures', 'keys');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8').replace(/^\s*\/\/ \^.*\n/gm, '');

/** The 2020 split brain on both sides, and a mixed group over two files. */
const WORKSPACE = {
  'includes/filerepo/LocalRepo.php': fixture('scenarios/split-brain-2020/LocalRepo.php'),
  'includes/filerepo/ForeignDBRepo.php': fixture('scenarios/split-brain-2020/ForeignDBRepo.php'),
  'includes/thumb/ThumbnailRepo.php': `<?php\nclass ThumbnailRepo {\n\tprivate WANObjectCache $wanCache;\n\tpublic function metadataKey( $name ) {\n\t\treturn $this->wanCache->makeKey( 'thumb-metadata', $name );\n\t}\n}\n`,
  'includes/thumb/ThumbnailReader.php': `<?php\nclass ThumbnailReader {\n\tprivate WANObjectCache $wanCache;\n\tpublic function metadataKey( $name ) {\n\t\treturn $this->wanCache->makeGlobalKey( 'thumb-metadata', $name );\n\t}\n}\n`,
  'vendor/lib/Legacy.php': `<?php\n$k = wfForeignMemcKey( $db, '', 'x' );\n`,
};

test('text: PHP findings with file:line:col, rule ids and an error exit code', async () => {
  const dir = tempWorkspace(WORKSPACE);
  const result = await runCli(['check', '.'], { cwd: dir });
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stdout.split('\n');
  assert.ok(lines.some((l) => /^includes\/filerepo\/ForeignDBRepo\.php:10:11 +error +keys\/forged-key +The key with a dynamic group is forged/.test(l)), result.stdout);
  assert.ok(lines.some((l) => /^includes\/filerepo\/LocalRepo\.php:5:10 +warning +keys\/shared-key-built-local /.test(l)), result.stdout);
  assert.equal(lines.filter((l) => / keys\/mixed-scope /.test(l)).length, 2);
  assert.doesNotMatch(result.stdout, /vendor/, 'vendor is excluded by default');
  assert.ok(lines.some((l) => /^1 error, 3 warnings, 0 infos in 4 files \(4 files checked\)$/.test(l)), result.stdout);
});

test('json: PHP diagnostics with 1-based positions; a correct workspace exits 0', async () => {
  const dir = tempWorkspace({ ...WORKSPACE, 'fixed/LocalRepo.php': fixture('scenarios/split-brain-2020-fixed/LocalRepo.php'), 'fixed/ForeignDBRepo.php': fixture('scenarios/split-brain-2020-fixed/ForeignDBRepo.php') });
  const all = JSON.parse((await runCli(['check', 'includes', '--format', 'json'], { cwd: dir })).stdout) as JsonOutput;
  const forged = all.diagnostics.find((d) => d.ruleId === 'keys/forged-key');
  assert.deepEqual(forged && { file: forged.file, line: forged.line, column: forged.column, endLine: forged.endLine, endColumn: forged.endColumn, severity: forged.severity }, {
    file: 'includes/filerepo/ForeignDBRepo.php',
    line: 10,
    column: 11,
    endLine: 10,
    endColumn: 32,
    severity: 'error',
  });
  const fixed = await runCli(['check', 'fixed', '--format', 'json'], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.deepEqual((JSON.parse(fixed.stdout) as JsonOutput).diagnostics, []);
});

test('sarif: PHP results validate, carry their rule and related locations for mixed scopes', async () => {
  const dir = tempWorkspace(WORKSPACE);
  const result = await runCli(['check', '.', '--format', 'sarif'], { cwd: dir });
  assert.equal(result.code, 1, result.stderr);
  const sarif = JSON.parse(result.stdout);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  assert.ok(validate(structuredClone(sarif)), JSON.stringify(validate.errors, null, 2));
  const run = sarif.runs[0];
  const rules = run.tool.driver.rules as { id: string; helpUri: string }[];
  for (const id of ['keys/forged-key', 'keys/shared-key-built-local', 'keys/mixed-scope', 'keys/declared-scope', 'keys/hand-built-key', 'keys/removed-helper']) {
    assert.ok(rules.some((r) => r.id === id && r.helpUri.endsWith(`docs/rules/${id}.md`)), id);
  }
  const mixed = run.results.filter((r: { ruleId: string }) => r.ruleId === 'keys/mixed-scope');
  assert.equal(mixed.length, 2);
  const uris = mixed.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
  assert.deepEqual(uris, ['includes/thumb/ThumbnailReader.php', 'includes/thumb/ThumbnailRepo.php']);
  for (const r of mixed) {
    assert.equal(r.relatedLocations.length, 1);
    const other = r.relatedLocations[0].physicalLocation.artifactLocation.uri;
    assert.notEqual(other, r.locations[0].physicalLocation.artifactLocation.uri, 'related points at the other file');
  }
});

test('configuration: declared scopes, severities and keys.exclude apply to PHP; suppressions are honoured', async () => {
  const dir = tempWorkspace({
    ...WORKSPACE,
    '.incident-scribe.json': JSON.stringify({ rules: { 'keys/mixed-scope': 'off', 'keys/forged-key': 'warning' }, keys: { global: ['thumb-*'], exclude: ['filerepo', 'vendor'] } }),
    'includes/Suppressed.php': `<?php\nclass Suppressed {\n\tpublic function getSharedCacheKey( $n ) {\n\t\t// incident-scribe-disable-next-line keys/shared-key-built-local\n\t\treturn $this->wanCache->makeKey( 'other', $n );\n\t}\n}\n`,
  });
  const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const json = JSON.parse(result.stdout) as JsonOutput;
  assert.deepEqual(
    json.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.ruleId}`),
    ['includes/thumb/ThumbnailRepo.php:5 error keys/declared-scope'],
  );
  assert.equal(result.code, 1);
});

test('an unreadable or binary PHP file is reported on stderr with exit code 2; the others are still checked', async () => {
  const dir = tempWorkspace({ ...WORKSPACE, 'includes/Broken.php': new Uint8Array([0x3c, 0x3f, 0x00, 0x01]) });
  const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /includes\/Broken\.php: skipped: binary content/);
  assert.ok((JSON.parse(result.stdout) as JsonOutput).diagnostics.some((d) => d.ruleId === 'keys/forged-key'));
});

/** Lock names, a pool counter key and a test file: none is a cache finding; a constant WAN key is. */
const PRECISION = {
  'includes/Refresher.php': fixture('forged-key.not-cache-keys.php').replace(/\n\t\/\/ A forged key that does reach[\s\S]*?\n\t}\n/, '\n'),
  'includes/Stats.php': `<?php\nclass Stats {\n\tprivate const ALL_KEY = 'stats-all';\n\tpublic function all() {\n\t\treturn MediaWikiServices::getInstance()->getMainWANObjectCache()->get( self::ALL_KEY );\n\t}\n}\n`,
  'tests/phpunit/StatsTest.php': `<?php\nclass StatsTest {\n\tpublic function testAll( $wiki ) {\n\t\t$wan = MediaWikiServices::getInstance()->getMainWANObjectCache();\n\t\t$wan->set( "$wiki:stats-all", 1 );\n\t}\n}\n`,
};

test('json: lock names and test code are no cache findings; a constant key on the WAN cache is a warning', async () => {
  const dir = tempWorkspace(PRECISION);
  const result = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stdout);
  const found = (JSON.parse(result.stdout) as JsonOutput).diagnostics.map((d) => [d.file, d.line, d.ruleId, d.severity]);
  assert.deepEqual(found, [['includes/Stats.php', 5, 'keys/unscoped-key', 'warning']]);
  const checked = tempWorkspace({ ...PRECISION, '.incident-scribe.json': JSON.stringify({ keys: { testFiles: [] } }) });
  const withTests = JSON.parse((await runCli(['check', '.', '--format', 'json'], { cwd: checked })).stdout) as JsonOutput;
  assert.deepEqual(
    withTests.diagnostics.filter((d) => d.file.startsWith('tests/')).map((d) => [d.file, d.line, d.ruleId]),
    [['tests/phpunit/StatsTest.php', 5, 'keys/forged-key']],
  );
});
