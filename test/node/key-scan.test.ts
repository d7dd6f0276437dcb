/** The workspace scan: what it reads, what it skips, and that bad files never stop it. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import type { ResolvedConfig } from '../../server/src/core/config/config.js';
import { decodeSource } from '../../server/src/node/key-files.js';
import { checkIndexedFiles, scanKeyFiles, type KeyScanOptions } from '../../server/src/node/key-scan.js';
import { collectFiles } from '../../server/src/node/walk.js';

/** The PHP files the shared workspace walk finds under `dir` (the workspace root is `root`). */
async function listPhpFiles(dir: string, exclude: string[], token?: KeyScanOptions['token']) {
  const config: ResolvedConfig = { ...defaultConfig(), keys: { ...defaultConfig().keys, exclude } };
  const found = await collectFiles({ root, config, paths: [dir], cwd: root, collect: { php: true, reports: false }, token });
  return { files: found.php, problems: found.problems };
}

async function scanPhpWorkspace(dir: string, config: ResolvedConfig, options: Partial<KeyScanOptions> = {}) {
  const { files } = await listPhpFiles(dir, config.keys.exclude, options.token);
  return scanKeyFiles(files, { builders: config.keys, ...options });
}

let root: string;
const KEY = (cls: string, group = 'g') => `<?php\nclass ${cls} {\n\tpublic function getSharedCacheKey( $n ) {\n\t\treturn $this->wanCache->makeKey( '${group}', $n );\n\t}\n}\n`;

function write(path: string, text: string | Buffer): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'is-php-scan-'));
  write('src/A.php', KEY('A'));
  write('src/Plain.php', '<?php\nclass Plain {\n\tpublic function text() { return "hello"; }\n}\n');
  write('src/notes.txt', KEY('NotPhp'));
  write('vendor/lib/V.php', KEY('V'));
  write('node_modules/pkg/N.php', KEY('N'));
  write('.git/hooks/G.php', KEY('G'));
  write('.gitignore', 'build/\n*.generated.php\n');
  write('build/B.php', KEY('B'));
  write('src/X.generated.php', KEY('X'));
  write('src/nested/.gitignore', 'Local.php\n');
  write('src/nested/Local.php', KEY('Local'));
  write('src/nested/Kept.php', KEY('Kept'));
  write('other/Local.php', KEY('OtherLocal'));
  // Latin-1 bytes before the key: not UTF-8.
  write('src/Latin.php', Buffer.concat([Buffer.from('<?php\n// caf'), Buffer.from([0xe9]), Buffer.from('\n' + KEY('Latin').slice(6))]));
  write('src/Binary.php', Buffer.from([0x3c, 0x3f, 0x00, 0x01, 0x02]));
  // A group constant in a file the text prefilter skips, used from another file.
  write('src/Groups.php', "<?php\ninterface Groups {\n\tconst META = 'file-meta';\n}\n");
  write('src/UsesGroups.php', '<?php\nclass UsesGroups {\n\tpublic function m( $n ) {\n\t\treturn $this->wanCache->makeKey( Groups::META, $n );\n\t}\n}\n');
  symlinkSync(join(root, 'src'), join(root, 'src', 'nested', 'loop'));
  symlinkSync(join(root, 'missing-target'), join(root, 'src', 'dangling.php'));
  write('src/Locked.php', KEY('Locked'));
  chmodSync(join(root, 'src', 'Locked.php'), 0o000);
});

after(() => {
  chmodSync(join(root, 'src', 'Locked.php'), 0o644);
  rmSync(root, { recursive: true, force: true });
});

test('lists PHP files, skipping .git, node_modules, excluded folders and what .gitignore ignores, through a symlink loop', async () => {
  const { files } = await listPhpFiles(root, defaultConfig().keys.exclude);
  assert.deepEqual(files.map((f) => relative(root, f)).sort(), [
    'other/Local.php',
    'src/A.php',
    'src/Binary.php',
    'src/Groups.php',
    'src/Latin.php',
    'src/Locked.php',
    'src/Plain.php',
    'src/UsesGroups.php',
    'src/nested/Kept.php',
  ]);
});

test('keys.exclude takes folder names and path patterns', async () => {
  const { files } = await listPhpFiles(root, ['nested', 'other/**']);
  const rel = files.map((f) => relative(root, f));
  assert.ok(rel.includes('vendor/lib/V.php'), 'vendor is scanned once it is not excluded');
  assert.ok(!rel.some((f) => f.startsWith('src/nested/') || f.startsWith('other/')));
});

