import { findSectionByNames } from '../../report/sections.js';
import { plainText } from '../../markdown/prose.js';
import { isReadOnlyOutage, isRefusedOutage, isShippingOnly, saysNoDataLost, statesDataLoss, statesNoImpact } from '../../report/impact-phrases.js';
import type { ReportRule } from '../rule.js';
import { summaryText } from './summary-text.js';

const SUMMARY_NAMES = ['Summary', 'Overview', 'Incident summary'];

/** Neither the impact statement nor the summary says whether data was lost. */
export const impactDataLossUnstated: ReportRule = {
  meta: {
    id: 'impact/data-loss-unstated',
    defaultSeverity: 'info',
    description: 'Neither the impact statement, the summary nor a plain sentence elsewhere says whether data was lost (not asked of a website, page or service that was only unreachable, nor of deploys held up).',
    tags: ['impact'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const impact = report.impact;
    // Without a statement, impact/missing has already said what matters.
    if (!impact || statesDataLoss(impact.text)) return [];
    // "Impact: none", a near miss: nothing was at stake.
    if (statesNoImpact(impact.text)) return [];
    const summary = findSectionByNames(report.sections, SUMMARY_NAMES);
    if (summary && statesDataLoss(plainText(summary.content))) return [];
    // The header and the sections that tell the story in short ("**Summary**: …", "What happened?").
    const story = summaryText(report);
    if (statesDataLoss(story)) return [];
    if (impact.section && statesDataLoss(plainText(impact.section.content))) return [];
    // "No data were lost." under another heading (Resolution, What went well) settles it too.
    if (saysNoDataLost(report.text)) return [];
    // A website or page that could not be reached, with nothing written or stored in the words of
    // the impact, lost nobody's data.
    if (isReadOnlyOutage(impact.text)) return [];
    // Nor did a service that refused every request: nothing was accepted that could be lost.
    if (isRefusedOutage(impact.text, story)) return [];
    // Nor did deploys or a release held up, with the service itself untouched.
    if (isShippingOnly(impact.text)) return [];
    return [
      {
        message: 'The impact statement does not say whether data was lost: state it either way (e.g. "No data was lost.").',
        range: impact.range,
      },
    ];
  },
};
