import type { KeyRule } from '../rule.js';

/** A key joined from strings where the cache's builders belong. */
export const handBuiltKey: KeyRule = {
  meta: {
    id: 'keys/hand-built-key',
    defaultSeverity: 'warning',
    description: 'A key that reaches a cache shared beyond the process (passed to a cache method, or returned from a *CacheKey method) is joined by hand instead of built with makeKey or makeGlobalKey.',
    tags: ['cache'],
    fixable: 'none',
    target: 'php',
  },
  check({ sites, config, index }) {
    const local = config.keys.localBuilders[0] ?? 'makeKey';
    const global = config.keys.globalBuilders[0] ?? 'makeGlobalKey';
    return sites
      .filter((s) => s.scope === 'hand-built' && !config.keys.privateCaches.includes(s.cacheKind) && !index.onlyInProcess(s))
      .map((s) => ({
        message: `This cache key is joined by hand (${s.via}), so it has no keyspace and escapes the cache's key encoding and routing. Build it with ${local} (this wiki only) or ${global} (shared by all wikis).`,
        range: s.range,
      }));
  },
};
