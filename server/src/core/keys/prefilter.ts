/**
 * The text test a workspace scan runs before parsing: a file is parsed only when its text names
 * something extraction can turn into a key site. The tokens come from the same facts extraction
 * uses (the configured builders, the cache library's own builders and removed helpers, the cache
 * operations, the cache type and name words, the endings of key-returning methods), so a new fact
 * there widens the test without a second list to keep. A file without them costs a read and a
 * search, never a parse.
 */
import { kindOfExpression, kindOfName, kindOfType, looksLikeCacheName } from './cache-kind.js';
import type { BuilderNames } from './extract.js';
import type { CacheKind } from './types.js';
import { CACHE_METHODS, INTERNAL_BUILDERS, KEY_METHOD_ENDINGS, REMOVED_HELPERS } from './queries.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: readonly string[]) => names.map(escape).join('|');

/** A compiled prefilter: `true` when the text may hold a key site. */
export type KeyPrefilter = (text: string) => boolean;

/**
 * Builds the prefilter for a builder configuration. A file passes when it has
 * - a call of a builder, of the cache library's internal builder or of a removed helper;
 * - the definition of a method whose name ends like a key-returning one (`function getSharedCacheKey(`);
 * - a construction handed a cache (`new Foo( new HashBagOStuff() )`, `new Foo( $services->getMainObjectStash() )`):
 *   service wiring tells which cache a class's constructor parameter holds;
 * - a cache operation (`->get(`, `->getWithSetCallback(`…) on a receiver that extraction can tell
 *   is a cache: one whose text or name says cache (`$this->srvCache->get(`, `$wan->get(`,
 *   `ObjectCache::getLocalClusterInstance()->get(`), or a variable or property that the file
 *   declares with a cache type (`WANObjectCache $wan`, `@var BagOStuff`) or assigns a cache to
 *   (`$this->store = $services->getMainObjectStash()`). The same functions that give a receiver
 *   its cache kind decide here.
 */
export function keyPrefilter(builders: BuilderNames): KeyPrefilter {
  const builderNames = [...builders.localBuilders, ...builders.globalBuilders, ...INTERNAL_BUILDERS, ...REMOVED_HELPERS].filter((n) => n.length > 0);
  const direct = new RegExp(`\\b(?:${alternatives(builderNames)})\\s*\\(|\\bfunction\\s+&?\\s*\\w*(?:${alternatives(KEY_METHOD_ENDINGS)})\\s*\\(`, 'i');
  const construction = /\bnew\s+\\?[\w\\]+\s*\([^;]{0,400}?(?:\bnew\s+\\?(?:[\w\\]*\\)?(?:HashBagOStuff|MapCacheLRU)\b|->\s*get(?:MainWANObjectCache|MainObjectStash|LocalClusterInstance|LocalServerObjectCache)\s*\()/;
  const operation = new RegExp(`\\??->\\s*(?:${alternatives(CACHE_METHODS)})\\s*\\(`, 'g');
  return (text) => {
    if (direct.test(text) || construction.test(text)) return true;
    let names: Set<string> | undefined;
    operation.lastIndex = 0;
    for (let m = operation.exec(text); m; m = operation.exec(text)) {
      const receiver = receiverText(text, m.index);
      if (looksLikeCacheName(receiver) || known(kindOfExpression(receiver))) return true;
      const name = /\$(?:this->)?(\w+)$/.exec(receiver)?.[1];
      if (name && (known(kindOfName(name)) || (names ??= cacheNames(text)).has(name))) return true;
    }
    return false;
  };
}

/** A kind that says "a cache" (in-process ones included: extraction still records their keys). */
const known = (kind: CacheKind) => kind !== 'unknown' && kind !== 'not-cache';

/** The receiver before a `->` at `at`: back to the start of the statement or argument (at most a line). */
function receiverText(text: string, at: number): string {
  let start = at;
  const stop = Math.max(0, at - 200);
  let depth = 0;
  while (start > stop) {
    const c = text[start - 1];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === ';' || c === '{' || c === '}' || c === ',' || c === '=' || c === '\n' || c === ' ')) break;
    start--;
  }
  return text.slice(start, at);
}

const TYPED = /([?\\\w|]+)\s+&?(?:\.\.\.)?\$(\w+)/g;
const DOC_VAR = /@var\s+([^\s*]+)[^]*?\*\/\s*(?:(?:public|protected|private|var|static|readonly)\s+)+(?:[?\\\w|]+\s+)?\$(\w+)/g;
const ASSIGNED = /\$(?:this->)?(\w+)\s*=\s*([^;]{1,300});/g;

/** Variables and properties the file declares with a cache type or assigns a cache to. */
function cacheNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(TYPED)) if (known(kindOfType(m[1]))) names.add(m[2]);
  for (const m of text.matchAll(DOC_VAR)) if (known(kindOfType(m[1]))) names.add(m[2]);
  for (const m of text.matchAll(ASSIGNED)) if (known(kindOfExpression(m[2]))) names.add(m[1]);
  return names;
}
