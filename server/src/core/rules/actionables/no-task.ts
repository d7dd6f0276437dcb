import type { ReportRule } from '../rule.js';

/** An actionable that no tracker task follows. */
export const noTask: ReportRule = {
  meta: {
    id: 'actionables/no-task',
    defaultSeverity: 'warning',
    description: 'An actionable has no tracker reference (T123456, phab:T123, #123, PROJ-123 or a URL).',
    tags: ['actionables'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    return report.actionables.items
      .filter((item) => item.tasks.length === 0 && item.done !== true)
      .map((item) => ({
        message: 'Actionable has no task: link the tracker task that follows it (T123456, PROJ-123, #123 or a URL).',
        range: item.range,
      }));
  },
};
