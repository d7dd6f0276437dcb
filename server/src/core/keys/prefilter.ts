/**
 * The text test a workspace scan runs before parsing: a file is parsed only when its text names
 * something extraction can turn into a key site. The tokens come from the same facts extraction
 * uses (the configured builders, the cache library's own builders and removed helpers, the cache
 * operations, the cache type and name words, the endings of key-returning methods), so a new fact
 * there widens the test without a second list to keep. A file without them costs a read and a
 * search, never a parse: most files are turned down by plain substring searches, and the
 * expressions that read declarations run only where a cache type or getter is written.
 */
import { kindOfExpression, kindOfName, kindOfType, looksLikeCacheName, mayNameSharedCache, namesSharedCache } from './cache-kind.js';
import type { BuilderNames } from './extract.js';
import type { CacheKind } from './types.js';
import { CACHE_METHODS, INTERNAL_BUILDERS, KEY_METHOD_ENDINGS, REMOVED_HELPERS } from './queries.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: readonly string[]) => names.map(escape).join('|');

/** A compiled prefilter: `true` when the text may hold a key site. */
export type KeyPrefilter = (text: string) => boolean;

/** What a construction handed a cache is handed: without one of these words, no file has one. */
const CONSTRUCTION_WORDS = ['HashBagOStuff', 'MapCacheLRU', 'getMainWANObjectCache', 'getMainObjectStash', 'getLocalClusterInstance', 'getLocalServerObjectCache'];
const CONSTRUCTION =
  /\bnew\s+\\?[\w\\]+\s*\([^;]{0,400}?(?:\bnew\s+\\?(?:[\w\\]*\\)?(?:HashBagOStuff|MapCacheLRU)\b|->\s*get(?:MainWANObjectCache|MainObjectStash|LocalClusterInstance|LocalServerObjectCache)\s*\()/;

/**
 * Builds the prefilter for a builder configuration. A file passes when it has
 * - a call of a builder, of the cache library's internal builder or of a removed helper;
 * - the definition of a method whose name ends like a key-returning one (`function getSharedCacheKey(`);
 * - a construction handed a cache (`new Foo( new HashBagOStuff() )`, `new Foo( $services->getMainObjectStash() )`):
 *   service wiring tells which cache a class's constructor parameter holds;
 * - a cache operation (`->get(`, `->getWithSetCallback(`…) on a receiver that extraction can tell
 *   is a cache whose keys leave the process: one whose text or name says cache
 *   (`$this->srvCache->get(`, `$wan->get(`, `ObjectCache::getLocalClusterInstance()->get(`), or a
 *   variable or property that the file declares with a shared cache type (`WANObjectCache $wan`,
 *   `@var BagOStuff`) or assigns one to (`$this->store = $services->getMainObjectStash()`). The same
 *   functions that give a receiver its cache kind decide here. Operations on in-process caches
 *   (`MapCacheLRU`, PHP arrays) are left out: extraction records no key for them.
 */
export function keyPrefilter(builders: BuilderNames): KeyPrefilter {
  const builderNames = [...builders.localBuilders, ...builders.globalBuilders, ...INTERNAL_BUILDERS, ...REMOVED_HELPERS].filter((n) => n.length > 0);
  const direct = new RegExp(`\\b(?:${alternatives(builderNames)})\\s*\\(|\\bfunction\\s+&?\\s*\\w*(?:${alternatives(KEY_METHOD_ENDINGS)})\\s*\\(`, 'i');
  const operation = new RegExp(`\\??->\\s*(?:${alternatives(CACHE_METHODS)})\\s*\\(`, 'g');
  return (text) => {
    if (direct.test(text)) return true;
    if (CONSTRUCTION_WORDS.some((w) => text.includes(w)) && CONSTRUCTION.test(text)) return true;
    let names: Set<string> | undefined;
    operation.lastIndex = 0;
    for (let m = operation.exec(text); m; m = operation.exec(text)) {
      const receiver = receiverText(text, m.index);
      if (looksLikeCacheName(receiver) || leavesProcess(kindOfExpression(receiver))) return true;
      const name = /\$(?:this->)?(\w+)$/.exec(receiver)?.[1];
      if (name && (leavesProcess(kindOfName(name)) || (names ??= cacheNames(text)).has(name))) return true;
    }
    return false;
  };
}

/** A kind that says "a cache whose keys leave the process": the kinds extraction records keys for. */
const leavesProcess = (kind: CacheKind) => kind !== 'unknown' && kind !== 'not-cache' && kind !== 'in-process';

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

/** The words every type of a cache whose keys leave the process contains (`WANObjectCache`, `APCUBagOStuff`…). */
const SHARED_TYPE = /BagOStuff|WANObjectCache/g;
const TYPE_CHAR = /[?\\\w|]/;
/** After a type: the variable or parameter it declares. */
const DECLARED = /\s+&?(?:\.\.\.)?\$(\w+)/y;
/** A `@var` doc comment (not running past its own end) and the property declaration right after it. */
const DOC_VAR = /@var\s+([^\s*]+)(?:[^*]|\*(?!\/))*\*\/\s*(?:(?:public|protected|private|var|static|readonly)\s+)+(?:[?\\\w|]+\s+)?\$(\w+)/g;
const ASSIGNED = /\$(?:this->)?(\w+)\s*=\s*([^;]{1,300});/g;

/** Variables and properties the file declares with a shared cache type or assigns one to. */
function cacheNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!mayNameSharedCache(text)) return names;
  for (const m of text.matchAll(SHARED_TYPE)) {
    // The whole type around the word (`?\Wikimedia\ObjectCache\BagOStuff|null`), then what it declares.
    let start = m.index;
    while (start > 0 && TYPE_CHAR.test(text[start - 1])) start--;
    let end = m.index + m[0].length;
    while (end < text.length && TYPE_CHAR.test(text[end])) end++;
    DECLARED.lastIndex = end;
    const declared = DECLARED.exec(text);
    if (declared && leavesProcess(kindOfType(text.slice(start, end)))) names.add(declared[1]);
  }
  if (text.includes('@var')) for (const m of text.matchAll(DOC_VAR)) if (leavesProcess(kindOfType(m[1]))) names.add(m[2]);
  if (namesSharedCache(text)) for (const m of text.matchAll(ASSIGNED)) if (leavesProcess(kindOfExpression(m[2]))) names.add(m[1]);
  return names;
}
