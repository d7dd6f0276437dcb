/**
 * Parsing only the parts of a PHP file that can hold a key fact: the lexer finds function bodies
 * through strings, comments and HTML; the bodies left out never change what extraction finds.
 */
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { rangesToParse } from '../../server/src/core/keys/body-ranges.js';
import { extractKeys } from '../../server/src/core/keys/extract.js';
import { keysToData } from '../../server/src/core/keys/keys-data.js';
import type { PhpParser } from '../../server/src/core/keys/parser.js';
import { functionBodies } from '../../server/src/core/keys/php-bodies.js';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { loadFixture } from '../helpers/expectations.js';
import { phpFiles } from '../helpers/files.js';
import { parser } from '../helpers/key-rules.js';
import { fixtureConfig } from '../helpers/report-rules.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const BUILDERS = ['makeKey', 'makeGlobalKey'];

/** Extraction from the whole tree and from the ranges only, as plain data. */
function bothWays(p: PhpParser, file: string, text: string, builders = defaultConfig().keys) {
  const whole = p.parse(text);
  const full = keysToData(extractKeys(p, whole, text, file, builders));
  whole.delete();
  const ranges = rangesToParse(text, [...builders.localBuilders, ...builders.globalBuilders], { minLength: 0 });
  if (!ranges) return { full, partial: full, ranges };
  const tree = p.parseRanges(text, ranges);
  assert.equal(tree.rootNode.hasError, false, `${file}: the parts parse without errors`);
  const partial = keysToData(extractKeys(p, tree, text, file, builders));
  tree.delete();
  return { full, partial, ranges };
}

/** The gaps between the ranges to parse: what is left out. */
function gapsOf(text: string, builders = BUILDERS): [number, number][] {
  const ranges = rangesToParse(text, builders, { minLength: 0 }) ?? [];
  const gaps = ranges.slice(1).map((r, i): [number, number] => [ranges[i].endIndex, r.startIndex]);
  const last = ranges.at(-1);
  if (last && last.endIndex < text.length) gaps.push([last.endIndex, text.length]);
  return gaps;
}

/** The names of the functions whose bodies the ranges leave out (alone, or with their declarations). */
function leftOut(text: string, builders = BUILDERS): string[] {
  const gaps = gapsOf(text, builders);
  return (functionBodies(text) ?? []).filter((b) => gaps.some(([from, to]) => from <= b.open + 1 && to >= b.close)).map((b) => b.name ?? '(closure)');
}

test('every PHP fixture gives the same facts from its parts as from the whole file', async () => {
  const p = await parser();
  let shortened = 0;
  for (const file of phpFiles(FIXTURES)) {
    const fixture = loadFixture(file);
    const { full, partial, ranges } = bothWays(p, file, fixture.text, fixtureConfig(fixture.config).keys);
    assert.deepEqual(partial, full, relative(FIXTURES, file));
    if (ranges) shortened++;
  }
  assert.ok(shortened >= 5, `fixtures with a body left out: ${shortened}`);
});

const SERVICE = `<?php
namespace Demo;

class ShelfStore {
	private const GROUP = 'shelf';
	/** @var BagOStuff */
	private $stash;
	private WANObjectCache $wan;
	private $prefix;
	private $logger;
	private $options;

	public function __construct( $stash, WANObjectCache $wan, $options, $logger ) {
		$this->stash = $stash;
		$this->wan = $wan;
		$this->options = $options;
		$this->logger = $logger;
	}

	public function init( $shelf ) {
		$this->prefix = 'shelf:' . $shelf;
	}

	public function unrelated( $x ) {
		$this->logger->info( "looking at {$x}" );
		return $this->options->get( 'Limit' ) + strlen( '{' );
	}

	public function load( $id ) {
		return $this->wan->get( $this->keyFor( $id ) );
	}

	private function keyFor( $id ) {
		return $this->prefix . ':' . $id;
	}

	public function remember( $id ) {
		$this->stash->set( $this->wan->makeKey( self::GROUP, $id ), 1 );
	}

	public function rows() {
		$db = $this->options->get( 'Db' );
		return array_map( static function ( $row ) {
			return $row->name;
		}, $db->select( 'shelf' ) );
	}
}
`;

test('bodies without a fact are left out; bodies a key flows through are kept', async () => {
  assert.deepEqual(leftOut(SERVICE), ['unrelated', 'rows']);
  const { full, partial } = bothWays(await parser(), 'ShelfStore.php', SERVICE);
  assert.deepEqual(partial, full);
  assert.ok(full.sites.length >= 2, 'the joined key and the builder call are found');
});

test('a property the key reads keeps the method that assigns it; an unread one does not', () => {
  const text = `<?php
class A {
	private $cache;
	function setA( $v ) { $this->a = $v; }
	function setB( $v ) { $this->b = $v; }
	function f( BagOStuff $cache ) { return $cache->get( 'x:' . $this->a ); }
}`;
  assert.deepEqual(leftOut(text), ['setB']);
});

test('a receiver declared, documented or assigned as a cache keeps its operations; other receivers do not', () => {
  const text = `<?php
class A {
	/**
	 * Where entries live (see {@link Foo}); a BagOStuff.
	 * @var BagOStuff
	 */
	private $store;
	private $box;
	private $conf;
	function __construct( $services ) { $this->box = $services->getMainWANObjectCache(); }
	function a() { return $this->store->get( 'a' ); }
	function b() { return $this->box->get( 'b' ); }
	function c() { return $this->conf->get( 'c' ); }
	function d() { $w = $this->box; return $w->get( 'd' ); }
}`;
  assert.deepEqual(leftOut(text), ['c']);
});

