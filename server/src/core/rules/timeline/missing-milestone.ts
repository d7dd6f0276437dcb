import { reportKind } from '../../report/report-kind.js';
import { MILESTONE_INFO } from '../../report/timeline/lexicon.js';
import type { Milestone } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const REQUIRED: readonly Milestone[] = ['start', 'detected', 'resolved'];

/**
 * No impact start, detection or resolution anywhere: no marker, no front matter field, no time or
 * metric stated in prose, and no entry whose words say it. A vulnerability report that says
 * nobody was affected is not asked for an impact start.
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
    // A vulnerability disclosed before anyone was harmed had no impact, so no impact start.
    const disclosure = reportKind(report) === 'disclosure';
    for (const milestone of REQUIRED) {
      if (milestones[milestone] || (disclosure && milestone === 'start')) continue;
      const info = MILESTONE_INFO[milestone];
      findings.push({
        message: `No ${info.name} found in the timeline, the front matter or the text: mark its entry with ${info.marker} (or write "${info.phrase}" as its own sentence), or set front matter \`${info.fields[0]}\`.`,
        range: section.headingRange,
      });
    }
    return findings;
  },
};
