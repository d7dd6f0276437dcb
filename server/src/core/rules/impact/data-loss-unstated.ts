import { findSectionByNames } from '../../report/sections.js';
import { plainText } from '../../markdown/prose.js';
import { statesDataLoss } from '../../report/impact-phrases.js';
import type { ReportRule } from '../rule.js';

const SUMMARY_NAMES = ['Summary', 'Overview', 'Incident summary'];

/** Neither the impact statement nor the summary says whether data was lost. */
export const impactDataLossUnstated: ReportRule = {
  meta: {
    id: 'impact/data-loss-unstated',
    defaultSeverity: 'info',
    description: 'Neither the impact statement nor the summary says whether data was lost.',
    tags: ['impact'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const impact = report.impact;
    // Without a statement, impact/missing has already said what matters.
    if (!impact || statesDataLoss(impact.text)) return [];
    const summary = findSectionByNames(report.sections, SUMMARY_NAMES);
    if (summary && statesDataLoss(plainText(summary.content))) return [];
    return [
      {
        message: 'The impact statement does not say whether data was lost: state it either way (e.g. "No data was lost.").',
        range: impact.range,
      },
    ];
  },
};
