import { isEmptySection } from '../../report/sections.js';
import { hasDate, hasTime, readLeadingToken } from '../../report/timeline/tokens.js';
import type { Section } from '../../report/types.js';
import type { ReportRule } from '../rule.js';

/** The heading is a date and nothing else ("2026-03-14", "Sat Mar 15"). */
function isDateOnly(title: string): boolean {
  const token = readLeadingToken(title);
  return !!token && hasDate(token) && !hasTime(token) && title.slice(token.end).trim() === '';
}

/** The heading starts with a time of day ("09:12 UTC - …"). */
function startsWithTime(title: string): boolean {
  const token = readLeadingToken(title);
  return !!token && hasTime(token);
}

/** A heading that is a timeline entry ("09:40 UTC - Consumers are restarted") needs no body. */
function isTimedEntry(title: string): boolean {
  const token = readLeadingToken(title);
  return !!token && hasTime(token) && title.slice(token.rest).trim() !== '';
}

/**
 * A date heading followed by time headings at its own level divides the timeline into days: it
 * is empty by design, the entries of that day are its siblings.
 */
function isDayDivider(section: Section, next: Section | undefined): boolean {
  return !!next && next.depth === section.depth && isDateOnly(section.title) && startsWithTime(next.title);
}

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
      .filter((s, i) => !(titles.length === 1 && s === titles[0]) && isEmptySection(s) && !isTimedEntry(s.title) && !isDayDivider(s, report.sections[i + 1]))
      .map((s) => ({ message: `Section "${s.title}" is empty.`, range: s.headingRange }));
  },
};
