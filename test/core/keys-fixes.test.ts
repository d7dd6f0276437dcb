/**
 * Quick fixes of the key rules: applying a fix's edits and checking again must remove the finding
 * without bringing a new one of the same rule.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { analyzePhp, checkPhpFile } from '../../server/src/core/keys/check.js';
import { KeyIndex } from '../../server/src/core/keys/key-index.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { Finding, TextEdit } from '../../server/src/core/types.js';
import { parser } from '../helpers/key-rules.js';
import { fixtureConfig } from '../helpers/report-rules.js';

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start, 'edits of one fix must not overlap');
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

async function check(text: string, config = defaultConfig()): Promise<Finding[]> {
  const index = new KeyIndex();
  index.setFile(analyzePhp(await parser(), 'a.php', text, config.keys));
  return checkPhpFile(index, 'a.php', config);
}

/** Applies the first fix of the only `ruleId` finding and returns the new text and its findings. */
async function fixOnce(text: string, ruleId: string, config = defaultConfig()): Promise<{ text: string; findings: Finding[] }> {
  const found = (await check(text, config)).filter((f) => f.ruleId === ruleId);
  assert.equal(found.length, 1, `one ${ruleId} finding expected, got ${found.map((f) => f.message).join(' | ')}`);
  assert.ok(found[0].fixes?.length, 'the finding offers a fix');
  const fixed = applyEdits(text, found[0].fixes![0].edits);
  return { text: fixed, findings: await check(fixed, config) };
}

const REPO = (body: string) => `<?php
class ForeignRepo {
	private WANObjectCache $wanCache;
	private $wiki;

${body}
}
`;

test('forged implode after array_unshift becomes makeGlobalKey( $this->wiki, ...$args ) and the unshift goes', async () => {
  const { text, findings } = await fixOnce(
    REPO(`	public function getSharedCacheKey( ...$args ) {
		$args = func_get_args();
		array_unshift( $args, $this->wiki );
		return implode( ':', $args );
	}`),
    'keys/forged-key',
  );
  assert.match(text, /return \$this->wanCache->makeGlobalKey\( \$this->wiki, \.\.\.\$args \);/);
  assert.doesNotMatch(text, /array_unshift/);
  assert.deepEqual(findings, []);
});

test('forged concatenation is rewritten component by component', async () => {
  const { text, findings } = await fixOnce(REPO(`	public function getThumbCacheKey( $name ) {\n		return $this->wiki . ':thumb:' . $name;\n	}`), 'keys/forged-key');
  assert.match(text, /return \$this->wanCache->makeGlobalKey\( \$this->wiki, 'thumb', \$name \);/);
  assert.deepEqual(findings, []);
});

test('forged interpolation and sprintf are rewritten too', async () => {
  const a = await fixOnce(REPO(`	public function k( $id ) {\n		return $this->wanCache->get( "{$this->wiki}:page:{$id}" );\n	}`), 'keys/forged-key');
  assert.match(a.text, /get\( \$this->wanCache->makeGlobalKey\( \$this->wiki, 'page', \$id \) \)/);
  assert.deepEqual(a.findings, []);
  const b = await fixOnce(REPO(`	public function getPageCacheKey( $dbName, $id ) {\n		return sprintf( '%s:page:%d', $dbName, $id );\n	}`), 'keys/forged-key');
  assert.match(b.text, /makeGlobalKey\( \$dbName, 'page', \$id \)/);
  assert.deepEqual(b.findings, []);
});

