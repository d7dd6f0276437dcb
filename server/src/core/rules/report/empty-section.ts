import { isEmptySection } from '../../report/sections.js';
import type { ReportRule } from '../rule.js';

/** A heading with nothing under it. */
export const emptySection: ReportRule = {
  meta: {
    id: 'report/empty-section',
    defaultSeverity: 'warning',
    description: 'A section has nothing under its heading (subsections with content count as content).',
    tags: ['structure'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    // The document title (the only level-1 heading) is a title, not a section.
    const titles = report.sections.filter((s) => s.depth === 1);
    return report.sections
      .filter((s) => !(titles.length === 1 && s === titles[0]) && isEmptySection(s))
      .map((s) => ({ message: `Section "${s.title}" is empty.`, range: s.headingRange }));
  },
};
