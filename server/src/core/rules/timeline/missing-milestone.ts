import { parseIsoInstant } from '../../report/iso-date.js';
import { MILESTONE_HINTS } from '../../report/timeline/index.js';
import type { Milestone } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const REQUIRED: readonly Milestone[] = ['start', 'detected', 'resolved'];

/** No impact start, detection or resolution in the timeline or the front matter. */
export const missingMilestone: ReportRule = {
  meta: {
    id: 'timeline/missing-milestone',
    defaultSeverity: 'info',
    description: 'The impact start, the detection or the resolution cannot be found in the timeline or front matter.',
    tags: ['timeline', 'metrics'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const { section, entries } = report.timeline;
    if (!section) return [];
    const findings: RuleFinding[] = [];
    for (const milestone of REQUIRED) {
      const hint = MILESTONE_HINTS[milestone];
      if (entries.some((e) => e.milestones.includes(milestone))) continue;
      if (hint.field && parseIsoInstant(report.frontMatter?.data?.[hint.field])) continue;
      findings.push({
        message: `No ${hint.name} in the timeline or front matter: mark its entry with ${hint.marker} (or write "${hint.phrase}" as its own sentence), or set front matter \`${hint.field}\`.`,
        range: section.headingRange,
      });
    }
    return findings;
  },
};
