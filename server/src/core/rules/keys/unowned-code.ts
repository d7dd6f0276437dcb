import { ownersListOf } from '../../owners/index.js';
import { describeMaintainers, maintainersOfFile } from '../../owners/lookup.js';
import { compareRanges } from '../../types.js';
import type { KeyRule } from '../rule.js';

/**
 * Cache keys in a file that nobody maintains: no owners entry covers it, its entry names nobody,
 * or every owner it names has moved on. A key scope bug in such a file can live for years, since
 * nobody is there to notice or to be asked. One finding per file, on its first key site; silent
 * without an owners list.
 */
export const unownedCode: KeyRule = {
  meta: {
    id: 'keys/unowned-code',
    defaultSeverity: 'info',
    description: 'A PHP file that builds cache keys is maintained by nobody in the owners list (no entry, an entry without owners, or only inactive ones).',
    tags: ['cache', 'owners'],
    fixable: 'none',
    target: 'php',
  },
  check({ file, sites, config }) {
    if (sites.length === 0) return [];
    const found = maintainersOfFile(ownersListOf(config), config.owners.root, file);
    if (!found || found.active.length > 0) return [];
    const first = [...sites].sort((a, b) => compareRanges(a.range, b.range))[0];
    return [
      {
        message: `${describeMaintainers(found)} Name who looks after its cache keys in CODEOWNERS or the maintainers list.`,
        range: first.range,
      },
    ];
  },
};
