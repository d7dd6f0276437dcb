/**
 * Builds the .vsix with vsce (as `npm run package` does, from the dist/ that `npm test` has just
 * built) and checks what it holds: everything the extension runs or shows, and nothing else.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { listZip, readZipEntry, type ZipEntry } from '../helpers/zip.js';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'incident-scribe-vsix-'));
const vsixPath = join(out, 'incident-scribe.vsix');
let zip: Buffer;
let entries: ZipEntry[];
let names: string[];

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `${[command, ...args].join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

before(() => {
  if (!existsSync(join(ROOT, 'dist', 'extension.cjs'))) run(process.execPath, ['scripts/build.mjs']);
  const vsce = join(require.resolve('@vscode/vsce/package.json'), '..', 'vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsixPath]);
  zip = readFileSync(vsixPath);
  entries = listZip(zip);
  names = entries.map((e) => e.name);
});

after(() => rmSync(out, { recursive: true, force: true }));

const inExtension = (path: string) => `extension/${path}`;

test('the vsix holds the bundle, the grammar, snippets, icon, docs and the legal files', () => {
  const required = [
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/dist/extension.cjs',
    'extension/dist/web-tree-sitter.wasm',
    'extension/dist/tree-sitter-php.wasm',
    'extension/syntaxes/incident-report.tmLanguage.json',
    'extension/templates/snippets.code-snippets',
    'extension/images/icon.png',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
  ];
  // The language server, the command line, and the scripts the analysis workers (reports, PHP
  // keys) load at run time.
  required.push('extension/dist/server.js', 'extension/dist/cli.js', 'extension/dist/report-worker.js', 'extension/dist/keys-worker.js');
  for (const file of readdirSync(join(ROOT, 'templates'))) required.push(inExtension(`templates/${file}`));
  // docs/rules/README.md (the generated index) sits beside the area folders.
  for (const area of readdirSync(join(ROOT, 'docs', 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const page of readdirSync(join(ROOT, 'docs', 'rules', area))) required.push(inExtension(`docs/rules/${area}/${page}`));
  }
  const missing = required.filter((name) => !names.includes(name));
  assert.deepEqual(missing, [], `in the vsix:\n${names.join('\n')}`);
});

test('the vsix holds no dependencies, sources, tests, source maps or tooling', () => {
  const forbidden = names.filter(
    (name) =>
      /(^|\/)node_modules\//.test(name) ||
      /\.(ts|mts|map)$/.test(name) ||
      /^extension\/(test|server|client|scripts|bench|examples|\.ci|\.git)\//.test(name) ||
      /^extension\/(tsconfig\.json|eslint\.config\.mjs|package-lock\.json|\.vscodeignore|\.gitignore)$/.test(name),
  );
  assert.deepEqual(forbidden, []);
  assert.ok(names.length < 200, `${names.length} files is more than the extension needs`);
});

test('what package.json points at is in the vsix', () => {
  const pkg = JSON.parse(readZipEntry(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8'));
  const paths = [pkg.main, pkg.icon, ...pkg.contributes.snippets.map((s: { path: string }) => s.path), ...pkg.contributes.grammars.map((g: { path: string }) => g.path)];
  for (const path of paths) assert.ok(names.includes(inExtension(path.replace(/^\.\//, ''))), path);
});

test('the extension bundle needs nothing at run time but vscode and Node', () => {
  const bundle = readZipEntry(zip, entries.find((e) => e.name === 'extension/dist/extension.cjs')!).toString('utf8');
  const required = new Set([...bundle.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]));
  const builtins = new Set(require('node:module').builtinModules as string[]);
  const external = [...required].filter((name) => name !== 'vscode' && !builtins.has(name.replace(/^node:/, '')));
  assert.deepEqual(external, []);
});
