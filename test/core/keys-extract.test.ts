/** Key extraction: scope, group, parts, enclosing declarations, cache kind heuristics. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { analyzePhp, checkPhpFile } from '../../server/src/core/keys/check.js';
import { KeyIndex } from '../../server/src/core/keys/key-index.js';
import { KEY_FIXTURES, parser } from '../helpers/key-rules.js';

async function sites(text: string) {
  return analyzePhp(await parser(), 'a.php', text, defaultConfig().keys).sites;
}

test('builder calls record scope, group, parts, spread, class, method and the name range', async () => {
  const [a, b, c] = await sites(`<?php
namespace X;
class Repo {
	const G = 'g';
	public function one( $n, $args ) {
		$this->wanCache->makeKey( 'file', $n, 'x' );
		$this->wanCache->makeGlobalKey( self::G, ...$args );
		return function () use ( $n ) { return $this->wanCache->makeKey( "plain", $n ); };
	}
}
`);
  assert.deepEqual(
    { scope: a.scope, group: a.group, parts: a.parts, variadic: a.variadic, className: a.className, methodName: a.methodName, kind: a.cacheKind },
    { scope: 'local', group: { kind: 'literal', value: 'file' }, parts: 3, variadic: false, className: 'Repo', methodName: 'one', kind: 'WANObjectCache' },
  );
  assert.deepEqual([b.scope, b.group, b.parts, b.variadic], ['global', { kind: 'constant', className: 'Repo', name: 'G' }, 1, true]);
  assert.deepEqual(a.nameRange, { start: { line: 5, character: 19 }, end: { line: 5, character: 26 } });
  assert.deepEqual([c.methodName, c.group], ['one', { kind: 'literal', value: 'plain' }]);
});

test('cache kinds come from calls, declared types, doc comments, assignments and names', async () => {
  const found = await sites(`<?php
class K {
	private WANObjectCache $typed;
	/** @var HashBagOStuff */
	private $documented;
	private $assigned;
	public function __construct( private BagOStuff $promoted, $services ) {
		$this->assigned = $services->getLocalServerObjectCache();
	}
	public function f( MapCacheLRU $param ) {
		$local = new HashBagOStuff();
		return [
			MediaWikiServices::getInstance()->getMainWANObjectCache()->makeKey( 'a' ),
			ObjectCache::getLocalClusterInstance()->makeKey( 'b' ),
			$this->typed->makeKey( 'c' ),
			$this->documented->makeKey( 'd' ),
			$this->promoted->makeKey( 'e' ),
			$this->assigned->makeKey( 'f' ),
			$local->makeKey( 'g' ),
			$this->srvCache->makeKey( 'h' ),
			$this->wanCache->makeKey( 'i' ),
			$this->procCache->makeKey( 'j' ),
			$this->mystery->makeKey( 'k' ),
			$param->makeKey( 'l' ),
		];
	}
}
`);
  const kinds = Object.fromEntries(found.map((s) => [(s.group as { value: string }).value, s.cacheKind]));
  assert.deepEqual(kinds, {
    a: 'WANObjectCache',
    b: 'BagOStuff',
    c: 'WANObjectCache',
    d: 'in-process',
    e: 'BagOStuff',
    f: 'server-local',
    g: 'in-process',
    h: 'server-local',
    i: 'WANObjectCache',
    j: 'in-process',
    k: 'unknown',
    l: 'in-process',
  });
});

test('removed helpers are key sites with their own scopes', async () => {
  const found = await sites(`<?php\n$a = wfMemcKey( 'a', 1 );\n$b = wfGlobalCacheKey( 'b' );\n$c = wfForeignMemcKey( $wiki, '', 'c', 1, 2 );\n`);
  assert.deepEqual(
    found.map((s) => [s.via, s.scope, s.parts, s.cacheKind]),
    [
      ['wfMemcKey', 'local', 2, 'BagOStuff'],
      ['wfGlobalCacheKey', 'global', 1, 'BagOStuff'],
      ['wfForeignMemcKey', 'forged', 3, 'BagOStuff'],
    ],
  );
});

test('configured builder names replace the defaults', async () => {
  const config = defaultConfig();
  config.keys.localBuilders = ['localKey'];
  config.keys.globalBuilders = ['sharedKey'];
  const found = analyzePhp(await parser(), 'a.php', `<?php\n$c->localKey( 'a' );\n$c->sharedKey( 'a' );\n$c->makeKey( 'a' );\n`, config.keys).sites;
  assert.deepEqual(found.map((s) => [s.via, s.scope]), [['localKey', 'local'], ['sharedKey', 'global']]);
});

test('an inline comment suppresses the named rule on the next line only', async () => {
  const text = `<?php
class S {
	public function getSharedCacheKey( $n ) {
		// incident-scribe-disable-next-line keys/shared-key-built-local
		$a = $this->wanCache->makeKey( 'a', $n );
		$b = $this->wanCache->makeKey( 'b', $n );
		# incident-scribe-disable-next-line keys/mixed-scope
		return [ $a, $b ];
	}
}
`;
  const index = new KeyIndex();
  index.setFile(analyzePhp(await parser(), 'a.php', text, defaultConfig().keys));
  assert.deepEqual(checkPhpFile(index, 'a.php', defaultConfig()).map((f) => [f.range.start.line, f.ruleId]), [[5, 'keys/shared-key-built-local']]);
});

test('rule severities follow the configuration, and off rules do not run', async () => {
  const text = `<?php\nclass S { public function getSharedCacheKey( $n ) { return wfMemcKey( 'a', $n ); } }\n`;
  const config = defaultConfig();
  config.rules['keys/removed-helper'] = 'off';
  config.rules['keys/shared-key-built-local'] = 'error';
  const index = new KeyIndex();
  index.setFile(analyzePhp(await parser(), 'a.php', text, config.keys));
  assert.deepEqual(checkPhpFile(index, 'a.php', config).map((f) => [f.ruleId, f.severity]), [['keys/shared-key-built-local', 'error']]);
});

test('truncated and garbled PHP never makes extraction throw', async () => {
  const p = await parser();
  const source = readFileSync(join(KEY_FIXTURES, 'forged-key.php'), 'utf8');
  const keys = defaultConfig().keys;
  for (let end = 0; end <= source.length; end += 41) {
    analyzePhp(p, 'a.php', source.slice(0, end), keys);
    analyzePhp(p, 'a.php', source.slice(end), keys);
  }
  for (const text of ['', '<?php', '<?= $x ?>', '<html><?php $c->makeKey( ?></html>', '<?php $c->makeKey( ...', "<?php implode( ':' ); sprintf(); array_unshift(); wfForeignMemcKey();", '\u0000\uFFFD<?php 😀']) {
    assert.ok(Array.isArray(analyzePhp(p, 'a.php', text, keys).sites), text);
  }
});
