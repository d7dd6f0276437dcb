import type { ReportRule } from '../rule.js';

/** Parts of the report that were not checked: the report is too large, or a section too complex. */
export const tooComplex: ReportRule = {
  meta: {
    id: 'report/too-complex',
    defaultSeverity: 'info',
    description: 'A section is too complex to check within its time budget (or the report is over the size limit); it was not checked, the rest was.',
    tags: ['structure'],
    target: 'report',
    fixable: 'none',
  },
  check({ report }) {
    const parts = report.unchecked ?? [];
    if (parts.length === 0) return [];
    const names = [...new Set(parts.map((p) => (p.section ? `section "${p.section}"` : 'the text before the first heading')))];
    const first = parts[0];
    const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return [
      {
        message:
          first.whole === true
            ? `This report was not checked: ${first.reason}.`
            : `Not checked in this version: ${listed} (${first.reason}). The rest of the report was checked; simplify the Markdown there, or raise the budget, to have it checked.`,
        range: first.range,
      },
    ];
  },
};
