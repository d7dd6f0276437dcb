import { entryLineRange } from '../../report/timeline/sort.js';
import type { ReportRule } from '../rule.js';

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
        message: e.timeProblem
          ? e.timeProblem
          : 'This timeline entry has no time that can be read: start it with a time ("14:05", "2022-09-14 14:05 UTC") or a date ("2022-09-14").',
        range: e.timeProblem && e.timeRange ? e.timeRange : entryLineRange(report.lines, e),
      }));
  },
};
