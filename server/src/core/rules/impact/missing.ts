import { flattenSpecs } from '../../config/profiles.js';
import type { ReportRule } from '../rule.js';

/** The report does not say what the impact was, in any of the places an impact statement may be. */
export const impactMissing: ReportRule = {
  meta: {
    id: 'impact/missing',
    defaultSeverity: 'warning',
    description: 'The report has no impact statement: no Impact section, metadata table row, Impact: paragraph or front matter impact.',
    tags: ['impact'],
    fixable: 'none',
    target: 'report',
  },
  check({ report, config }) {
    if (report.impact) return [];
    // A profile that lists its impact section as optional has asked not to be told.
    if (flattenSpecs(config.profile.sections).some(({ spec }) => spec.kind === 'impact' && spec.required === false)) return [];
    const anchor = report.sections.find((s) => s.depth === 1)?.headingRange ?? report.lines.lineRange(0);
    return [
      {
        message: 'No impact statement: say who was affected, how many, and for how long, in an "Impact" section, an "Impact:" line in the summary, or front matter "impact:".',
        range: anchor,
      },
    ];
  },
};
