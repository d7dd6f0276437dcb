import { normalizeTag } from '../../report/actionable-refs.js';
import type { ReportRule } from '../rule.js';

/** An actionable without a tag the configuration requires. */
export const missingTag: ReportRule = {
  meta: {
    id: 'actionables/missing-tag',
    // Turned on (at warning) by core/check.ts when `requiredTags` lists any tag.
    defaultSeverity: 'off',
    description: 'An actionable lacks a tag listed in the requiredTags setting.',
    tags: ['actionables', 'config'],
    fixable: 'none',
    target: 'report',
  },
  check({ report, config }) {
    const required = config.requiredTags.map((t) => t.trim().replace(/^#/, '')).filter(Boolean);
    if (required.length === 0) return [];
    return report.actionables.items.flatMap((item) => {
      const have = new Set(item.tags.map(normalizeTag));
      const missing = required.filter((t) => !have.has(normalizeTag(t)));
      if (missing.length === 0) return [];
      const names = missing.map((t) => `#${t}`).join(', ');
      return [{ message: `Actionable lacks the required tag${missing.length > 1 ? 's' : ''} ${names}.`, range: item.range }];
    });
  },
};
