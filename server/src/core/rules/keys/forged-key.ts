import type { KeyRule } from '../rule.js';
import { describeGroup } from './describe.js';

/** A key in another wiki's local keyspace: the side of the 2020 split brain that forged the string. */
export const forgedKey: KeyRule = {
  meta: {
    id: 'keys/forged-key',
    defaultSeverity: 'error',
    description: "A cache key is built in another wiki's local keyspace (by hand, wfForeignMemcKey or makeKeyInternal) instead of as a global key.",
    tags: ['cache', 'split-brain'],
    fixable: 'auto',
    target: 'php',
  },
  check({ sites, config, index }) {
    const builder = config.keys.globalBuilders[0] ?? 'makeGlobalKey';
    return sites
      .filter((s) => s.scope === 'forged')
      .map((s) => {
        const wiki = s.wikiExpression ?? '$wikiId';
        // Without a cache in this file, a parent class may have one (FileRepo's $this->wanCache).
        const inherited = !s.globalRewrite && s.rewriteWithoutReceiver && s.className ? index.cachePropertyOf(s.className) : undefined;
        const edits =
          s.globalRewrite ??
          (inherited && s.rewriteWithoutReceiver
            ? [{ range: s.rewriteWithoutReceiver.range, newText: `$this->${inherited}->${s.rewriteWithoutReceiver.call}` }, ...s.rewriteWithoutReceiver.extraEdits]
            : undefined);
        return {
          message:
            `The key ${describeGroup(s)} is forged in the local keyspace of ${wiki} (${s.via}). ` +
            `The wiki that owns the keyspace may route or prefix its local keys differently; build the key with ${builder}( ${wiki}, … ) here and where it is read.`,
          range: s.range,
          fixes: edits ? [{ title: `Build the key with ${builder}( ${wiki}, … )`, edits }] : undefined,
        };
      });
  },
};