test('wfForeignMemcKey with an empty prefix and makeKeyInternal with another keyspace are rewritten', async () => {
  const a = await fixOnce(REPO(`	public function k( $db, $id ) {\n		return wfForeignMemcKey( $db, '', 'user', $id );\n	}`), 'keys/forged-key');
  assert.match(a.text, /ObjectCache::getLocalClusterInstance\(\)->makeGlobalKey\( \$db, 'user', \$id \)/);
  assert.deepEqual(a.findings.filter((f) => f.ruleId === 'keys/forged-key'), []);
  const b = await fixOnce(REPO(`	public function k( BagOStuff $cache, $wiki, $id ) {\n		return $cache->makeKeyInternal( $wiki, [ 'page', $id ] );\n	}`), 'keys/forged-key');
  assert.match(b.text, /\$cache->makeGlobalKey\( \$wiki, 'page', \$id \)/);
  assert.deepEqual(b.findings, []);
});

test('no fix where the rewrite is not mechanical', async () => {
  // A component mixes text and an expression ("thumb-$size"): no single argument to move it to.
  const mixed = await check(REPO(`	public function getThumbCacheKey( $size ) {\n		return "{$this->wiki}:thumb-{$size}";\n	}`));
  assert.equal(mixed.length, 1);
  assert.equal(mixed[0].fixes, undefined);
  // A table prefix that is not empty cannot just be dropped.
  const prefixed = await check(REPO(`	public function k( $db, $prefix ) {\n		return wfForeignMemcKey( $db, $prefix, 'user' );\n	}`));
  assert.equal(prefixed.find((f) => f.ruleId === 'keys/forged-key')?.fixes, undefined);
});

test('makeKey in getSharedCacheKey becomes makeGlobalKey', async () => {
  const { text, findings } = await fixOnce(REPO(`	public function getSharedCacheKey( $name ) {\n		return $this->wanCache->makeKey( 'file', $name );\n	}`), 'keys/shared-key-built-local');
  assert.match(text, /\$this->wanCache->makeGlobalKey\( 'file', \$name \)/);
  assert.deepEqual(findings, []);
});

test('declared-scope fixes rename to the declared builder, both ways', async () => {
  const config = fixtureConfig({ keys: { global: ['file'], local: ['user'] } });
  const a = await fixOnce(REPO(`	public function k( $n ) {\n		return $this->wanCache->makeKey( 'file', $n );\n	}`), 'keys/declared-scope', config);
  assert.match(a.text, /makeGlobalKey\( 'file'/);
  assert.deepEqual(a.findings, []);
  const b = await fixOnce(REPO(`	public function k( $n ) {\n		return $this->wanCache->makeGlobalKey( 'user', $n );\n	}`), 'keys/declared-scope', config);
  assert.match(b.text, /->makeKey\( 'user'/);
  assert.deepEqual(b.findings, []);
});

test('the 2020 remote side gets a fix through the cache its parent class uses', async () => {
  const p = await parser();
  const config = defaultConfig();
  const repo = `<?php\nclass LocalRepo {\n\tpublic function getLocalCacheKey( ...$args ) {\n\t\treturn $this->wanCache->makeKey( ...$args );\n\t}\n}\n`;
  const foreign = `<?php
class ForeignDBRepo extends LocalRepo {
	public function getSharedCacheKey( ...$args ) {
		$args = func_get_args();
		array_unshift( $args, $this->wiki );
		return implode( ':', $args );
	}
}
`;
  const index = new KeyIndex();
  index.setFile(analyzePhp(p, 'foreign.php', foreign, config.keys));
  // Without the parent class in the index there is no cache to call: no fix.
  assert.equal(checkPhpFile(index, 'foreign.php', config)[0].fixes, undefined);
  index.setFile(analyzePhp(p, 'repo.php', repo, config.keys));
  const [finding] = checkPhpFile(index, 'foreign.php', config);
  const fixed = applyEdits(foreign, finding.fixes![0].edits);
  assert.match(fixed, /return \$this->wanCache->makeGlobalKey\( \$this->wiki, \.\.\.\$args \);/);
  assert.doesNotMatch(fixed, /array_unshift/);
  index.setFile(analyzePhp(p, 'foreign.php', fixed, config.keys));
  assert.deepEqual(checkPhpFile(index, 'foreign.php', config), []);
});
