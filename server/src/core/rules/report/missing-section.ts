import { flattenSpecs } from '../../config/profiles.js';
import { findSections } from '../../report/sections.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** A required section of the profile is absent. */
export const missingSection: ReportRule = {
  meta: {
    id: 'report/missing-section',
    defaultSeverity: 'warning',
    description: 'A section that the profile requires is missing.',
    tags: ['structure'],
    fixable: 'auto',
    target: 'report',
  },
  check({ report, config }) {
    const findings: RuleFinding[] = [];
    const anchor = report.sections.find((s) => s.depth === 1)?.headingRange ?? report.lines.lineRange(0);
    for (const { spec, parent } of flattenSpecs(config.profile.sections)) {
      if (!spec.required) continue;
      // The impact statement need not be a section; impact/missing reports it, once.
      if (spec.kind === 'impact') continue;
      if (findSections(report.sections, spec).length > 0) continue;
      // A missing parent is reported once, not once more for each of its children.
      if (parent && findSections(report.sections, parent).length === 0) continue;
      const where = parent ? ` under "${parent.title}"` : '';
      findings.push({
        message: `Missing section "${spec.title}"${where}, required by the ${config.profile.name} profile.`,
        range: anchor,
      });
    }
    return findings;
  },
};
