import { entryLineRange } from '../../report/timeline/sort.js';
import { clockTimeInText } from '../../report/timeline/tokens.js';
import type { TimelineEntry } from '../../report/types.js';
import type { ReportRule } from '../rule.js';

/** What is missing from an entry a reader cannot place in time, and how to give it. */
function missing(entry: TimelineEntry): string {
  const inText = clockTimeInText(entry.text);
  if (inText) {
    return `This entry's time is not at its start: "${inText}" stands inside its words, where it may be any time the story mentions. Start the entry with its time ("${inText} …").`;
  }
  return 'This entry has no time and nothing gives it one: start it with its time ("14:05", "2022-09-14 14:05 UTC"); if the time is not known, start it with its date ("2022-09-14"), or write "unknown" in its place under the heading of its day.';
}

/** A timeline entry that starts with no readable time or date. */
export const unparseableTime: ReportRule = {
  meta: {
    id: 'timeline/unparseable-time',
    defaultSeverity: 'warning',
    description: 'A timeline entry does not start with a time or date that can be read.',
    tags: ['timeline'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    return report.timeline.entries
      .filter((e) => (!e.hasTime && !e.dateOnly) || e.timeProblem)
      .map((e) => ({
        message: e.timeProblem ?? missing(e),
        range: e.timeProblem && e.timeRange ? e.timeRange : entryLineRange(report.lines, e),
      }));
  },
};
