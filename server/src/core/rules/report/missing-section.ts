import { missingSections } from '../../report/section-insert.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

/**
 * Required sections of the report's profile are absent. One finding per report names them all:
 * a report that follows its own variant of a template is told once, not once per section.
 */
export const missingSection: ReportRule = {
  meta: {
    id: 'report/missing-section',
    defaultSeverity: 'warning',
    description: 'Sections that the report’s profile requires are missing (one finding per report names them all).',
    tags: ['structure'],
    fixable: 'auto',
    target: 'report',
  },
  check({ report, config }) {
    // A missing parent is listed once, not once more per child; the impact statement is left to impact/missing.
    const missing = missingSections(report, config.profile.sections);
    if (missing.length === 0) return [];
    const anchor = report.sections.find((s) => s.depth === 1)?.headingRange ?? report.lines.lineRange(0);
    const names = missing.map(({ spec, parent }) => `"${spec.title}"${parent ? ` (under "${parent.title}")` : ''}`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const name = config.profile.name;
    const why =
      report.profile.source === 'configured'
        ? `required by the ${name} profile`
        : report.profile.source === 'detected'
          ? `required by the ${name} template, which this report follows`
          : `which every postmortem needs (${name} profile)`;
    const finding: RuleFinding = {
      message: `Missing section${names.length === 1 ? '' : 's'} ${list}, ${why}.`,
      range: anchor,
    };
    return [finding];
  },
};
