/** The PHP parser wrapper: incremental re-parse must give the tree a fresh parse gives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config.js';
import { analyzePhp } from '../../server/src/core/keys/check.js';
import { PhpDocument, type ContentChange } from '../../server/src/core/keys/parser.js';
import { LineIndex } from '../../server/src/core/text.js';
import { parser } from '../helpers/key-rules.js';

const SOURCE = `<?php
class Thumbs {
	// Ünïcödé and an emoji 😀 before the key, so columns are UTF-16.
	public function getSharedCacheKey( $name ) {
		return $this->wanCache->makeKey( 'thumb', $name );
	}
}
`;

/** The change that replaces `find` (first occurrence) in `text` by `by`, LSP style. */
function replace(text: string, find: string, by: string): ContentChange {
  const at = text.indexOf(find);
  assert.ok(at >= 0, find);
  const lines = new LineIndex(text);
  return { range: lines.rangeOf(at, at + find.length), text: by };
}

test('an edited document parses to the same tree as its new text parsed afresh', async () => {
  const p = await parser();
  const doc = new PhpDocument(p, SOURCE);
  let expected = SOURCE;
  const steps: [string, string][] = [
    ['makeKey', 'makeGlobalKey'],
    ["'thumb'", "'thumb', $this->wiki"],
    ['😀', 'emoji'],
    ['}\n}', '}\n\tpublic function x() {\n\t\treturn 1;\n\t}\n}'],
  ];
  for (const [find, by] of steps) {
    const change = replace(expected, find, by);
    expected = expected.replace(find, by);
    doc.update([change]);
    assert.equal(doc.text, expected);
    const fresh = p.parse(expected);
    assert.equal(doc.tree.rootNode.toString(), fresh.rootNode.toString());
    fresh.delete();
  }
  doc.dispose();
});

test('several changes in one update apply in order, and a whole-text change replaces everything', async () => {
  const p = await parser();
  const doc = new PhpDocument(p, SOURCE);
  const first = replace(SOURCE, 'Thumbs', 'Thumbnails');
  const afterFirst = SOURCE.replace('Thumbs', 'Thumbnails');
  const second = replace(afterFirst, '$name )', '$name, $size )');
  doc.update([first, second]);
  assert.equal(doc.text, afterFirst.replace('$name )', '$name, $size )'));
  doc.update([{ text: '<?php\n$x = 1;\n' }]);
  assert.equal(doc.text, '<?php\n$x = 1;\n');
  assert.equal(doc.tree.rootNode.hasError, false);
  doc.dispose();
});

test('half-typed code parses without throwing, and the complete methods keep their keys', async () => {
  const p = await parser();
  const text = `<?php
class A {
	public function getSharedCacheKey( $n ) {
		return $this->wanCache->makeKey( 'file', $n );
	}
	public function typing( $n ) {
		$x = $this->wanCache->makeGlobalKey( 'file', 
	}
}
`;
  const tree = p.parse(text);
  assert.equal(tree.rootNode.hasError, true);
  tree.delete();
  const keys = analyzePhp(p, 'a.php', text, defaultConfig().keys);
  assert.ok(keys.sites.some((s) => s.scope === 'local' && s.methodName === 'getSharedCacheKey' && s.className === 'A'));
});

test('node positions are LSP positions: 0-based lines and UTF-16 columns', async () => {
  const p = await parser();
  const text = "<?php\n$a = '😀é'; $c->makeKey( 'x' );\n";
  const tree = p.parse(text);
  const call = tree.rootNode.descendantsOfType('member_call_expression')[0]!;
  assert.equal(call.startPosition.row, 1);
  assert.equal(call.startPosition.column, text.split('\n')[1].indexOf('$c'));
  assert.equal(text.slice(call.startIndex, call.endIndex), "$c->makeKey( 'x' )");
  tree.delete();
});
