/** The text prefilter of the workspace key scan: it never drops a file that matters. */
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { analyzePhp } from '../../server/src/core/keys/check.js';
import { keyPrefilter } from '../../server/src/core/keys/prefilter.js';
import { loadFixture } from '../helpers/expectations.js';
import { phpFiles } from '../helpers/files.js';
import { parser } from '../helpers/key-rules.js';
import { fixtureConfig } from '../helpers/report-rules.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

test('every PHP fixture with a key site, a class constant or a construction given a cache passes the prefilter', async () => {
  const p = await parser();
  const files = phpFiles(FIXTURES);
  assert.ok(files.length >= 10, 'the fixtures are found');
  let withSites = 0;
  for (const file of files) {
    const fixture = loadFixture(file);
    const config = fixtureConfig(fixture.config);
    const keys = analyzePhp(p, file, fixture.text, config.keys);
    if (keys.sites.length === 0 && !keys.constructions?.length) continue;
    withSites++;
    assert.equal(keyPrefilter(config.keys)(fixture.text), true, `${relative(FIXTURES, file)} has ${keys.sites.length} key sites or constructions but the prefilter drops it`);
  }
  assert.ok(withSites >= 8, `fixtures with key sites: ${withSites}`);
});

test('the prefilter keeps builder calls, helpers, key methods and cache operations', () => {
  const pass = keyPrefilter(defaultConfig().keys);
  for (const text of [
    '<?php $c->makeGlobalKey( "a" );',
    '<?php $c->makeKey ( "a" );',
    '<?php wfMemcKey( "a" );',
    '<?php $this->cache->makeKeyInternal( $ks, $parts );',
    '<?php function getSharedCacheKey( ...$args ) {}',
    "<?php $this->srvCache->get( 'page:' . $id );",
    "<?php $services->getMainWANObjectCache()->delete( $k );",
    "<?php $this->memc?->set( $k, 1 );",
    "<?php function f( WANObjectCache $wan ) { $wan->getWithSetCallback( $k, 60, $cb ); }",
    "<?php ObjectCache::getLocalClusterInstance()->get( $k );",
    "<?php\nclass A { const ALL_KEY = 'all'; function f() { return $this->services->getMainWANObjectCache()->get( self::ALL_KEY ); } }",
    "<?php\nfunction f( $wan ) { return $wan->get( 'all' ); }",
    "<?php class A {\n\t/** @var BagOStuff */\n\tprivate $store;\n\tfunction f() { return $this->store->get( $k ); }\n}",
    "<?php class A {\n\tfunction __construct( $services ) { $this->store = $services->getMainObjectStash(); }\n\tfunction f() { $this->store->set( $k, 1 ); }\n}",
  ]) {
    assert.equal(pass(text), true, text);
  }
  assert.equal(keyPrefilter({ localBuilders: ['buildIt'], globalBuilders: [] })('<?php $c->buildIt( "a" );'), true);
});

test('the prefilter drops files that name no cache and build no key', () => {
  const pass = keyPrefilter(defaultConfig().keys);
  for (const text of [
    '<?php class Title { function getText() { return $this->text; } }',
    "<?php $value = $this->options->get( 'Server' ); $row = $request->set( 'x', 1 );",
    '<?php // The parser cache is purged elsewhere.\nfunction purge( $page ) { $page->touch(); }',
    '<?php $keys = array_keys( $map ); $key = $prefix . ":" . $id;',
    "<?php\n// Wires the WANObjectCache and the BagOStuff services.\n$value = $services->getMainConfig()->get( 'Server' );",
    "<?php function f( WANObjectCache $wan, Config $config ) { return $config->get( 'Name' ); }",
  ]) {
    assert.equal(pass(text), false, text);
  }
});

test('the prefilter drops operations on in-process caches: extraction records no key for them', () => {
  const pass = keyPrefilter(defaultConfig().keys);
  for (const text of [
    "<?php function f( array $options ) { return $options->get( 'x' ); }",
    '<?php class A {\n\t/** @var MapCacheLRU */\n\tprivate $titles;\n\tfunction f() { return $this->titles->get( $k ); }\n}',
    '<?php function f() { $seen = new MapCacheLRU( 10 ); $seen->set( $k, 1 ); }',
  ]) {
    assert.equal(pass(text), false, text);
  }
  // A name declared both ways may be either: kept.
  assert.equal(pass('<?php function f( array $store ) {}\nfunction g( BagOStuff $store ) { $store->get( $k ); }'), true);
});

test('a @var comment types the declaration right after it, not a later one', () => {
  const pass = keyPrefilter(defaultConfig().keys);
  const later = '<?php class A {\n\tfunction f() { /** @var BagOStuff $x */ $x = g(); }\n\t/** The store. */\n\tprivate $store;\n\tfunction h() { return $this->store->get( $k ); }\n}';
  assert.equal(pass(later), false);
  assert.equal(pass(later.replace('/** The store. */', '/** @var BagOStuff */')), true);
});
