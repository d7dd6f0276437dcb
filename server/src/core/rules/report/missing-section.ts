import { missingSections } from '../../report/section-insert.js';
import type { ReportRule } from '../rule.js';

/** A required section of the profile is absent. */
export const missingSection: ReportRule = {
  meta: {
    id: 'report/missing-section',
    defaultSeverity: 'warning',
    description: 'A section that the profile requires is missing.',
    tags: ['structure'],
    target: 'report',
  },
  check({ report, config }) {
    const anchor = report.sections.find((s) => s.depth === 1)?.headingRange ?? report.lines.lineRange(0);
    // The quick fix that inserts a section (language server) relies on the same list.
    return missingSections(report, config.profile.sections).map(({ spec, parent }) => ({
      message: `Missing section "${spec.title}"${parent ? ` under "${parent.title}"` : ''}, required by the ${config.profile.name} profile.`,
      range: anchor,
    }));
  },
};
