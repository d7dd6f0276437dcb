import { openActionableOwners } from '../../owners/actionable-owners.js';
import { ownersListOf } from '../../owners/index.js';
import type { ReportRule } from '../rule.js';

/** Words that mark an actionable as urgent: Wikimedia's "UBN!" and the usual priority labels. */
const URGENT = /\bUBN!|\b(?:high|highest|top)[\s-]priority\b|\bpriority:\s*(?:high|highest|p[01])\b|\bP[01]\b/i;

/**
 * An urgent actionable that rests on individual people only: when they move on, it has no owner.
 * Off by default; teams that want a team behind every urgent follow-up turn it on.
 */
export const personOnlyOwner: ReportRule = {
  meta: {
    id: 'actionables/person-only-owner',
    defaultSeverity: 'off',
    description: 'A UBN! or high-priority actionable is owned by individual people and no team.',
    tags: ['actionables', 'owners'],
    fixable: 'none',
    target: 'report',
  },
  check({ report, config }) {
    return openActionableOwners(report, ownersListOf(config))
      .filter(({ item }) => URGENT.test(item.text))
      .flatMap(({ item, owners }) => {
        if (owners.length === 0 || owners.some((o) => !o.known || o.known.kind === 'team')) return [];
        return [{ message: `An urgent actionable owned by ${owners.map((o) => o.name).join(', ')} alone: add the team that stands behind it.`, range: item.textRange ?? item.range }];
      });
  },
};
