/**
 * The key index vocabulary: one {@link KeySite} per place in PHP code that builds a cache key.
 */
import type { Suppressions } from '../suppress.js';
import type { Range, TextEdit } from '../types.js';

/**
 * How a key is scoped:
 * - `local`: built by a local builder (`makeKey`), prefixed with the current wiki's keyspace;
 * - `global`: built by a global builder (`makeGlobalKey`), the same string on every wiki;
 * - `forged`: a string in another wiki's local keyspace, built without the cache's help;
 * - `hand-built`: a key joined from strings instead of built by the cache;
 * - `unscoped`: a constant string (a literal, a constant, or joined from those only) used as the
 *   whole key, with no keyspace at all.
 */
export type KeyScope = 'local' | 'global' | 'forged' | 'hand-built' | 'unscoped';

/**
 * Which cache the key is for, when the receiver tells it (see cache-kind.ts):
 * - `WANObjectCache`, `BagOStuff`: the main WAN cache, the main object cache or stash, shared by
 *   every wiki of a cluster;
 * - `server-local`: the local server cache (APCu), shared by the wikis of one server;
 * - `in-process`: `HashBagOStuff`, `MapCacheLRU`, PHP arrays: gone at the end of the request;
 * - `not-cache`: declared as some other type (a PSR cache, a parser cache, a config object);
 * - `unknown`: nothing said.
 */
export type CacheKind = 'WANObjectCache' | 'BagOStuff' | 'server-local' | 'in-process' | 'not-cache' | 'unknown';

/** The key group (first component) as written: resolved against the index when queried. */
export type GroupRef = { kind: 'literal'; value: string } | { kind: 'constant'; className: string; name: string } | { kind: 'dynamic' };

/** The group name used for keys whose group cannot be told statically. */
export const DYNAMIC_GROUP = 'dynamic';

/** One construction of a cache key. */
export interface KeySite {
  file: string;
  /** The whole construction (the call, the concatenation, …). */
  range: Range;
  scope: KeyScope;
  /** What built it: the builder or helper name, `implode`, `sprintf`, `concatenation`, `interpolation`. */
  via: string;
  group: GroupRef;
  /** Arguments counted, the group included; a spread (`...$args`) is not counted but sets `variadic`. */
  parts: number;
  variadic: boolean;
  className?: string;
  methodName?: string;
  cacheKind: CacheKind;
  /**
   * The key's shape for grouping: each component after the group as its literal text or `*`,
   * joined by `:`, with `…` for a spread (`makeKey( 'x', 'a', $v )` → `a:*`).
   */
  shape?: string;
  /** A comment right above a local key says it is per-wiki on purpose (see shared-key-built-local). */
  declaredPerWiki?: boolean;
  /** For unscoped keys: the constant key as written (`'stats'`, `self::STATS_KEY`). */
  keyText?: string;
  /**
   * For keys used on a property that the constructor fills from one of its parameters: that
   * parameter's position, so that the caches the workspace passes there can be looked up.
   */
  receiverParam?: number;
  /** The builder's name in the call (`makeKey`), for renaming fixes. */
  nameRange?: Range;
  /** For forged keys: the expression that names the other wiki (`$this->wiki`). */
  wikiExpression?: string;
  /** For forged keys: a mechanical rewrite to `makeGlobalKey( $wikiId, … )`, when there is one. */
  globalRewrite?: TextEdit[];
  /**
   * For forged keys whose file has no cache to call: the rewrite without its receiver
   * (`makeGlobalKey( $this->wiki, ...$args )`), completed at check time with a cache property that
   * a parent class declares or uses.
   */
  rewriteWithoutReceiver?: { range: Range; call: string; extraEdits: TextEdit[] };
}

/** A class constant with a string value, as the workspace defines it. */
export interface ConstantDef {
  className: string;
  name: string;
  value: string;
}

/** A class, interface, trait or enum declaration with what it extends (for constant lookup). */
export interface ClassDef {
  name: string;
  parent?: string;
  /** A property holding a WANObjectCache or BagOStuff that the class declares or calls. */
  cacheProperty?: string;
}

/**
 * `new Foo( … )` where an argument is a known cache (`new HashBagOStuff()`,
 * `$services->getMainWANObjectCache()`): the cache kind per argument position.
 */
export interface ConstructionDef {
  className: string;
  argKinds: CacheKind[];
}

/** Everything the index keeps about one PHP file. */
export interface FileKeys {
  file: string;
  sites: KeySite[];
  constants: ConstantDef[];
  classes: ClassDef[];
  /** Constructions of classes with a known cache as an argument (service wiring, factories). */
  constructions?: ConstructionDef[];
  suppressions: Suppressions;
}
