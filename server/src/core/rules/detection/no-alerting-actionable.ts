import { ALERTING_ACTIONABLE, readDetectionOf } from '../../report/detection.js';
import { entryLineRange } from '../../report/timeline/sort.js';
import type { ReportRule } from '../rule.js';

/** People found the incident, and nothing in the actionables will let the systems find it next time. */
export const noAlertingActionable: ReportRule = {
  meta: {
    id: 'detection/no-alerting-actionable',
    defaultSeverity: 'info',
    description: 'The incident was found by people only, and no actionable is about alerting or monitoring.',
    tags: ['detection', 'actionables'],
    fixable: 'none',
    target: 'report',
  },
  check({ report, config }) {
    const detection = readDetectionOf(report, config);
    if (!detection.byPeopleOnly) return [];
    if (report.actionables.items.some((item) => ALERTING_ACTIONABLE.test(item.text))) return [];
    const where = detection.section ? 'Detection says' : 'The timeline says';
    const range = detection.section ? detection.section.headingRange : entryLineRange(report.lines, detection.entry!);
    return [
      {
        message: `${where} people found this incident ("${detection.signals.human[0]}"), and no actionable is about alerting or monitoring: add one so that the systems catch it next time.`,
        range,
      },
    ];
  },
};
