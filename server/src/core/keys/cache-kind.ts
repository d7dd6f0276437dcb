/**
 * Telling which cache a receiver is, from what the code says about it. In order:
 * 1. the receiver is itself a call that returns a known cache
 *    (`MediaWikiServices::getInstance()->getMainWANObjectCache()`, `ObjectCache::getLocalClusterInstance()`);
 * 2. its declared type: a typed or promoted property, a `@var` doc comment, a parameter type hint;
 * 3. what is assigned to it in the class (`$this->cache = $services->getMainWANObjectCache()`) or
 *    in the function (`$cache = new HashBagOStuff()`);
 * 4. its name: `wanCache` → WANObjectCache; `srvCache`, `stash`, `memc` → BagOStuff;
 *    `procCache`, `*Lru` → in-process.
 * Anything else is `unknown`; rules compare unknown only with unknown.
 */
import type { CacheKind } from './types.js';

/** The kind a type name (or a type written as text, `?WANObjectCache`) denotes. */
export function kindOfType(type: string): CacheKind {
  if (/\b(HashBagOStuff|MapCacheLRU)\b|InProcess/.test(type)) return 'in-process';
  if (/WANObjectCache/.test(type)) return 'WANObjectCache';
  if (/BagOStuff\b/.test(type)) return 'BagOStuff';
  return 'unknown';
}

const WAN_CALLS = /\b(getMainWANObjectCache|getMainWANInstance|getWANObjectCache)\s*\(|\bnew\s+\\?(\w+\\)*WANObjectCache\b/;
const BAG_CALLS =
  /\b(getLocalServerObjectCache|getLocalClusterInstance|getLocalServerInstance|getMainObjectStash|getMainStashInstance|getLocalClusterObjectCache)\s*\(|\bObjectCache::getInstance\s*\(|\bnew\s+\\?(\w+\\)*(Memcached\w*|Redis|APCu|SqlBag|Multi\w*|Cached)BagOStuff\b/;
const IN_PROCESS_CALLS = /\bnew\s+\\?(\w+\\)*(HashBagOStuff|MapCacheLRU)\b/;

/** The kind of cache an expression (as source text) evaluates to, when its text says so. */
export function kindOfExpression(text: string): CacheKind {
  if (IN_PROCESS_CALLS.test(text)) return 'in-process';
  if (WAN_CALLS.test(text)) return 'WANObjectCache';
  if (BAG_CALLS.test(text)) return 'BagOStuff';
  return 'unknown';
}

/** The kind a property or variable name suggests. */
export function kindOfName(name: string): CacheKind {
  const n = name.toLowerCase();
  if (/^wan|wancache|wanobjectcache/.test(n)) return 'WANObjectCache';
  if (/(proc|process|inprocess|hash|lru|runtime|static|memo)(cache|bag)|lru/.test(n)) return 'in-process';
  if (/srvcache|servercache|localserver|apcu|stash|memc|clustercache|bagostuff|objectcache/.test(n)) return 'BagOStuff';
  return 'unknown';
}

/** The first known kind of several hints, in order of trust. */
export function firstKnown(...kinds: (CacheKind | undefined)[]): CacheKind {
  return kinds.find((k) => k !== undefined && k !== 'unknown') ?? 'unknown';
}

/** Names that look like a cache (`$cache`, `$this->srvCache`), for receivers of `get`/`set`. */
export function looksLikeCacheName(name: string): boolean {
  return /cache|memc|stash|bag/i.test(name);
}
