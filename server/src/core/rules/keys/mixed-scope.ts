import { throwIfCancelled } from '../../types.js';
import type { KeyRule } from '../rule.js';
import { describePlace, describeShape } from './describe.js';
import type { ResolvedSite } from '../../keys/key-index.js';
import { isTestFile } from '../../keys/test-code.js';
import { DYNAMIC_GROUP } from '../../keys/types.js';

/** Sites are one group when cache kind, part count, spread and every constant part agree. */
const shapeOf = (s: ResolvedSite) => `${s.cacheKind}/${s.parts}/${s.variadic}/${s.shape ?? ''}`;

/** Both sites in one named function: the function picks one of them on purpose (a fallback). */
const sameFunction = (a: ResolvedSite, b: ResolvedSite) => a.file === b.file && a.methodName !== undefined && a.methodName === b.methodName && a.className === b.className;

const sameSite = (a: ResolvedSite, b: ResolvedSite) => a.file === b.file && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

/**
 * The same key group built local in one place and global in another. Only sites of the same
 * shape on the same cache kind are compared (MediaWiki core mixes scopes on purpose across caches
 * and key shapes), and never two sites of one function, which builds a local key in one branch
 * and a global one in another as a deliberate fallback.
 */
export const mixedScope: KeyRule = {
  meta: {
    id: 'keys/mixed-scope',
    defaultSeverity: 'warning',
    description: 'The same key group, cache kind and shape is built as a local key in one function and as a global key in another.',
    tags: ['cache', 'split-brain'],
    fixable: 'none',
    target: 'php',
  },
  check({ sites, index, config, token }) {
    const out = [];
    const byGroup = new Map<string, ResolvedSite[]>();
    for (const site of sites) {
      if ((site.scope !== 'local' && site.scope !== 'global') || site.groupName === DYNAMIC_GROUP) continue;
      throwIfCancelled(token);
      let all = byGroup.get(site.groupName);
      if (!all) byGroup.set(site.groupName, (all = index.sitesOfGroup(site.groupName).filter((o) => !isTestFile(o.file, config.keys.testFiles))));
      const peers = all.filter((o) => (o.scope === 'local' || o.scope === 'global') && shapeOf(o) === shapeOf(site));
      if (!peers.some((o) => o.scope !== site.scope && !sameFunction(o, site))) continue;
      const others = peers.filter((o) => !sameSite(o, site) && !sameFunction(o, site));
      out.push({
        message: `Key group "${site.groupName}" is built ${site.scope} here (${site.via}) and ${site.scope === 'local' ? 'global' : 'local'} elsewhere, on the same cache kind (${site.cacheKind}) with ${describeShape(site)}: the two sides never meet on a wiki whose local keyspace differs.`,
        range: site.range,
        related: others.map((o) => ({ file: o.file, range: o.range, message: `built ${o.scope} (${o.via}) in ${describePlace(o)}` })),
      });
    }
    return out;
  },
};
