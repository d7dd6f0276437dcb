/**
 * `check --fix` and `check --fix-dry-run` on a copy of test/fixtures/fix/workspace: the files
 * that have automatic fixes end up as test/fixtures/fix/expected has them, nothing else changes,
 * and the dry run prints the same change as a diff and writes nothing.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO, runCli, type JsonOutput } from '../helpers/cli.js';

const FIXTURE = join(REPO, 'test/fixtures/fix/workspace');
const EXPECTED = join(REPO, 'test/fixtures/fix/expected');
const REPORT = 'incidents/2026-02-11-queue-stall.md';
const PHP = 'includes/SharedThumbs.php';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-scribe-fix-'));
  cpSync(FIXTURE, dir, { recursive: true });
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every file under `dir` (relative path → bytes as text). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, 'latin1'));
  }
  return files;
}

test('--fix applies the automatic fixes, writes those files only, and prints what it changed and what remains', async () => {
  const dir = copy();
  const before = snapshot(dir);
  const result = await runCli(['check', '--fix'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.equal(readFileSync(join(dir, REPORT), 'utf8'), readFileSync(join(EXPECTED, '2026-02-11-queue-stall.md'), 'utf8'));
  assert.equal(readFileSync(join(dir, PHP), 'utf8'), readFileSync(join(EXPECTED, 'SharedThumbs.php'), 'utf8'));
  const afterFix = snapshot(dir);
  assert.deepEqual([...afterFix.keys()].sort(), [...before.keys()].sort(), 'no file added (no temporary file left) and none removed');
  for (const [path, text] of before) if (path !== REPORT && path !== PHP) assert.equal(afterFix.get(path), text, `${path} is untouched`);
  assert.ok(
    result.stdout.startsWith(
      `Fixed ${REPORT} (2 fixes):\n  report/missing-section  Insert section "Detection"\n  report/missing-section  Insert section "Actionables"\n` +
        `Fixed ${PHP} (1 fix):\n  keys/shared-key-built-local  Use makeGlobalKey\n\n`,
    ),
    result.stdout,
  );
  // What remains: the quick fixes that need a person (the timeline order) and the template's placeholders.
  assert.match(result.stdout, /^incidents\/2026-02-11-queue-stall\.md:22:1 +warning +timeline\/out-of-order /m);
  const remaining = result.stdout.slice(result.stdout.indexOf('\n\n'));
  assert.doesNotMatch(remaining, /missing-section|shared-key-built-local/);

  const again = await runCli(['check', '--fix', '--format', 'json'], { cwd: dir });
  assert.equal(again.stderr, 'Nothing to fix automatically.\n', 'with a machine format, the change list goes to stderr');
  const json = JSON.parse(again.stdout) as JsonOutput;
  assert.ok(json.diagnostics.every((d) => d.ruleId !== 'report/missing-section'));
  assert.deepEqual(snapshot(dir), afterFix, 'a second run changes nothing');
});

test('--fix-dry-run prints a unified diff that patch applies to give what --fix writes, and changes no file', async () => {
  const dir = copy();
  const before = snapshot(dir);
  const result = await runCli(['check', '--fix-dry-run'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(snapshot(dir), before, 'no file changed');
  assert.match(result.stdout, new RegExp(`^--- a/${REPORT}\n\\+\\+\\+ b/${REPORT}\n@@ -22,6 \\+22,10 @@`));
  assert.match(result.stdout, /^-\t\treturn \$this->wanCache->makeKey\( 'shared-thumb', \$name \);\n\+\t\treturn \$this->wanCache->makeGlobalKey\( 'shared-thumb', \$name \);$/m);
  assert.match(result.stderr, new RegExp(`^Would fix ${REPORT} \\(2 fixes\\):`, 'm'));
  writeFileSync(join(dir, 'fixes.diff'), result.stdout);
  execFileSync('patch', ['-s', '-p1', '-i', 'fixes.diff'], { cwd: dir });
  assert.equal(readFileSync(join(dir, REPORT), 'utf8'), readFileSync(join(EXPECTED, '2026-02-11-queue-stall.md'), 'utf8'));
  assert.equal(readFileSync(join(dir, PHP), 'utf8'), readFileSync(join(EXPECTED, 'SharedThumbs.php'), 'utf8'));
});

test('--fix and --fix-dry-run together are a usage error', async () => {
  const dir = copy();
  const both = await runCli(['check', '--fix', '--fix-dry-run'], { cwd: dir });
  assert.equal(both.code, 2);
  assert.equal(both.stderr, 'incident-scribe: --fix and --fix-dry-run cannot be used together (see incident-scribe check --help)\n');
});

test('json says which findings --fix repairs (fixable); sarif carries the fixes and each rule its fixability', async () => {
  const dir = copy();
  const json = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: dir })).stdout) as JsonOutput;
  const fixable = (rule: string) => json.diagnostics.filter((d) => d.ruleId === rule).map((d) => d.fixable);
  // One finding names every missing section of the report.
  assert.deepEqual(fixable('report/missing-section'), [true]);
  assert.deepEqual(fixable('keys/shared-key-built-local'), [true]);
  assert.deepEqual(fixable('timeline/out-of-order'), [false], 'a quick fix that needs a person is not applied by --fix');

  const sarifRun = await runCli(['check', '--format', 'sarif'], { cwd: dir });
  const sarif = JSON.parse(sarifRun.stdout) as {
    runs: { tool: { driver: { rules: { id: string; properties: { fixable: string } }[] } }; results: { ruleId: string; fixes?: unknown[] }[] }[];
  };
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.rules.find((r) => r.id === 'report/missing-section')?.properties.fixable, 'auto');
  assert.equal(run.tool.driver.rules.find((r) => r.id === 'timeline/out-of-order')?.properties.fixable, 'suggestion');
  const missing = run.results.filter((r) => r.ruleId === 'report/missing-section');
  assert.deepEqual(missing[0].fixes?.[0], {
    description: { text: 'Insert section "Detection"' },
    artifactChanges: [
      {
        artifactLocation: { uri: 'incidents/2026-02-11-queue-stall.md', uriBaseId: '%SRCROOT%' },
        replacements: [
          {
            deletedRegion: { startLine: 23, startColumn: 59, endLine: 23, endColumn: 59 },
            insertedContent: { text: '\n\n## Detection\n\n<detection: how the problem was noticed (an alert, a user report), and whether monitoring could have caught it sooner.>' },
          },
        ],
      },
    ],
  });
  assert.ok(run.results.find((r) => r.ruleId === 'keys/shared-key-built-local')?.fixes?.length);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
  assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
});

test('--fix keeps the line endings of a CRLF report: every line break it inserts is CRLF', async () => {
  const dir = copy();
  const crlf = readFileSync(join(dir, REPORT), 'utf8').replace(/\r?\n/g, '\r\n');
  writeFileSync(join(dir, REPORT), crlf);
  const result = await runCli(['check', '--fix', REPORT], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const fixed = readFileSync(join(dir, REPORT), 'utf8');
  assert.match(result.stdout, /Insert section "Detection"/);
  assert.notEqual(fixed, crlf);
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.equal(fixed, readFileSync(join(EXPECTED, '2026-02-11-queue-stall.md'), 'utf8').replace(/\r?\n/g, '\r\n'));
});
