/**
 * Telling which cache a receiver is, from what the code says about it: the one place that knows
 * cache types, cache service getters and cache-like names. In order of trust:
 * 1. the receiver is itself a call that returns a known cache
 *    (`MediaWikiServices::getInstance()->getMainWANObjectCache()`, `ObjectCache::getLocalClusterInstance()`);
 * 2. its declared type: a typed or promoted property, a `@var` doc comment, a parameter type hint;
 *    a declared type that is no cache (`CacheInterface`, `ParserCache`, `Config`) makes it `not-cache`;
 * 3. what is assigned to it in the class (`$this->cache = $services->getMainWANObjectCache()`) or
 *    in the function (`$cache = new HashBagOStuff()`, `$cache = $this->srvCache`);
 * 4. its name: `wanCache` → WANObjectCache; `stash`, `memc` → BagOStuff; `srvCache` → server-local;
 *    `procCache`, `*Lru` → in-process.
 * Anything else is `unknown`; rules compare unknown only with unknown.
 */
import type { CacheKind } from './types.js';

/** Types that are scalars or too vague to say anything (a `mixed` property may hold a cache). */
const VAGUE_TYPES = /^\??(mixed|object|null|callable|static|self)$/i;

/** The kind a type name (or a type written as text, `?WANObjectCache`, `BagOStuff|null`) denotes. */
export function kindOfType(type: string): CacheKind {
  const t = type.trim();
  if (!t || VAGUE_TYPES.test(t)) return 'unknown';
  if (/\b(HashBagOStuff|MapCacheLRU)\b|InProcess/.test(t) || /^\??array\b|\[\]$/.test(t)) return 'in-process';
  if (/WANObjectCache/.test(t)) return 'WANObjectCache';
  if (/\bAPCU?BagOStuff\b/i.test(t)) return 'server-local';
  if (/BagOStuff\b/.test(t)) return 'BagOStuff';
  return 'not-cache';
}

const WAN_CALLS = /\b(getMainWANObjectCache|getMainWANInstance|getWANObjectCache)\s*\(|\bnew\s+\\?(\w+\\)*WANObjectCache\b/;
const SERVER_CALLS = /\b(getLocalServerObjectCache|getLocalServerInstance)\s*\(|\bnew\s+\\?(\w+\\)*APCU?BagOStuff\b/i;
const BAG_CALLS =
  /\b(getLocalClusterInstance|getMainObjectStash|getMainStashInstance|getLocalClusterObjectCache)\s*\(|\b(ObjectCache::getInstance|getObjectCacheFactory\(\)\s*->\s*getInstance|objectCacheFactory\s*->\s*getInstance)\s*\(|\bnew\s+\\?(\w+\\)*(Memcached\w*|Redis|SqlBag|Multi\w*|Cached)BagOStuff\b/;
const IN_PROCESS_CALLS = /\bnew\s+\\?(\w+\\)*(HashBagOStuff|MapCacheLRU)\b|^\s*(\[\s*\]|array\(\s*\))\s*$/;

/** The kind of cache an expression (as source text) evaluates to, when its text says so. */
export function kindOfExpression(text: string): CacheKind {
  if (IN_PROCESS_CALLS.test(text)) return 'in-process';
  if (WAN_CALLS.test(text)) return 'WANObjectCache';
  if (SERVER_CALLS.test(text)) return 'server-local';
  if (BAG_CALLS.test(text)) return 'BagOStuff';
  return 'unknown';
}

/** True when `text` holds a call or construction that gives a shared or server-wide cache (a kind extraction may read from it). */
export function namesSharedCache(text: string): boolean {
  return WAN_CALLS.test(text) || SERVER_CALLS.test(text) || BAG_CALLS.test(text);
}

/**
 * Words one of which every shared or server-wide cache type and getter above contains (some are
 * matched without regard to case): a quick "no" before the expressions, for text that holds none.
 */
const SHARED_CACHE_WORD = /WAN|BagOStuff|ObjectCache|Stash|LocalCluster|LocalServer/i;

/** False when `text` can name no shared or server-wide cache type or getter: no type or getter word at all. */
export function mayNameSharedCache(text: string): boolean {
  return SHARED_CACHE_WORD.test(text);
}

/** The kind a property or variable name suggests. */
export function kindOfName(name: string): CacheKind {
  const n = name.toLowerCase();
  if (/^wan|wancache|wanobjectcache/.test(n)) return 'WANObjectCache';
  if (/(proc|process|inprocess|hash|lru|runtime|static|memo|instance)(cache|bag)|lru/.test(n)) return 'in-process';
  if (/srvcache|servercache|localserver|apcu/.test(n)) return 'server-local';
  if (/stash|memc|clustercache|bagostuff|objectcache/.test(n)) return 'BagOStuff';
  return 'unknown';
}

/**
 * A kind from a type or an assignment, refined by the name: `BagOStuff $srvCache` is the local
 * server cache by MediaWiki's naming, since the interface type alone does not say which bag it is.
 */
export function refineByName(kind: CacheKind, name: string): CacheKind {
  if (kind !== 'BagOStuff') return kind;
  const byName = kindOfName(name);
  return byName === 'server-local' || byName === 'in-process' ? byName : kind;
}

/** The first known kind of several hints, in order of trust. */
export function firstKnown(...kinds: (CacheKind | undefined)[]): CacheKind {
  return kinds.find((k) => k !== undefined && k !== 'unknown') ?? 'unknown';
}

/** Names that look like a cache (`$cache`, `$this->srvCache`), for receivers of `get`/`set`. */
export function looksLikeCacheName(name: string): boolean {
  return /cache|memc|stash|bag/i.test(name);
}

/**
 * Whether a receiver of this kind (and name) is a cache at all: a known cache kind, or nothing
 * declared and a cache-like name. A receiver declared as another type never is.
 */
export function isCache(kind: CacheKind, name: string): boolean {
  if (kind === 'not-cache') return false;
  return kind !== 'unknown' || looksLikeCacheName(name);
}

/** Caches whose entries every wiki of a cluster shares: a key without keyspace collides there. */
export function isSharedAcrossWikis(kind: CacheKind): boolean {
  return kind === 'WANObjectCache' || kind === 'BagOStuff';
}

/** Caches whose keys leave the process, so that a hand-built key matters. */
export function leavesProcess(kind: CacheKind): boolean {
  return kind !== 'in-process' && kind !== 'not-cache';
}

/** Ranks caches for rewrites: the WAN cache first, then the main cache; others are never offered. */
export function rewriteRank(kind: CacheKind): number {
  return kind === 'WANObjectCache' ? 0 : kind === 'BagOStuff' ? 1 : kind === 'server-local' ? 2 : 9;
}
