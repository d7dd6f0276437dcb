import { statesNoImpact } from '../../report/impact-phrases.js';
import { reportKind } from '../../report/report-kind.js';
import { MILESTONE_INFO } from '../../report/timeline/lexicon.js';
import type { Milestone } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const REQUIRED: readonly Milestone[] = ['start', 'detected', 'resolved'];

/**
 * No impact start, detection or resolution anywhere: no marker, no front matter field, no time or
 * metric stated in prose, and no entry whose words say it. A vulnerability report that says
 * nobody was affected, or a report whose impact statement says there was none, is not asked for
 * an impact start.
 */
export const missingMilestone: ReportRule = {
  meta: {
    id: 'timeline/missing-milestone',
    defaultSeverity: 'info',
    description: 'The impact start, the detection or the resolution cannot be found in the timeline, the front matter or the text.',
    tags: ['timeline', 'metrics'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const { section, milestones } = report.timeline;
    if (!section) return [];
    const findings: RuleFinding[] = [];
    // A vulnerability disclosed before anyone was harmed, or an impact statement that says there
    // was none ("Impact: None.", a near miss): no impact, so no impact start.
    const noImpact = reportKind(report) === 'disclosure' || (report.impact !== undefined && statesNoImpact(report.impact.text));
    for (const milestone of REQUIRED) {
      if (milestones[milestone] || (noImpact && milestone === 'start')) continue;
      const info = MILESTONE_INFO[milestone];
      findings.push({
        message: `No ${info.name} found in the timeline, the front matter or the text: mark its entry with ${info.marker} (or write "${info.phrase}" as its own sentence), or set front matter \`${info.fields[0]}\`.`,
        range: section.headingRange,
      });
    }
    return findings;
  },
};
