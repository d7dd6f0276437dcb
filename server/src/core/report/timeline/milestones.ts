/**
 * Milestones of a timeline entry: explicit markers (`[start]`, `[detected]`, `[mitigated]`,
 * `[resolved]`) anywhere in the entry, or a milestone phrase that stands on its own: as a whole
 * sentence or clause ("14:05 Outage begins."), as a label at the start ("Mitigated: rolled
 * back"), or as emphasis (`**Detected**`). A phrase inside a longer sentence ("the issue was
 * detected by a user") is narrative, not a milestone.
 */
import type { Milestone, MilestoneCue } from '../types.js';
import { impactGoesOn } from './impact-course.js';
import { MARKER_PATTERN as MARKER, MILESTONE_INFO, MILESTONE_LABEL_NOUNS as NOUN, MILESTONE_WORDS, MILESTONES, milestoneWords } from './lexicon.js';

const SUBJECT = '(?:the\\s+)?(?:issue|incident|outage|problem|impact|error|errors|degradation|disruption)';
const PHRASES: readonly [Milestone, RegExp][] = [
  [
    'start',
    new RegExp(
      `^(?:(?:the\\s+)?(?:impact|outage|incident|degradation|disruption|user\\s+impact)\\s+(?:starts|started|begins|began)|${NOUN.start})$`,
      'i',
    ),
  ],
  // A field's label names its milestone as a noun: "Time of Detection: 23:25", "Natural Resolution: 02:43".
  ['detected', new RegExp(`^(?:(?:${SUBJECT}\\s+)?detected|${NOUN.detected})$`, 'i')],
  ['mitigated', new RegExp(`^(?:(?:${SUBJECT}\\s+)?mitigated|${NOUN.mitigated})$`, 'i')],
  [
    'resolved',
    new RegExp(`^(?:(?:${SUBJECT}\\s+)?resolved|${NOUN.resolved}|${SUBJECT}\\s+fixed|(?:the\\s+)?(?:outage|impact|incident|user\\s+impact)\\s+(?:ends|ended|is\\s+over|over))$`, 'i'),
  ],
];

// Sentences end at . ! ? ; clauses at a dash between spaces or a table cell boundary.
// Applied after whitespace is collapsed to single spaces, which keeps the split linear.
const CLAUSE_BREAK = /(?<=[.!?;]) | [-\u2013\u2014]+ | ?\| ?/;
const TRIM = /^[\s*_`"'([]+|[\s*_`"')\].!?;:,]+$/g;

/** The text last split by {@link clausesOf}, and its clauses. */
let lastClauses: { text: string; clauses: readonly string[] } = { text: '', clauses: [''] };

/**
 * The clauses of an entry's text. A line break before a capital letter also ends a clause: entries
 * often put one sentence a line without a full stop ("… did not restart\nIncident resolved!"),
 * while a sentence wrapped in the source goes on in lower case.
 */
export function clausesOf(text: string): readonly string[] {
  // An entry's words are read by several readers in a row (phrases, words, words that the impact
  // goes on), each asking for the clauses of the same text: it is split once.
  if (text !== lastClauses.text) lastClauses = { text, clauses: text.split(/\n(?=[ \t]*[A-Z])/).flatMap((line) => line.replace(/\s+/g, ' ').split(CLAUSE_BREAK)) };
  return lastClauses.clauses;
}

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
  const clauses = clausesOf(rest);
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

const ORDER = MILESTONES;

/** How to mark a milestone, for messages (from the lexicon). */
export const MILESTONE_HINTS: Readonly<Record<Milestone, { name: string; marker: string; phrase: string; field?: string }>> = Object.fromEntries(
  MILESTONES.map((m) => [m, { name: MILESTONE_INFO[m].name, marker: MILESTONE_INFO[m].marker, phrase: MILESTONE_INFO[m].phrase, field: m === 'mitigated' ? undefined : MILESTONE_INFO[m].fields[0] }]),
) as Record<Milestone, { name: string; marker: string; phrase: string; field?: string }>;

/**
 * Every milestone an entry names, with how: explicit markers (`marker`), then the milestone
 * phrases of {@link findMilestones} and the words of the lexicon (`inferred`). One cue per
 * milestone, the most explicit one. A pure function of the entry's own text.
 * @param text the entry's whole plain text (markers are looked for everywhere)
 * @param rest the plain text after the entry's time token (words are looked for here)
 * @param emphasis the plain text of each bold or italic span of the entry
 */
export function findMilestoneCues(text: string, rest: string, emphasis: readonly string[]): MilestoneCue[] {
  const cues = new Map<Milestone, MilestoneCue>();
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const milestone = m[1].toLowerCase() as Milestone;
    if (!cues.has(milestone)) cues.set(milestone, { milestone, source: 'marker', words: m[0] });
  }
  const plain = rest.replace(MARKER, ' ');
  for (const milestone of findMilestones('', plain, emphasis)) {
    if (!cues.has(milestone)) cues.set(milestone, { milestone, source: 'inferred', words: plainWords(plain, emphasis, milestone) });
  }
  for (const clause of clausesOf(plain)) {
    for (const { milestone, words } of milestoneWords(clause)) {
      if (!cues.has(milestone)) cues.set(milestone, { milestone, source: 'inferred', words });
    }
  }
  return ORDER.filter((m) => cues.has(m)).map((m) => cues.get(m)!);
}

/**
 * The words of an entry that say the impact goes on ("the revert did not solve it", "hubs remain
 * inaccessible"), from the plain text after its time; a pure function of the entry's own text.
 */
export function findImpactGoesOn(rest: string): string | undefined {
  for (const clause of clausesOf(rest.replace(MARKER, ' '))) {
    const words = impactGoesOn(clause);
    if (words) return words;
  }
  return undefined;
}

/**
 * Any marker, phrase or word of the lexicon anywhere in the text, in any case: one pass built
 * from the same patterns, so that long imports can skip the entries that name no milestone.
 */
const ANY_CUE = new RegExp(
  // A phrase starts with a word, so a word boundary stands for its `^` (and lets the engine skip
  // most positions quickly).
  [MARKER.source, ...PHRASES.map(([, re]) => re.source.replace(/^\^/, '\\b').replace(/\$$/, '')), ...Object.values(MILESTONE_WORDS).flatMap((list) => list.map((re) => re.source))].join('|'),
  'i',
);

/**
 * False when {@link findMilestoneCues} would find nothing in `text` (true may still find
 * nothing: negations and clause limits are only checked there).
 */
export function mayNameMilestone(text: string): boolean {
  return ANY_CUE.test(text);
}

/** The short phrase that made {@link findMilestones} see `milestone`, for display. */
function plainWords(rest: string, emphasis: readonly string[], milestone: Milestone): string {
  for (const span of emphasis) if (phraseMilestone(span) === milestone) return span.trim();
  for (const clause of clausesOf(rest)) {
    if (phraseMilestone(clause) === milestone) return clause.replace(TRIM, '');
    const label = /^([^:]{1,40}):\s/.exec(clause.trimStart());
    if (label && phraseMilestone(label[1]) === milestone) return label[1];
  }
  return MILESTONE_INFO[milestone].phrase;
}
