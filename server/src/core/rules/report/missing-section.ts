import { missingSections, type MissingSection } from '../../report/section-insert.js';
import { sectionPresence, type Presence } from '../../report/section-presence.js';
import { findSections } from '../../report/sections.js';
import type { Report } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

/**
 * A group heading ("How'd we do?", "Conclusions") left out while some of its questions are there
 * as headings of their own: the group is there; only its required questions that are absent are
 * missing.
 */
function ungrouped(report: Report, has: Presence) {
  return (m: MissingSection): MissingSection[] => {
    const children = m.spec.children ?? [];
    if (m.parent || !children.some((child) => findSections(report.sections, child).length > 0)) return [m];
    return children.filter((child) => child.required !== false && !has(child)).map((child) => ({ spec: child }));
  };
}

/**
 * Required sections of the report's profile are absent. One finding per report names them all:
 * a report that follows its own variant of a template is told once, not once per section. A
 * section whose content the report gives elsewhere is not asked for (see `section-presence.ts`).
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
    const has = sectionPresence(report);
    const missing = missingSections(report, config.profile.sections, has).flatMap(ungrouped(report, has));
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
