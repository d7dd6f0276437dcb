import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULE_IDS } from '../../server/src/core/rules/index.js';
import { runCli, SMALL_REPORT, tempWorkspace } from '../helpers/cli.js';

const CLEAN = '# Fine\n';

/** Asserts exit code 2 with exactly one line on stderr that contains every one of `parts`. */
function assertTrouble(result: { code: number | null; stderr: string }, ...parts: string[]) {
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  for (const part of parts) assert.ok(lines[0].includes(part), `"${lines[0]}" should mention ${part}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

test('exit 0 when there is no error-severity finding (warnings only)', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT });
  const result = await runCli(['check', 'report.md'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /warning/);
  assert.equal(result.stderr, '');
});

test('exit 0 with every rule turned off and nothing found', async () => {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, 'off']));
  const dir = tempWorkspace({ 'report.md': CLEAN, '.incident-scribe.json': JSON.stringify({ rules }) });
  const result = await runCli(['check', 'report.md', '--format', 'json'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout).diagnostics, []);
});

test('exit 1 with at least one error-severity finding', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT, '.incident-scribe.json': JSON.stringify({ rules: { 'report/missing-section': 'error' } }) });
  const result = await runCli(['check', 'report.md'], { cwd: dir });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /report\.md:1:1 +error +report\/missing-section/);
});

test('exit 2 on an unknown option, naming it', async () => {
  assertTrouble(await runCli(['check', '--frmat', 'json']), '--frmat');
});

test('exit 2 on an unknown command and on a bad --format value', async () => {
  assertTrouble(await runCli(['chek']), 'chek');
  assertTrouble(await runCli(['check', '--format', 'xml']), '--format', 'xml');
  assertTrouble(await runCli(['check', '--format']), '--format');
});

test('exit 2 on an unknown --profile', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT });
  assertTrouble(await runCli(['check', 'report.md', '--profile', 'nasa'], { cwd: dir }), 'nasa');
});

test('exit 2 on a missing file, naming it, after checking the others', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT });
  const result = await runCli(['check', 'report.md', 'no-such-report.md', '--format', 'json'], { cwd: dir });
  assertTrouble(result, 'no-such-report.md', 'no such file');
  assert.ok(JSON.parse(result.stdout).diagnostics.length > 0, 'the existing report is still checked');
});

test('exit 2 on a bad configuration file, naming the file and the key', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT, '.incident-scribe.json': JSON.stringify({ rules: { 'report/missing-section': 'loud' } }) });
  assertTrouble(await runCli(['check', 'report.md'], { cwd: dir }), '.incident-scribe.json', 'rules.report/missing-section');
});

test('exit 2 on an unknown key in a YAML configuration', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT, '.incident-scribe.yaml': 'profile: minimal\nreportGlob: ["*.md"]\n' });
  assertTrouble(await runCli(['check', 'report.md'], { cwd: dir }), '.incident-scribe.yaml:2', 'reportGlob');
});

test('exit 2 on a configuration that is not valid JSON', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT, 'custom.json': '{ "profile": "minimal",, }' });
  assertTrouble(await runCli(['check', 'report.md', '--config', 'custom.json'], { cwd: dir }), 'custom.json');
});

test('exit 2 when --config names a file that does not exist', async () => {
  const dir = tempWorkspace({ 'report.md': SMALL_REPORT });
  assertTrouble(await runCli(['check', 'report.md', '--config', 'missing.json'], { cwd: dir }), 'missing.json');
});

test('--help and --version exit 0', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /check/);
  const checkHelp = await runCli(['check', '--help']);
  assert.equal(checkHelp.code, 0);
  assert.match(checkHelp.stdout, /--format text\|json\|sarif/);
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('no command prints the usage on stderr and exits 2', async () => {
  const result = await runCli([]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Usage: incident-scribe/);
});
