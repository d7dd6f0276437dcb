import { throwIfCancelled } from '../../types.js';
import type { KeyRule } from '../rule.js';
import { describePlace, describeShape } from './describe.js';
import { DYNAMIC_GROUP } from '../../keys/types.js';

/**
 * The same key group built local in one place and global in another. Only sites on the same
 * cache kind with the same number of parts are compared: MediaWiki core mixes scopes on purpose
 * across caches and key shapes.
 */
export const mixedScope: KeyRule = {
  meta: {
    id: 'keys/mixed-scope',
    defaultSeverity: 'warning',
    description: 'The same key group, cache kind and shape is built as a local key in one place and as a global key in another.',
    tags: ['cache', 'split-brain'],
    fixable: 'none',
    target: 'php',
  },
  check({ sites, index, token }) {
    const out = [];
    const shape = (s: { cacheKind: string; parts: number; variadic: boolean }) => `${s.cacheKind}/${s.parts}/${s.variadic}`;
    const byGroup = new Map<string, ReturnType<typeof index.sitesOfGroup>>();
    for (const site of sites) {
      if ((site.scope !== 'local' && site.scope !== 'global') || site.groupName === DYNAMIC_GROUP) continue;
      throwIfCancelled(token);
      let all = byGroup.get(site.groupName);
      if (!all) byGroup.set(site.groupName, (all = index.sitesOfGroup(site.groupName)));
      const peers = all.filter((o) => (o.scope === 'local' || o.scope === 'global') && shape(o) === shape(site));
      if (!peers.some((o) => o.scope !== site.scope)) continue;
      const others = peers.filter((o) => !(o.file === site.file && o.range.start.line === site.range.start.line && o.range.start.character === site.range.start.character));
      out.push({
        message: `Key group "${site.groupName}" is built ${site.scope} here (${site.via}) and ${site.scope === 'local' ? 'global' : 'local'} elsewhere, on the same cache kind (${site.cacheKind}) with ${describeShape(site)}: the two sides never meet on a wiki whose local keyspace differs.`,
        range: site.range,
        related: others.map((o) => ({ file: o.file, range: o.range, message: `built ${o.scope} (${o.via}) in ${describePlace(o)}` })),
      });
    }
    return out;
  },
};