test('service wiring: a construction handed a cache or an empty array is kept, others are left out', () => {
  const text = `<?php
return [
	'A' => static function ( $s ) { return new A( $s->getMainObjectStash() ); },
	'B' => static function ( $s ) { return new B( [] ); },
	'C' => static function ( $s ) { return new C( $s->getConfig() ); },
];`;
  assert.deepEqual(leftOut(text), ['(closure)']);
});

test('the lexer finds bodies through strings, comments, heredocs, interpolation and HTML', () => {
  const text = `<html>{ not code }<?php
// a comment with { and function x() {
# another }
/* block { */
$a = 'quote \\' { ';
$b = "{$c['}']} and \${d} {";
$e = <<<EOT
  { function heredoc() {
  EOT;
$f = <<<'NOW'
}
NOW;
function one() { return '}'; }
$x->function( function: 1 );
abstract class K { abstract function two(); function three() { ?> <b>{</b> <?php } }
?>
<p>}</p>`;
  assert.deepEqual(
    functionBodies(text)?.map((b) => [b.name, text.slice(b.open, b.close + 1)]),
    [
      ['one', "{ return '}'; }"],
      ['three', '{ ?> <b>{</b> <?php }'],
    ],
  );
});

test('the lexer gives up on text it cannot follow, and the whole file is parsed', () => {
  for (const text of ['<?php function f() { ', '<?php } function f() {}', "<?php function f() { $a = '; }", '<?php function f() { /* }', '<?php __halt_compiler(); }']) {
    assert.equal(functionBodies(text), undefined, text);
    assert.equal(rangesToParse(text, BUILDERS, { minLength: 0 }), undefined, text);
  }
});

test('small files are parsed whole', () => {
  assert.equal(rangesToParse('<?php function f() { return 1; }', BUILDERS), undefined);
  assert.ok(rangesToParse('<?php function f() { return 1; }', BUILDERS, { minLength: 0 }));
});

test('a body with an anonymous class is kept when one of its methods is named for a key or followed', async () => {
  const text = `<?php
class Outer {
	private WANObjectCache $wan;
	function helper() {
		return new class {
			function getRecipeCacheKey() { return 'recipe'; }
		};
	}
	function other() {
		return new class {
			function prefix() { return 'pantry'; }
		};
	}
	function unrelated() {
		return new class {
			function size() { return 3; }
		};
	}
	function load( $id ) { return $this->wan->get( $this->prefix() . ':' . $id ); }
}`;
  assert.deepEqual(leftOut(text), ['unrelated']);
  const { full, partial } = bothWays(await parser(), 'Outer.php', text);
  assert.deepEqual(partial, full);
});

/** The left-out text of each gap, trimmed. */
function leftText(text: string): string[] {
  return gapsOf(text).map(([from, to]) => text.slice(from, to).trim());
}

test('a method left out goes whole, doc comment and signature included, where the text left reads the same', async () => {
  const text = `<?php
class Shelf {
	/**
	 * @var BagOStuff the doc comment of a method, never of the property after it
	 */
	public static function helper( BagOStuff $store, array $rows = [] ): int {
		return count( $rows );
	}
	private $store;

	public function __construct( BagOStuff $store ) {
		$store->getQoS( 1 );
	}

	public function makeKey( ...$parts ) {
		return implode( ':', $parts );
	}

	#[\\Deprecated]
	public function old() {
		return 1;
	}

	public function load( $id ) {
		return $this->store->get( 'shelf:' . $id );
	}
}
`;
  const gaps = leftText(text);
  assert.ok(gaps[0].startsWith('/**') && gaps[0].endsWith('return count( $rows );\n\t}'), `the helper goes whole: ${gaps[0]}`);
  // The constructor's parameters, a builder's declaration and an attributed method stay: only their bodies go.
  assert.deepEqual(gaps.slice(1), ['$store->getQoS( 1 );', "return implode( ':', $parts );", 'return 1;']);
  const p = await parser();
  const { full, partial } = bothWays(p, 'Shelf.php', text);
  assert.deepEqual(partial, full);
});

test('the parts are read range by range: the same tree as the whole file with the left-out text blanked', async () => {
  const p = await parser();
  // Many small ranges, non-ASCII text in and out of them, and a kept body longer than the
  // parser's 10 KB input buffer.
  let text = '<?php\nclass Big {\n';
  for (let i = 0; i < 300; i++) {
    text += i % 3 === 0
      ? `  public function k${i}( $cache ) { return $cache->makeKey( 'g${i}', 'é' ); }\n`
      : `  public function f${i}( $x ) { $y = "naïve ${i} { not a brace"; return $x . $y; }\n`;
  }
  text += '  public function long( $cache ) {\n' + `    $cache->makeKey( 'long', 'ü' );\n`.repeat(500) + '  }\n}\n';
  const ranges = rangesToParse(text, BUILDERS, { minLength: 0 });
  assert.ok(ranges && ranges.length > 100, 'many ranges');
  let blanked = '';
  let at = 0;
  for (const r of ranges) {
    blanked += text.slice(at, r.startIndex).replace(/[^\n]/g, ' ') + text.slice(r.startIndex, r.endIndex);
    at = r.endIndex;
  }
  blanked += text.slice(at).replace(/[^\n]/g, ' ');
  const parts = p.parseRanges(text, ranges);
  const whole = p.parse(blanked);
  assert.equal(parts.rootNode.toString(), whole.rootNode.toString());
  assert.equal(parts.rootNode.hasError, false);
  parts.delete();
  whole.delete();
});
