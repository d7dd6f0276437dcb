import { isEmptySection } from '../../report/sections.js';
import type { ReportRule } from '../rule.js';

/** An actionables section that lists nothing. */
export const none: ReportRule = {
  meta: {
    id: 'actionables/none',
    defaultSeverity: 'warning',
    description: 'The actionables section lists no item (no list item, no table row).',
    tags: ['actionables'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const { section, items } = report.actionables;
    // No section is report/missing-section's finding, a bare heading report/empty-section's.
    if (!section || items.length > 0 || isEmptySection(section)) return [];
    return [{ message: `The "${section.title}" section lists no actionable: add each follow-up as a list item or table row.`, range: section.headingRange }];
  },
};
