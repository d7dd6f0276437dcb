import { isSharedAcrossWikis } from '../../keys/cache-kind.js';
import type { ResolvedSite } from '../../keys/key-index.js';
import type { KeyRule } from '../rule.js';

/** Which shared cache a kind names, for the message. */
const CACHE_NAMES: Record<string, string> = { WANObjectCache: 'the WAN cache', BagOStuff: 'the main object cache or stash' };

/**
 * A constant key on a cache every wiki shares: one entry for the whole cluster, by accident.
 * One finding per key and class, at its first use; the other uses are listed with it.
 */
export const unscopedKey: KeyRule = {
  meta: {
    id: 'keys/unscoped-key',
    defaultSeverity: 'warning',
    description: 'A constant key (a literal or a constant, built by no builder) is used on a cache that every wiki of the cluster shares (WAN cache, main object cache, main stash).',
    tags: ['cache', 'split-brain'],
    fixable: 'none',
    target: 'php',
  },
  check({ sites, config, index }) {
    const local = config.keys.localBuilders[0] ?? 'makeKey';
    const global = config.keys.globalBuilders[0] ?? 'makeGlobalKey';
    const byKey = new Map<string, ResolvedSite[]>();
    for (const s of sites) {
      if (s.scope !== 'unscoped' || !isSharedAcrossWikis(s.cacheKind) || index.onlyInProcess(s)) continue;
      const k = `${s.className ?? ''}\u0000${s.keyText ?? ''}`;
      byKey.set(k, [...(byKey.get(k) ?? []), s]);
    }
    return [...byKey.values()].map(([s, ...others]) => ({
      message:
        `The key ${s.keyText ?? ''} has no keyspace, and ${CACHE_NAMES[s.cacheKind]} is shared by every wiki on the cluster: every wiki shares this entry. ` +
        `Build it with ${local}( … ) if each wiki has its own value, or with ${global}( … ) if one value for all wikis is meant.`,
      range: s.range,
      related: others.map((o) => ({ file: o.file, range: o.range, message: 'the same key used again' })),
    }));
  },
};
