/**
 * The text test a workspace scan runs before parsing: a file is parsed only when its text names
 * something extraction can turn into a key site. The tokens come from the same facts extraction
 * uses (the configured builders, the cache library's own builders and removed helpers, the cache
 * operations, the cache type and name words, the endings of key-returning methods), so a new fact
 * there widens the test without a second list to keep. A file without them costs a read and a
 * search, never a parse.
 */
import { CACHE_NAME_WORDS, CACHE_TYPE_NAMES } from './cache-kind.js';
import type { BuilderNames } from './extract.js';
import { CACHE_METHODS, INTERNAL_BUILDERS, KEY_METHOD_ENDINGS, REMOVED_HELPERS } from './queries.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: readonly string[]) => names.map(escape).join('|');

/** A compiled prefilter: `true` when the text may hold a key site. */
export type KeyPrefilter = (text: string) => boolean;

/**
 * Builds the prefilter for a builder configuration. A file passes when it has
 * - a call of a builder, of the cache library's internal builder or of a removed helper;
 * - the definition of a method whose name ends like a key-returning one (`function getSharedCacheKey(`);
 * - a cache operation (`->get(`, `->getWithSetCallback(`…) on a receiver whose name says cache
 *   (`$this->srvCache->get(`, `getMainWANObjectCache()->get(`), or anywhere in a file that names
 *   a cache class (`WANObjectCache $wan` … `$wan->get(`).
 */
export function keyPrefilter(builders: BuilderNames): KeyPrefilter {
  const builderNames = [...builders.localBuilders, ...builders.globalBuilders, ...INTERNAL_BUILDERS, ...REMOVED_HELPERS].filter((n) => n.length > 0);
  const ops = alternatives(CACHE_METHODS);
  const direct = new RegExp(`\\b(?:${alternatives(builderNames)})\\s*\\(|\\bfunction\\s+&?\\s*\\w*(?:${alternatives(KEY_METHOD_ENDINGS)})\\s*\\(`, 'i');
  const onCacheReceiver = new RegExp(`(?:${alternatives(CACHE_NAME_WORDS)})\\w*(?:\\(\\s*\\))?\\s*\\??->\\s*(?:${ops})\\s*\\(`, 'i');
  const cacheType = new RegExp(alternatives(CACHE_TYPE_NAMES));
  const operation = new RegExp(`(?:->|::)\\s*(?:${ops})\\s*\\(`);
  return (text) => direct.test(text) || onCacheReceiver.test(text) || (cacheType.test(text) && operation.test(text));
}
