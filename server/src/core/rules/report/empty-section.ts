import { documentTitle, isEmptySection } from '../../report/sections.js';
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

/** Lines of `key: value`, the way a front-matter block reads when a Markdown parser takes it for a heading. */
const METADATA_LINES = /^(?:[ \t]*[\w][\w .'/-]{0,40}:[ \t]*\S[^\n]*(?:\n|$))+$/;

/**
 * The report's title followed directly by its date ("# Checkout outage" then "# 2024/03/02"), by
 * a field written as a heading ("## Date: March 9, 2024") or by a block of `key: value` lines that
 * the parser read as a heading: the title names the report,
 * what follows dates or describes it, and nothing is missing under it.
 */
function isTitleBeforeMeta(next: Section | undefined, index: number, text: string): boolean {
  return index === 0 && !!next && (isDateOnly(next.title) || isMetadataBlock(next, text) || FIELD_HEADING.test(next.title));
}

/** A block of `key: value` lines underlined by `---`: front matter to the reader, a heading to the parser. */
function isMetadataBlock(section: Section, text: string): boolean {
  const written = text.slice(section.heading.position?.start.offset ?? 0, section.heading.position?.end.offset ?? 0);
  const setext = written.replace(/\n[ \t]*(?:-+|=+)[ \t]*$/, '');
  return setext !== written && METADATA_LINES.test(setext.trim());
}

/**
 * A heading that carries its value after a label ("Owner: @sam", "Bugzilla Bug: 4521",
 * "Meeting: waived"): a field of the report's header, written as a heading, not a section.
 */
const FIELD_HEADING = /^[\p{L}][\p{L}\d .'/()-]{0,40}:\s*\S/u;

/** A heading that only labels the next one as the report's title ("# Title:" then "### Disk full"). */
const TITLE_LABEL = /^title\s*:?\s*$/i;

/** The heading is the title label, or the title under it. */
function isTitleLabel(sections: readonly Section[], i: number): boolean {
  return (TITLE_LABEL.test(sections[i].title) && i + 1 < sections.length) || (i > 0 && TITLE_LABEL.test(sections[i - 1].title));
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
    // The document title (the only level-1 heading, or the heading the report opens with when it
    // names no part: "# … Post-Mortem" over "# Incident Summary") is a title, not a section.
    const titles = report.sections.filter((s) => s.depth === 1);
    const title = documentTitle(report.sections, report.root);
    return report.sections
      .filter(
        (s, i) =>
          !(titles.length === 1 && s === titles[0]) &&
          s !== title &&
          isEmptySection(s) &&
          !isTimedEntry(s.title) &&
          !isDayDivider(s, report.sections[i + 1]) &&
          !isTitleBeforeMeta(report.sections[i + 1], i, report.text) &&
          !isMetadataBlock(s, report.text) &&
          !FIELD_HEADING.test(s.title) &&
          !isTitleLabel(report.sections, i),
      )
      .map((s) => ({ message: `Section "${s.title}" is empty.`, range: s.headingRange }));
  },
};
