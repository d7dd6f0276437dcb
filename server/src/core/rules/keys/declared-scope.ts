import picomatch from 'picomatch';
import type { KeyRule } from '../rule.js';
import { DYNAMIC_GROUP } from '../../keys/types.js';

/** Matchers per pattern list, compiled once per configuration list. */
const compiled = new WeakMap<string[], (group: string) => boolean>();

function matcher(patterns: string[]): (group: string) => boolean {
  let m = compiled.get(patterns);
  if (!m) {
    m = patterns.length ? picomatch(patterns, { dot: true }) : () => false;
    compiled.set(patterns, m);
  }
  return m;
}

/** A key group the configuration declares global or local, built the other way. */
export const declaredScope: KeyRule = {
  meta: {
    id: 'keys/declared-scope',
    defaultSeverity: 'error',
    description: 'A key group that the configuration (keys.global, keys.local) declares global or local is built with the other scope.',
    tags: ['cache', 'config'],
    fixable: 'auto',
    target: 'php',
  },
  check({ sites, config }) {
    const isGlobal = matcher(config.keys.global);
    const isLocal = matcher(config.keys.local);
    const localBuilder = config.keys.localBuilders[0] ?? 'makeKey';
    const globalBuilder = config.keys.globalBuilders[0] ?? 'makeGlobalKey';
    return sites.flatMap((s) => {
      if (s.groupName === DYNAMIC_GROUP || (s.scope !== 'local' && s.scope !== 'global')) return [];
      const g = isGlobal(s.groupName);
      const l = isLocal(s.groupName);
      // A group both lists match is a configuration conflict, not a code problem.
      if (g === l) return [];
      const want = g ? 'global' : 'local';
      if (s.scope === want) return [];
      const builder = want === 'global' ? globalBuilder : localBuilder;
      return [
        {
          message: `Key group "${s.groupName}" is declared ${want} in the configuration (keys.${want}) but ${s.via} builds it ${s.scope}; use ${builder}.`,
          range: s.range,
          fixes: s.nameRange ? [{ title: `Use ${builder}`, edits: [{ range: s.nameRange, newText: builder }] }] : undefined,
        },
      ];
    });
  },
};
