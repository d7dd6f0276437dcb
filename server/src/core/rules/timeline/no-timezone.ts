import { entryLineRange } from '../../report/timeline/sort.js';
import type { ReportRule } from '../rule.js';

/**
 * The timeline's times have no zone. One finding per report: on the Timeline heading when no
 * entry names a zone, or on the first zone-less entry when some entries name one (a zone
 * written on an entry carries to the entries after it, so only earlier entries lack one).
 */
export const noTimezone: ReportRule = {
  meta: {
    id: 'timeline/no-timezone',
    defaultSeverity: 'warning',
    description: 'The timeline declares no time zone and some of its times have none.',
    tags: ['timeline'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const { section, declaredZone, entries } = report.timeline;
    if (!section || declaredZone) return [];
    const timed = entries.filter((e) => e.hasTime);
    const first = timed.find((e) => e.zone === undefined);
    if (!first) return [];
    if (!timed.some((e) => e.zoneOnEntry)) {
      return [
        {
          message: 'The timeline does not say which time zone its times are in: declare it once under the heading ("All times in UTC.") or write it on each entry ("14:05 UTC").',
          range: section.headingRange,
        },
      ];
    }
    return [
      {
        message: 'This time has no zone and the timeline declares none: write the zone ("14:05 UTC") or declare it once under the heading ("All times in UTC.").',
        range: entryLineRange(report.lines, first),
      },
    ];
  },
};
