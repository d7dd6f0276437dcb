import { MILESTONE_INFO } from '../../report/timeline/lexicon.js';
import type { Milestone } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const REQUIRED: readonly Milestone[] = ['start', 'detected', 'resolved'];

/** A report of a vulnerability found before anyone used it: a researcher's report, a bounty. */
const VULNERABILITY = /\b(?:vulnerabilit(?:y|ies)|bug\s+bounty|bounty|security\s+researchers?|whitehats?|responsible(?:ly)?\s+disclos\w*|disclosed\s+a\s+(?:bug|flaw|vulnerability))\b/i;
/** The report saying nobody was affected: "funds are safe, there were no losses", "exploitation would only have been possible if …". */
const NO_IMPACT =
  /\b(?:no\s+(?:losses|loss\s+of\s+funds|user\s+funds\s+were\s+(?:lost|at\s+risk)|users?\s+(?:were|was)\s+(?:affected|impacted)|impact\s+on\s+users)|funds\s+(?:are|were)\s+safe|(?:was|were)\s+(?:never|not)\s+exploited|(?:nobody|no\s+one)\s+was\s+(?:affected|impacted)|(?:exploitation|an?\s+exploit|an?\s+attack)\s+would\s+(?:only\s+)?have\s+been\s+possible|potential\s+impact)\b/i;

/**
 * A vulnerability report that says nobody was affected had no impact, so there is no start to
 * ask for. A pure function of the report's text.
 */
export function vulnerabilityWithoutImpact(text: string): boolean {
  const head = text.slice(0, 20_000);
  return VULNERABILITY.test(head) && NO_IMPACT.test(head);
}

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
    for (const milestone of REQUIRED) {
      if (milestones[milestone]) continue;
      if (milestone === 'start' && vulnerabilityWithoutImpact(report.text)) continue;
      const info = MILESTONE_INFO[milestone];
      findings.push({
        message: `No ${info.name} found in the timeline, the front matter or the text: mark its entry with ${info.marker} (or write "${info.phrase}" as its own sentence), or set front matter \`${info.fields[0]}\`.`,
        range: section.headingRange,
      });
    }
    return findings;
  },
};
