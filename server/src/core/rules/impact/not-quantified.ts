import { hasQuantity, saysWholeAffected, statesNoImpact } from '../../report/impact-phrases.js';
import type { ReportRule } from '../rule.js';
import { summaryText } from './summary-text.js';

/** The impact statement says nothing about how much or how many. */
export const impactNotQuantified: ReportRule = {
  meta: {
    id: 'impact/not-quantified',
    defaultSeverity: 'warning',
    description: 'The impact statement has no number, percentage or count of what was affected.',
    tags: ['impact'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const impact = report.impact;
    if (!impact || hasQuantity(impact.text)) return [];
    // "Impact: none", a near miss: nothing to count.
    if (statesNoImpact(impact.text)) return [];
    // The summary says the whole was hit: "Loss of all database clusters", "the website was down".
    if (impact.source !== 'frontmatter' && saysWholeAffected(summaryText(report))) return [];
    return [
      {
        message: 'The impact statement does not say how many were affected: give a number, a percentage or a count (e.g. "about 10% of uploads", "all logged-in users").',
        range: impact.range,
      },
    ];
  },
};
