import type { KeyRule } from '../rule.js';

/** What replaced each removed global helper. */
const REPLACEMENTS: Record<string, string> = {
  wfMemcKey: '$cache->makeKey( … ) on a cache service (for example MediaWikiServices::getInstance()->getMainWANObjectCache())',
  wfForeignMemcKey: '$cache->makeGlobalKey( $wikiId, … ), built the same way on every wiki that reads the key',
  wfGlobalCacheKey: '$cache->makeGlobalKey( … ) on a cache service',
};

/** Global key helpers that MediaWiki removed. */
export const removedHelper: KeyRule = {
  meta: {
    id: 'keys/removed-helper',
    defaultSeverity: 'warning',
    description: 'wfMemcKey, wfForeignMemcKey and wfGlobalCacheKey were removed from MediaWiki; the cache objects build keys now.',
    tags: ['cache', 'deprecated'],
    fixable: 'none',
    target: 'php',
  },
  check({ sites }) {
    return sites
      .filter((s) => REPLACEMENTS[s.via])
      .map((s) => ({ message: `${s.via}() was removed from MediaWiki; use ${REPLACEMENTS[s.via]}.`, range: s.range }));
  },
};
