/**
 * Milestones of a timeline entry: explicit markers (`[start]`, `[detected]`, `[mitigated]`,
 * `[resolved]`) anywhere in the entry, or a milestone phrase that stands on its own: as a whole
 * sentence or clause ("14:05 Outage begins."), as a label at the start ("Mitigated: rolled
 * back"), or as emphasis (`**Detected**`). A phrase inside a longer sentence ("the issue was
 * detected by a user") is narrative, not a milestone.
 */
import type { Milestone } from '../types.js';

const MARKER = /\[(start|detected|mitigated|resolved)\]/gi;

const SUBJECT = '(?:the\\s+)?(?:issue|incident|outage|problem|impact|error|errors|degradation|disruption)';
const PHRASES: readonly [Milestone, RegExp][] = [
  [
    'start',
    new RegExp(
      `^(?:(?:the\\s+)?(?:impact|outage|incident|degradation|disruption|user\\s+impact)\\s+(?:starts|started|begins|began)|start\\s+of\\s+(?:the\\s+)?(?:impact|outage|incident)|impact\\s+start)$`,
      'i',
    ),
  ],
  ['detected', new RegExp(`^(?:${SUBJECT}\\s+)?detected$`, 'i')],
  ['mitigated', new RegExp(`^(?:${SUBJECT}\\s+)?mitigated$`, 'i')],
  [
    'resolved',
    new RegExp(`^(?:(?:${SUBJECT}\\s+)?resolved|${SUBJECT}\\s+fixed|(?:the\\s+)?(?:outage|impact|incident|user\\s+impact)\\s+(?:ends|ended|is\\s+over|over))$`, 'i'),
  ],
];

// Sentences end at . ! ? ; clauses at a dash between spaces or a table cell boundary.
// Applied after whitespace is collapsed to single spaces, which keeps the split linear.
const CLAUSE_BREAK = /(?<=[.!?;]) | [-\u2013\u2014]+ | ?\| ?/;
const TRIM = /^[\s*_`"'([]+|[\s*_`"')\].!?;:,]+$/g;

function phraseMilestone(text: string): Milestone | undefined {
  // Phrases are short; checking the length first also keeps TRIM's `+$` off long inputs.
  if (text.length > 80) return undefined;
  const clean = text.replace(TRIM, '').replace(/\s+/g, ' ');
  if (clean.length === 0 || clean.length > 40) return undefined;
  for (const [milestone, re] of PHRASES) if (re.test(clean)) return milestone;
  return undefined;
}

/**
 * The milestones of an entry.
 * @param text the entry's whole plain text (markers are looked for everywhere)
 * @param rest the plain text after the entry's time token (phrases are looked for here)
 * @param emphasis the plain text of each bold or italic span of the entry
 */
export function findMilestones(text: string, rest: string, emphasis: readonly string[]): Milestone[] {
  const found = new Set<Milestone>();
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) found.add(m[1].toLowerCase() as Milestone);
  const clauses = rest.replace(/\s+/g, ' ').split(CLAUSE_BREAK);
  clauses.forEach((clause, i) => {
    const whole = phraseMilestone(clause);
    if (whole) found.add(whole);
    else if (i === 0) {
      const label = /^([^:]{1,40}):\s/.exec(clause.slice(0, 60).trimStart().replace(/^[*_`"'([]+/, ''));
      const labelled = label && phraseMilestone(label[1]);
      if (labelled) found.add(labelled);
    }
  });
  for (const span of emphasis) {
    const m = phraseMilestone(span);
    if (m) found.add(m);
  }
  return ORDER.filter((m) => found.has(m));
}

const ORDER: readonly Milestone[] = ['start', 'detected', 'mitigated', 'resolved'];

/** How to mark a milestone, for messages. */
export const MILESTONE_HINTS: Readonly<Record<Milestone, { name: string; marker: string; phrase: string; field?: string }>> = {
  start: { name: 'impact start', marker: '[start]', phrase: 'Impact starts.', field: 'start' },
  detected: { name: 'detection', marker: '[detected]', phrase: 'Detected.', field: 'detected' },
  mitigated: { name: 'mitigation', marker: '[mitigated]', phrase: 'Mitigated.' },
  resolved: { name: 'resolution', marker: '[resolved]', phrase: 'Resolved.', field: 'end' },
};
