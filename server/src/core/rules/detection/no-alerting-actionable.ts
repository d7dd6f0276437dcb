import { ALERTING_ACTIONABLE, readDetection } from '../../report/detection.js';
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
    const detection = readDetection(report.sections, config, report.text);
    if (!detection.section || !detection.byPeopleOnly) return [];
    if (report.actionables.items.some((item) => ALERTING_ACTIONABLE.test(item.text))) return [];
    return [
      {
        message: `Detection says people found this incident ("${detection.signals.human[0]}"), and no actionable is about alerting or monitoring: add one so that the systems catch it next time.`,
        range: detection.section.headingRange,
      },
    ];
  },
};
