import type { KeyRule } from '../rule.js';
import { describeGroup } from './describe.js';

/** A method named for a shared key that builds a local one: the other side of the 2020 split brain. */
export const sharedKeyBuiltLocal: KeyRule = {
  meta: {
    id: 'keys/shared-key-built-local',
    defaultSeverity: 'warning',
    description: 'A function whose name says the key is shared (getSharedCacheKey, *Shared*, *Global*) builds it with a local builder, and no comment right above says it is per-wiki on purpose.',
    tags: ['cache', 'split-brain'],
    fixable: 'auto',
    target: 'php',
  },
  check({ sites, config }) {
    const builder = config.keys.globalBuilders[0] ?? 'makeGlobalKey';
    return sites
      .filter((s) => s.scope === 'local' && !s.declaredPerWiki && s.methodName && /shared|global/i.test(s.methodName))
      .map((s) => ({
        message:
          `${s.methodName}() says its key is shared, but ${s.via} puts the key ${describeGroup(s)} in the current wiki's keyspace. ` +
          `Other wikis reading it will not meet this one; use ${builder}.`,
        range: s.range,
        fixes: s.nameRange ? [{ title: `Use ${builder}`, edits: [{ range: s.nameRange, newText: builder }] }] : undefined,
      }));
  },
};
