import type { Nodes, Root } from 'mdast';
import { scanProse } from '../../markdown/prose.js';
import { hasDate, readLeadingToken } from '../../report/timeline/tokens.js';
import type { ReportRule } from '../rule.js';

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const PERIOD = `(?:week|weekend|month|quarter|year|${DAY})`;

/**
 * Dates that only make sense on the day they were written. "the last week of May" names a
 * week, so `last <period> of` is left alone.
 */
const RELATIVE = new RegExp(
  [
    '\\b(?:the day (?:before|after) )?(?:yesterday|today|tomorrow|tonight)(?:[\'’]s)?\\b',
    '\\blast night\\b',
    `\\bthis (?:morning|afternoon|evening|${PERIOD})\\b`,
    `\\b(?:last|next) ${PERIOD}\\b(?!\\s+of\\b)`,
    '\\b(?:\\d+|a|an|one|two|three|four|five|six|a few|a couple of|several) (?:minutes?|hours?|days?|weeks?|months?|years?) ago\\b',
    '\\bearlier today\\b',
  ].join('|'),
  'gi',
);

/** Yesterday, last week, this morning: relative dates in a permanent record. */
export const relativeDate: ReportRule = {
  meta: {
    id: 'style/relative-date',
    defaultSeverity: 'info',
    description: 'A relative date (yesterday, today, last week, this morning …) that will mean nothing once the day has passed.',
    tags: ['style'],
    fixable: 'none',
    target: 'report',
  },
  scope: 'chunk',
  check({ report, token }) {
    const dated = datedBlocks(report.root, report.text);
    const verse = verseBlocks(report.root, report.text);
    return scanProse(report.root, report.text, RELATIVE, { token })
      // In an entry that starts with its date, "yesterday" is the day before that date.
      .filter((m) => !dated.some(([s, e]) => m.start >= s && m.end <= e))
      // A verse or somebody's quoted words speak of their own day, not the report's.
      .filter((m) => !verse.some(([s, e]) => m.start >= s && m.end <= e) && !quoted(report.text, m.start, m.end))
      .map((m) => ({
      message: `"${m.text}" is a relative date; an incident report is read long after it is written: give the date (e.g. 2020-05-19).`,
      range: report.lines.rangeOf(m.start, m.end),
    }));
  },
};

/**
 * Paragraphs, list items and table rows whose first line starts with a calendar date ("July 23
 * 4:10 AM", "2025-07-23 04:10 – …"), as [start, end) offsets.
 */
function datedBlocks(root: Root, text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'listItem' || node.type === 'tableRow') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const firstLine = text.slice(start, end).split('\n', 1)[0].replace(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\|\s*)?/, '');
      const token = readLeadingToken(firstLine);
      if (token && hasDate(token) && token.day !== undefined) {
        out.push([start, end]);
        return;
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

/** Lines of verse: short, each opening with a capital (or a quote), as poems are set. */
const VERSE_LINE = /^[ \t]*(?:>[ \t]*)?["'“‘(]?[A-Z][^\n]{0,74}$/;

/**
 * Paragraphs set as verse, as [start, end) offsets: two or more lines, every one short and opening
 * with a capital. Prose wrapped at a fixed width has lines that open in lower case.
 */
function verseBlocks(root: Root, text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const lines = text.slice(start, end).split('\n');
      if (lines.length >= 2 && lines.every((line) => VERSE_LINE.test(line.trimEnd()))) out.push([start, end]);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

/** True when `[start, end)` stands inside double quotation marks on its line: somebody's own words. */
function quoted(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const eol = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, eol < 0 ? text.length : eol);
  const opens = (before.match(/["“”]/g) ?? []).length;
  return opens % 2 === 1 && /["”]/.test(after);
}
