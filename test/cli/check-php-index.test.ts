/**
 * The PHP key scan through `incident-scribe check`: the persistent index in the user's cache
 * folder (cold, warm, a changed file, `--no-cache`, a damaged or foreign index file), the text
 * prefilter (files without key tokens are read, not parsed), worker threads for larger
 * workspaces, and a parser that cannot start in a worker or in the CLI itself.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { REPO, runCli, tempWorkspace, type JsonOutput } from '../helpers/cli.js';

const KEYED = (cls: string, group: string, builder = 'makeKey') =>
  `<?php\nclass ${cls} {\n\tprivate WANObjectCache $cache;\n\tpublic function k( $n ) {\n\t\treturn $this->cache->${builder}( '${group}', $n );\n\t}\n}\n`;
const PLAIN = (cls: string) => `<?php\nclass ${cls} {\n\tpublic function text( $n ) {\n\t\treturn $this->options->get( 'Name' ) . $n;\n\t}\n}\n`;

function cacheHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-xdg-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A workspace whose files are a minute old, so that their modification times are trusted. */
function workspace(files: Record<string, string>): string {
  const dir = tempWorkspace(files);
  const past = new Date(Date.now() - 60_000);
  for (const name of Object.keys(files)) utimesSync(join(dir, name), past, past);
  return dir;
}

const summary = (stderr: string) => /PHP key index: (.*)/.exec(stderr)?.[1] ?? `no summary in: ${stderr}`;
const ruleIds = (stdout: string) => (JSON.parse(stdout) as JsonOutput).diagnostics.map((d) => `${d.file}:${d.ruleId}`).sort();

test('a second run reads no unchanged file; a changed file is read again; --no-cache reads all and writes nothing', async () => {
  const dir = workspace({ 'LocalRepo.php': KEYED('LocalRepo', 'meta'), 'SharedRepo.php': KEYED('SharedRepo', 'other', 'makeGlobalKey'), 'Plain.php': PLAIN('Plain') });
  const env = { XDG_CACHE_HOME: cacheHome() };
  const args = ['check', '.', '--format', 'json', '--verbose'];

  const cold = await runCli(args, { cwd: dir, env });
  assert.equal(cold.code, 0, cold.stderr);
  assert.match(summary(cold.stderr), /^3 files, 3 read, 2 parsed, 0 unchanged since the last run/);
  const stored = readdirSync(join(env.XDG_CACHE_HOME, 'incident-scribe'));
  assert.equal(stored.filter((f) => /^keys-.*\.json$/.test(f)).length, 1, `the index is in $XDG_CACHE_HOME/incident-scribe: ${stored}`);

  const warm = await runCli(args, { cwd: dir, env });
  assert.match(summary(warm.stderr), /^3 files, 0 read, 0 parsed, 3 unchanged since the last run/);
  assert.equal(warm.stdout, cold.stdout);

  writeFileSync(join(dir, 'LocalRepo.php'), KEYED('LocalRepo', 'other'));
  const changed = await runCli(args, { cwd: dir, env });
  assert.match(summary(changed.stderr), /^3 files, 1 read, 1 parsed, 2 unchanged since the last run/);
  assert.deepEqual(ruleIds(changed.stdout), ['LocalRepo.php:keys/mixed-scope', 'SharedRepo.php:keys/mixed-scope']);

  const other = cacheHome();
  const uncached = await runCli([...args, '--no-cache'], { cwd: dir, env: { XDG_CACHE_HOME: other } });
  assert.match(summary(uncached.stderr), /^3 files, 3 read, 2 parsed, 0 unchanged since the last run.*\(no persistent index\)/);
  assert.equal(uncached.stdout, changed.stdout);
  assert.equal(existsSync(join(other, 'incident-scribe')), false, '--no-cache writes no index');
});

test('a damaged index is rebuilt and a foreign file at its place is left alone, each with a note', async () => {
  const dir = workspace({ 'LocalRepo.php': KEYED('LocalRepo', 'meta') });
  const env = { XDG_CACHE_HOME: cacheHome() };
  const args = ['check', '.', '--verbose'];
  assert.equal((await runCli(args, { cwd: dir, env })).code, 0);
  const folder = join(env.XDG_CACHE_HOME, 'incident-scribe');
  const file = join(folder, readdirSync(folder)[0]);

  writeFileSync(file, '{"format":"incident-scribe-key-index","files":{"a');
  const damaged = await runCli(args, { cwd: dir, env });
  assert.equal(damaged.code, 0, 'a damaged index is not a problem of the check');
  assert.match(damaged.stderr, /note: the key index .* is damaged \(not JSON\); it is rebuilt/);
  assert.match(summary(damaged.stderr), /1 read/);
  assert.match(summary((await runCli(args, { cwd: dir, env })).stderr), /0 read/, 'the index was rewritten');

  writeFileSync(file, '{"some":"other tool"}');
  const foreign = await runCli(args, { cwd: dir, env });
  assert.equal(foreign.code, 0);
  assert.match(foreign.stderr, /note: .* is not an Incident Scribe key index; it is ignored and left as it is/);
  assert.equal(readFileSync(file, 'utf8'), '{"some":"other tool"}');
});

test('files without key tokens are read but not parsed; many files are parsed in worker threads with the same findings', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 240; i++) files[`src/Plain${i}.php`] = PLAIN(`Plain${i}`);
  for (let i = 0; i < 12; i++) files[`src/Keyed${i}.php`] = KEYED(`Keyed${i}`, 'shared', i % 2 ? 'makeGlobalKey' : 'makeKey');
  const dir = workspace(files);
  const run = await runCli(['check', '.', '--format', 'json', '--verbose', '--no-cache'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.match(summary(run.stderr), /^252 files, 252 read, 12 parsed,/);
  assert.equal(ruleIds(run.stdout).length, 12);
  assert.ok(ruleIds(run.stdout).every((r) => r.endsWith('keys/mixed-scope')));
});

/** A copy of the built CLI and its worker without the PHP grammar. */
function brokenInstall(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-broken-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['cli.js', 'keys-worker.js', 'web-tree-sitter.wasm']) copyFileSync(join(REPO, 'dist', file), join(dir, file));
  mkdirSync(join(dir, 'node_modules'));
  return join(dir, 'cli.js');
}

test('a parser that cannot start is one clear line and exit code 2, in the CLI and in its workers, never a hang', async () => {
  const cli = brokenInstall();
  const few = workspace({ 'LocalRepo.php': KEYED('LocalRepo', 'meta') });
  const here = await runCli(['check', '.', '--no-cache'], { cwd: few, cli });
  assert.equal(here.code, 2);
  assert.match(here.stderr, /PHP files not checked: tree-sitter-php\.wasm not found/);

  const files: Record<string, string> = {};
  for (let i = 0; i < 200; i++) files[`K${i}.php`] = KEYED(`K${i}`, 'g');
  const many = workspace(files);
  const workers = await runCli(['check', '.', '--no-cache'], { cwd: many, cli });
  assert.equal(workers.code, 2);
  assert.equal(workers.stderr.match(/PHP files not checked/g)?.length, 1, workers.stderr);
  assert.match(workers.stderr, /PHP files not checked: tree-sitter-php\.wasm not found/);
});
