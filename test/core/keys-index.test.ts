/** The workspace key index: per-file updates, constant resolution, affected files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { analyzeDocument, analyzePhp, checkPhpFile } from '../../server/src/core/keys/check.js';
import { PhpDocument } from '../../server/src/core/keys/parser.js';
import { LineIndex } from '../../server/src/core/text.js';
import { keyHover } from '../../server/src/core/keys/hover.js';
import { KeyIndex } from '../../server/src/core/keys/key-index.js';
import { parser } from '../helpers/key-rules.js';

const config = defaultConfig();

async function put(index: KeyIndex, file: string, text: string): Promise<string[]> {
  return index.setFile(analyzePhp(await parser(), file, text, config.keys));
}

const GROUPS = `<?php\ninterface Groups {\n\tconst META = 'file-meta';\n}\n`;
const BASE = `<?php\nclass Base {\n\tconst GROUP = 'base-group';\n}\n`;
const USER = `<?php
class Child extends Base {
	public function a( $n ) { return $this->wanCache->makeKey( Groups::META, $n ); }
	public function b( $n ) { return $this->wanCache->makeKey( self::GROUP, $n ); }
	public function c( $n ) { return $this->wanCache->makeKey( parent::GROUP, $n ); }
	public function d( $n ) { return $this->wanCache->makeKey( Missing::GROUP, $n ); }
}
`;

test('groups written as constants resolve across files, through parent classes', async () => {
  const index = new KeyIndex();
  await put(index, 'user.php', USER);
  assert.deepEqual(index.sitesIn('user.php').map((s) => s.groupName), ['dynamic', 'dynamic', 'dynamic', 'dynamic']);
  assert.deepEqual([...index.unresolvedClasses()].sort(), ['base', 'groups', 'missing']);
  await put(index, 'groups.php', GROUPS);
  await put(index, 'base.php', BASE);
  assert.deepEqual(index.sitesIn('user.php').map((s) => s.groupName), ['file-meta', 'base-group', 'base-group', 'dynamic']);
  assert.deepEqual([...index.unresolvedClasses()], ['missing']);
  assert.equal(index.sitesOfGroup('base-group').length, 2);
});

test('a constant defined differently in two files is ambiguous', async () => {
  const index = new KeyIndex();
  await put(index, 'user.php', USER);
  await put(index, 'groups.php', GROUPS);
  await put(index, 'groups2.php', GROUPS.replace('file-meta', 'other'));
  assert.equal(index.sitesIn('user.php')[0].groupName, 'dynamic');
  index.removeFile('groups2.php');
  assert.equal(index.sitesIn('user.php')[0].groupName, 'file-meta');
});

test('updating one file reports the other files whose findings may change, and only those', async () => {
  const index = new KeyIndex();
  const a = `<?php\nclass A { function f( $n ) { return $this->wanCache->makeKey( 'shared', $n ); } }\n`;
  const b = `<?php\nclass B { function f( $n ) { return $this->wanCache->makeKey( 'other', $n ); } }\n`;
  await put(index, 'a.php', a);
  await put(index, 'b.php', b);
  await put(index, 'user.php', USER);
  assert.equal(checkPhpFile(index, 'a.php', config).length, 0);
  // c.php now builds 'shared' globally: a.php is affected, b.php is not.
  const affected = await put(index, 'c.php', a.replace('class A', 'class C').replace('makeKey', 'makeGlobalKey'));
  assert.deepEqual(affected, ['a.php']);
  const findings = checkPhpFile(index, 'a.php', config);
  assert.deepEqual(findings.map((f) => f.ruleId), ['keys/mixed-scope']);
  assert.deepEqual(findings[0].related?.map((r) => r.file), ['c.php']);
  // Declaring a class whose constants user.php reads affects user.php.
  assert.deepEqual(await put(index, 'groups.php', GROUPS), ['user.php']);
  // Removing c.php affects a.php again, and a.php is clean again.
  assert.deepEqual(index.removeFile('c.php'), ['a.php']);
  assert.equal(checkPhpFile(index, 'a.php', config).length, 0);
  assert.equal(index.size, 4);
});

test('replacing a file drops its old sites from the group tables', async () => {
  const index = new KeyIndex();
  await put(index, 'a.php', `<?php\n$c->makeKey( 'g1', 1 );\n`);
  assert.equal(index.sitesOfGroup('g1').length, 1);
  await put(index, 'a.php', `<?php\n$c->makeKey( 'g2', 1 );\n`);
  assert.equal(index.sitesOfGroup('g1').length, 0);
  assert.equal(index.sitesOfGroup('g2').length, 1);
  assert.deepEqual(checkPhpFile(index, 'missing.php', config), []);
});

test('siteAt finds the key construction under a position', async () => {
  const index = new KeyIndex();
  await put(index, 'a.php', `<?php\n$x = $c->makeKey( 'a', $id );\n`);
  assert.equal(index.siteAt('a.php', { line: 1, character: 12 })?.groupName, 'a');
  assert.equal(index.siteAt('a.php', { line: 1, character: 2 }), undefined);
  assert.equal(index.siteAt('b.php', { line: 0, character: 0 }), undefined);
});

test('typing the second site of a mixed group into an open document flags both files', async () => {
  const p = await parser();
  const index = new KeyIndex();
  await put(index, 'repo.php', `<?php\nclass Repo {\n\tprivate WANObjectCache $wanCache;\n\tfunction k( $n ) { return $this->wanCache->makeKey( 'thumb', $n ); }\n}\n`);
  const text = `<?php\nclass Reader {\n\tprivate WANObjectCache $wanCache;\n\tfunction k( $n ) { return null; }\n}\n`;
  const doc = new PhpDocument(p, text);
  index.setFile(analyzeDocument(p, 'reader.php', doc, config.keys));
  assert.deepEqual(checkPhpFile(index, 'repo.php', config), []);
  const at = text.indexOf('null');
  const lines = new LineIndex(text);
  doc.update([{ range: lines.rangeOf(at, at + 4), text: "$this->wanCache->makeGlobalKey( 'thumb', $n )" }]);
  const affected = index.setFile(analyzeDocument(p, 'reader.php', doc, config.keys));
  assert.deepEqual(affected, ['repo.php']);
  assert.deepEqual(checkPhpFile(index, 'repo.php', config).map((f) => f.ruleId), ['keys/mixed-scope']);
  assert.deepEqual(checkPhpFile(index, 'reader.php', config).map((f) => f.ruleId), ['keys/mixed-scope']);
  doc.dispose();
});

test('keyHover describes the site and lists the other sites of its group', async () => {
  const index = new KeyIndex();
  await put(index, 'a.php', `<?php\nclass A {\n\tfunction f( $n ) { return $this->wanCache->makeKey( 'thumb', $n ); }\n}\n`);
  await put(index, 'b.php', `<?php\nclass B {\n\tfunction g( $n ) { return $this->wanCache->makeGlobalKey( 'thumb', $n ); }\n}\n`);
  const hover = keyHover(index, 'a.php', { line: 2, character: 50 });
  assert.ok(hover);
  assert.match(hover, /scope: local/);
  assert.match(hover, /group: `thumb`/);
  assert.match(hover, /shape: 2 parts; cache: WANObjectCache/);
  assert.match(hover, /- global `makeGlobalKey` at b\.php:3 in B::g\(\)/);
  assert.equal(keyHover(index, 'a.php', { line: 0, character: 1 }), undefined);
});
