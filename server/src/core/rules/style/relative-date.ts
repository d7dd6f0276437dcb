import { scanProse } from '../../markdown/prose.js';
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
    return scanProse(report.root, report.text, RELATIVE, { token }).map((m) => ({
      message: `"${m.text}" is a relative date; an incident report is read long after it is written: give the date (e.g. 2020-05-19).`,
      range: report.lines.rangeOf(m.start, m.end),
    }));
  },
};
