import type { SectionSpec } from '../../config/profiles.js';
import { missingSections, type MissingSection } from '../../report/section-insert.js';
import { findSections } from '../../report/sections.js';
import type { Report } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** Words that give a cause: "caused by", "due to", "because", "the root cause", "triggered by". */
const CAUSE = /\b(?:root\s+causes?|(?:was|were|is|are)\s+caused|caused\s+by|due\s+to|because|the\s+cause|triggered\s+by|resulted\s+from|as\s+a\s+result\s+of)\b/i;

/**
 * What a careful reader finds without its heading: the cause told in the report's prose (outside
 * the timeline). Only when the profile was guessed from the headings.
 */
function toldElsewhere(report: Report, spec: SectionSpec, parent: SectionSpec | undefined): boolean {
  // A profile the user configured asks for its sections as written.
  if (parent || report.profile.source === 'configured') return false;
  if (spec.kind !== 'cause') return false;
  const timeline = report.timeline.section;
  const text = timeline ? report.text.slice(0, timeline.bodyStart) + report.text.slice(timeline.bodyEnd) : report.text;
  return CAUSE.test(text);
}

/**
 * A group heading ("How'd we do?", "Conclusions") left out while some of its questions are there
 * as headings of their own: the group is there; only its required questions that are absent are
 * missing.
 */
function ungrouped(report: Report) {
  return (m: MissingSection): MissingSection[] => {
    const children = m.spec.children ?? [];
    if (m.parent || !children.some((child) => findSections(report.sections, child).length > 0)) return [m];
    return children.filter((child) => child.required !== false && findSections(report.sections, child).length === 0).map((child) => ({ spec: child }));
  };
}

/**
 * Required sections of the report's profile are absent. One finding per report names them all:
 * a report that follows its own variant of a template is told once, not once per section. A
 * section whose content the report gives elsewhere is not asked for (see {@link toldElsewhere}).
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
    const missing = missingSections(report, config.profile.sections)
      .flatMap(ungrouped(report))
      .filter(({ spec, parent }) => !toldElsewhere(report, spec, parent));
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
