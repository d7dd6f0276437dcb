import { openActionableOwners } from '../../owners/actionable-owners.js';
import { ownersListOf } from '../../owners/index.js';
import type { ReportRule } from '../rule.js';

/**
 * An actionable owned by somebody the maintainers list does not know: a typo, a nickname, or
 * a person who was never an owner. Silent when the workspace has no owners list.
 */
export const unknownOwner: ReportRule = {
  meta: {
    id: 'actionables/unknown-owner',
    defaultSeverity: 'warning',
    description: "An actionable's owner is not a person or team in the workspace's owners list (CODEOWNERS or a maintainers file).",
    tags: ['actionables', 'owners'],
    fixable: 'suggestion',
    target: 'report',
  },
  check({ report, config }) {
    const list = ownersListOf(config);
    return openActionableOwners(report, list)
      .flatMap(({ owners }) => owners)
      .filter((owner) => !owner.known)
      .map((owner) => {
        const closest = list.closest(owner.name);
        const hint = closest.length > 0 ? ` Did you mean ${closest.map((n) => `"${n}"`).join(' or ')}?` : '';
        return {
          message: `"${owner.name}" is not in the owners list.${hint}`,
          range: owner.range,
          fixes: closest.map((name) => ({ title: `Change the owner to ${name}`, edits: [{ range: owner.range, newText: owner.name.startsWith('@') ? `@${name}` : name }] })),
        };
      });
  },
};