test('the scan indexes keys, parses only candidate files, resolves constants from skipped files, and records bad files', async () => {
  const scan = await scanPhpWorkspace(root, defaultConfig());
  const withSites = scan.index.files().filter((f) => scan.index.get(f)!.sites.length > 0).map((f) => relative(root, f)).sort();
  const expected = ['other/Local.php', 'src/A.php', 'src/Latin.php', 'src/UsesGroups.php', 'src/nested/Kept.php'];
  const asRoot = process.getuid?.() === 0;
  if (asRoot) expected.splice(3, 0, 'src/Locked.php'); // root reads files whatever their mode
  assert.deepEqual(withSites, expected.sort());
  // Plain.php has no key and was not parsed; Groups.php was parsed for its constant.
  assert.equal(scan.index.get(join(root, 'src', 'Plain.php')), undefined);
  assert.ok(scan.index.get(join(root, 'src', 'Groups.php')));
  assert.equal(scan.index.sitesIn(join(root, 'src', 'UsesGroups.php'))[0].groupName, 'file-meta');
  const problems = scan.problems.map((p) => `${relative(root, p.file)}: ${p.message.split(':')[0]}`);
  assert.ok(problems.includes('src/Binary.php: skipped'));
  if (!asRoot) assert.ok(problems.includes('src/Locked.php: cannot read'), problems.join('\n'));
  // The Latin-1 file's key sits on the line after the comment, at the right column.
  const latin = scan.index.sitesIn(join(root, 'src', 'Latin.php'))[0];
  assert.deepEqual(latin.range.start, { line: 4, character: 9 });
  const findings = checkIndexedFiles(scan.index, defaultConfig());
  assert.ok(findings.length >= 4 && findings.every((f) => f.ruleId === 'keys/shared-key-built-local' || f.ruleId === 'keys/mixed-scope'));
});

test('text that is not UTF-8 decodes as Latin-1, byte for character', () => {
  assert.equal(decodeSource(Buffer.from([0x63, 0x61, 0x66, 0xe9])), 'café');
  assert.equal(decodeSource(Buffer.from('café', 'utf8')), 'café');
});

test('scanning a subfolder of a repository honours the .gitignore files above it', async () => {
  const { files } = await listPhpFiles(join(root, 'src'), defaultConfig().keys.exclude);
  assert.ok(!files.some((f) => f.endsWith('X.generated.php')));
});

test('a folder named explicitly is scanned even when a .gitignore above it ignores it', async () => {
  const { files } = await listPhpFiles(join(root, 'build'), defaultConfig().keys.exclude);
  assert.deepEqual(files.map((f) => relative(root, f)), ['build/B.php']);
});

test('files with .inc and .phtml extensions are PHP files too', async () => {
  write('tpl/View.phtml', KEY('View'));
  write('tpl/Setup.INC', KEY('Setup'));
  try {
    const { files } = await listPhpFiles(join(root, 'tpl'), []);
    assert.deepEqual(files.map((f) => relative(root, f)), ['tpl/Setup.INC', 'tpl/View.phtml']);
  } finally {
    rmSync(join(root, 'tpl'), { recursive: true });
  }
});

test('worker threads and the calling thread index the same facts', async () => {
  const { files } = await listPhpFiles(root, defaultConfig().keys.exclude);
  const many = Array.from({ length: 5 }, () => files).flat();
  const inWorkers = await scanKeyFiles(many, { builders: defaultConfig().keys, workers: 2 });
  const here = await scanKeyFiles(files, { builders: defaultConfig().keys, workers: 0 });
  const facts = (scan: typeof here) => scan.index.files().sort().map((f) => scan.index.get(f));
  assert.deepEqual(JSON.parse(JSON.stringify(facts(inWorkers))), JSON.parse(JSON.stringify(facts(here))));
  assert.equal(inWorkers.read, many.length);
});

test('a cancelled scan stops with CancelledError', async () => {
  let polls = 0;
  const token = {
    get isCancellationRequested() {
      return ++polls > 3;
    },
  };
  await assert.rejects(scanPhpWorkspace(root, defaultConfig(), { token }), { name: 'CancelledError' });
});
