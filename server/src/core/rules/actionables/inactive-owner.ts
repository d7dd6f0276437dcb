import { openActionableOwners } from '../../owners/actionable-owners.js';
import { ownersListOf } from '../../owners/index.js';
import type { ReportRule } from '../rule.js';

/** An actionable owned by somebody the owners list says has moved on. */
export const inactiveOwner: ReportRule = {
  meta: {
    id: 'actionables/inactive-owner',
    defaultSeverity: 'warning',
    description: "An actionable's owner is listed as inactive, or as a maintainer only until a date that has passed.",
    tags: ['actionables', 'owners'],
    fixable: 'none',
    target: 'report',
  },
  check({ report, config }) {
    const list = ownersListOf(config);
    return openActionableOwners(report, list)
      .flatMap(({ owners }) => owners)
      .filter((owner) => owner.known?.status === 'inactive')
      .map((owner) => {
        const known = owner.known!;
        const since = known.until ? ` since ${known.until}` : '';
        const of = known.owns.length > 0 ? ` (${known.owns.slice(0, 3).join(', ')})` : '';
        return {
          message: `"${owner.name}" is no longer an active maintainer${since}${of}: give the actionable to somebody who is.`,
          range: owner.range,
        };
      });
  },
};
