/**
 * The milestone lexicon: everything the project says about the four milestones of an incident,
 * in one place. Every consumer (the timeline reader, the rules, the metrics, the hovers, code
 * lenses, outline, completion and quick fixes, the exports and the CLI) takes names, markers,
 * front matter fields and words from here.
 *
 * The words are in `milestone-words.ts`; this module reads a clause with them: it skips what a
 * clause negates or hedges, and what only tells of a report arriving.
 *
 * An entry can also say that the impact **goes on** after something was tried ("the revert did not
 * solve it", "the issue persists"), or that it had begun well before the entry: those words are
 * in `impact-course.ts`. A mitigation word before such an entry was not the mitigation.
 *
 * A plan is not the act: "outlines a recovery plan" and "opens a PR to roll back" are no mitigation.
 *
 * A clause that negates, hedges, plans or tells of an earlier occurrence ("no alert fired",
 * "tried to roll back", "will revert", "appears to have recovered", "the first occurrence
 * resolved itself") says nothing happened now and is skipped. People coming "back up" and a
 * channel "closed" are not the service.
 */
import type { Metrics, Milestone } from '../types.js';
import { CONTAINMENT, MILESTONE_WORDS, NO_LONGER, REPORT_ARRIVES, REPORT_HEADLINE, TEST_STAGE, WORD_NEEDS as NEEDS } from './milestone-words.js';

export { CONTAINMENT, MILESTONE_WORDS };

/** The milestones in the order an incident goes through them. */
export const MILESTONES: readonly Milestone[] = ['start', 'detected', 'mitigated', 'resolved'];

/** How the project names, marks and measures one milestone. */
export interface MilestoneInfo {
  /** In a sentence: "No impact start in the timeline". */
  name: string;
  /** As a title: the outline, the hover. */
  title: string;
  /** The explicit marker an entry can carry. */
  marker: string;
  /** A sentence that marks it in plain words, for messages. */
  phrase: string;
  /** Front matter fields that give it, the canonical one first. */
  fields: readonly string[];
  /** The metric measured up to it from the impact start. */
  metric?: keyof Pick<Metrics, 'timeToDetectMinutes' | 'timeToMitigateMinutes' | 'timeToResolveMinutes'>;
  /** The metric's label: "Time to detect". */
  metricLabel?: string;
  /** Lower-case past participle for short texts: "detected 16:39". */
  verb: string;
}

export const MILESTONE_INFO: Readonly<Record<Milestone, MilestoneInfo>> = {
  start: { name: 'impact start', title: 'Impact start', marker: '[start]', phrase: 'Impact starts.', fields: ['start', 'started', 'start_time'], verb: 'impact start' },
  detected: {
    name: 'detection',
    title: 'Detected',
    marker: '[detected]',
    phrase: 'Detected.',
    fields: ['detected', 'detected_at'],
    metric: 'timeToDetectMinutes',
    metricLabel: 'Time to detect',
    verb: 'detected',
  },
  mitigated: {
    name: 'mitigation',
    title: 'Mitigated',
    marker: '[mitigated]',
    phrase: 'Mitigated.',
    fields: ['mitigated', 'mitigated_at'],
    metric: 'timeToMitigateMinutes',
    metricLabel: 'Time to mitigate',
    verb: 'mitigated',
  },
  resolved: {
    name: 'resolution',
    title: 'Resolved',
    marker: '[resolved]',
    phrase: 'Resolved.',
    fields: ['end', 'ended', 'end_time', 'resolved'],
    metric: 'timeToResolveMinutes',
    metricLabel: 'Time to resolve',
    verb: 'resolved',
  },
};

/** The explicit markers, `[start]` … `[resolved]`, in milestone order. */
export const MILESTONE_MARKERS: readonly string[] = MILESTONES.map((m) => MILESTONE_INFO[m].marker);

/**
 * The nouns a field's label names a milestone by, in a report's header ("Time of Detection: …")
 * and in a timeline written as labelled fields ("Incident start: …", "Natural resolution: …")
 * alike. Regular expression sources.
 */
export const MILESTONE_LABEL_NOUNS: Readonly<Record<Milestone, string>> = {
  start: String.raw`(?:impact|incident|outage)\s+start(?:ed)?|start\s+of\s+(?:the\s+)?(?:impact|outage|incident)`,
  detected: String.raw`(?:time\s+of\s+)?detection(?:\s+time)?`,
  mitigated: String.raw`mitigation(?:\s+time)?`,
  resolved: String.raw`(?:(?:full|final|natural)\s+)?resolution(?:\s+time)?`,
};

/** Matches any explicit marker; group 1 is the milestone. */
export const MARKER_PATTERN = /\[(start|detected|mitigated|resolved)\]/gi;


/** Words that say something did not happen, might happen, or only was tried. */
const NOT_HAPPENED =
  /\b(?:no|not|never|none|nobody|without|nor|cannot|unable|zero(?=\s+["'`\u201c]|\s+(?:[\w-]+\s+){0,2}(?:errors?|failures?|alerts?|5xxs?)\b)|(?:pr|pull\s+request|merge\s+request|cl)\s+to|fail(?:s|ed)?\s+to|tr(?:y|ies|ied|ying)\s+to|(?:designed|meant|intended|aim(?:s|ed|ing)?)\s+to|in\s+order\s+to|attempt(?:s|ed|ing)?(?:\s+to)?|previous(?:ly)?|first\s+occurrence|last\s+time|appears?\s+to|will|would|could|might|may|should|plan(?:s|ned)?\s+to|decide[sd]?\s+to|decision\s+(?:is\s+|was\s+)?(?:made\s+)?to|prepar(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|consider(?:s|ed|ing)?|think|thought|believes?|believed|suspects?|suspected|whether|if|until|partially|still|yet|seems?\s+to|hope)\b|n't\b/i;
/** Negative words that belong to a positive statement: "no more errors". */
const POSITIVE_NO = new RegExp(String.raw`\b(?:no\s+(?:more|further|new)\s+(?:errors?|failures?|alerts?|impact|timeouts?|action)|${NO_LONGER}|without\s+(?:any\s+)?(?:issues|problems|errors))\b`, 'gi');
/**
 * "Things seem to return to normal", "validators appear to be signing again": an author reporting
 * what they see now, not a guess about what happened ("appears to have recovered" stays a hedge).
 */
const SEEN_NOW = /\b(?:seems?|appears?)\s+to\s+(?=(?:return|be\s+back|be\s+working|work|recover)\b|be\s+\w+ing\s+again\b)/gi;
/** "Issue considered resolved", "deemed fixed": the author's verdict, not a doubt. */
const DEEMED = /\b(?:considered|deemed)\s+(?=(?:resolved|fixed|mitigated|over|closed|stable)\b)/gi;
/** "No new scans were scheduled": the negation is what the impact start says. */
const NOTHING_NEW = /\bno\s+(?:new|more|further)\s+(?=[\w-]+\s+(?:\w+\s+)?(?:scheduled|created|started|launched|provisioned|processed|served|delivered|accepted|built|published|produced)\b)/gi;
/** The positive uses of negative or hedging words, for each milestone. */
const NOT_A_DOUBT: Readonly<Record<Milestone, RegExp>> = { start: NOTHING_NEW, detected: /$^/, mitigated: SEEN_NOW, resolved: DEEMED };

/** How far before the words a negation still applies to them. */
const NEGATION_REACH = 40;

/**
 * Resolution words that mean something else: "resolved the DNS name", "closed the connection";
 * an audience told of the state ("the mailing list is notified of the outage, fixed status"), which
 * was reached before the telling.
 */
const FALSE_RESOLUTION = /\b(?:(?:notified|informed)\s+(?:of|about)\b|resolution\s+(?:message|notice|update|post|e-?mail|announcement)|(?:dns|name|host(?:name)?|identity|identifier|resource|did|address|domain|dependency|module|path|url)\s+resolution|resolution\s+(?:issues?|errors?|failures?|problems?|regressions?|bugs?)|resolution\s+of\s+(?:all\s+|the\s+|our\s+)?(?:[\w.-]+\s+){0,2}?(?:hostnames?|names?|dns|addresses|records|domains?)|resolved\s+(?:the\s+)?(?:dns|name|hostname|address|ip|dependency|dependencies|conflict|merge)|closed\s+(?:the\s+)?(?:connection|port|socket|file|pr|pull\s+request)|operational\s+(?:issue|problem|load|data))\b/i;

const blank = (p: string): string => ' '.repeat(p.length);

/**
 * The text a negation or hedge must not appear in: a few words before the match and the match
 * itself; of a long match ("alarms on the build queue, meant to warn us if …, fire") only its
 * opening and closing words, so that a clause inside it does not count.
 */
function negationWindow(text: string, at: number, length: number): string {
  // A link counts as one word; a comma ends what a negation before it reaches ("As we were
  // preparing the patch, the issue surfaced").
  const wide = text.slice(Math.max(0, at - 400), at).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, 'link');
  const before = wide.slice(Math.max(0, wide.length - NEGATION_REACH)).replace(/^[^]*,\s/, '');
  if (length <= 60) return before + text.slice(at, at + length);
  return `${before}${text.slice(at, at + 30)} ${text.slice(at + length - 25, at + length)}`;
}

/** The words of an entry that name a milestone, and which one. */
export interface MilestoneWords {
  milestone: Milestone;
  /** The words as written, whitespace collapsed: `alert fires`. */
  words: string;
}

/**
 * Per milestone, all its words as one pattern (or two: those that ignore case, and those that do
 * not). An alternation matches where one of its alternatives does, so a clause that neither
 * matches holds none of the milestone's words; most clauses name no milestone, and one scan for
 * all the words costs a fraction of one scan per pattern. The costliest patterns (those whose
 * subject can be any word, `NEEDS`) stay out of it and are tried only on a clause that holds the
 * verb they need: in the union they would be tried at every word of every clause.
 */
const ANY_WORDS: Readonly<Record<Milestone, { union: readonly RegExp[]; gated: readonly (readonly [RegExp, RegExp])[] }>> = Object.fromEntries(
  MILESTONES.map((m) => {
    const union = (list: readonly RegExp[], flags: string): RegExp[] => (list.length > 0 ? [new RegExp(list.map((re) => `(?:${re.source})`).join('|'), flags)] : []);
    const words = MILESTONE_WORDS[m].filter((re) => !NEEDS.has(re));
    const gated = MILESTONE_WORDS[m].flatMap((re) => (NEEDS.has(re) ? [[re, NEEDS.get(re)!] as const] : []));
    return [m, { union: [...union(words.filter((re) => re.flags.includes('i')), 'i'), ...union(words.filter((re) => !re.flags.includes('i')), '')], gated }];
  }),
) as Record<Milestone, { union: RegExp[]; gated: (readonly [RegExp, RegExp])[] }>;

/** Whether a clause may hold words of `milestone` (see {@link ANY_WORDS}). */
function mayName(milestone: Milestone, text: string): boolean {
  const { union, gated } = ANY_WORDS[milestone];
  return union.some((re) => re.test(text)) || gated.some(([re, need]) => need.test(text) && re.test(text));
}

/**
 * The milestones one clause of an entry names in plain words (see the module comment). Words
 * negated, hedged or planned (within a few words before them, or inside them) do not count.
 */
export function milestoneWords(clause: string): MilestoneWords[] {
  if (clause.length > 400) return [];
  const text = clause;
  const found: MilestoneWords[] = [];
  for (const milestone of MILESTONES) {
    if (!mayName(milestone, text)) continue;
    for (const re of MILESTONE_WORDS[milestone]) {
      if (NEEDS.get(re)?.test(text) === false) continue;
      const m = re.exec(text);
      if (!m) continue;
      const around = negationWindow(text, m.index, m[0].length)
        .replace(POSITIVE_NO, blank)
        .replace(NOT_A_DOUBT[milestone], blank);
      if (NOT_HAPPENED.test(around)) continue;
      if (milestone === 'resolved' && FALSE_RESOLUTION.test(text)) continue;
      if ((milestone === 'mitigated' || milestone === 'resolved') && TEST_STAGE.test(text)) continue;
      found.push({ milestone, words: clause.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' ').trim() });
      break;
    }
  }
  return found;
}

/**
 * "The issue was detected by our engineers", "wire.com being down was noticed by the team",
 * "reported issue in the chat", "a researcher submits a disclosure report": the entry tells only
 * that the problem was found or a report arrived, not what was seen then, so it says nothing of
 * when the impact began.
 */
const ONLY_DETECTION = new RegExp(
  [
    String.raw`\b(?:is|was|were|been|being)\s+(?:first\s+)?(?:detected|noticed|discovered|spotted|identified)\b`,
    String.raw`(?:^\W*|(?<=[\d)*_\]:]\s*)|\s[-\u2013\u2014]\s)(?:(?:someone|somebody|a\s+user|users?)\s+)?(?:reports?|reported|detected|noticed|flagged)\s+(?:an?\s+|the\s+)?(?:issue|problem|bug|incident)\b`,
    ...REPORT_ARRIVES,
    REPORT_HEADLINE,
    // A flaw reported by someone who found it: a disclosure tells of a bug, not of harm begun.
    String.raw`\bclaim(?:s|ed|ing)?\s+to\s+have\s+found\b|\b(?:found|discovered|reports?|reported|disclos(?:es|ed))\s+(?:an?\s+|the\s+)?(?:critical\s+|severe\s+|potential\s+)?(?:vulnerabilit(?:y|ies)|security\s+(?:issue|bug|flaw|hole))\b`,
  ].join('|'),
  'i',
);

/** The words of an entry that tell only that the problem was found (see {@link ONLY_DETECTION}). */
export function tellsOnlyDetection(text: string): string | undefined {
  if (text.length > 2000) return undefined;
  const m = ONLY_DETECTION.exec(text);
  return m ? m[0].trim() : undefined;
}

/**
 * Mitigation words that tell of something people did ("rolled back", "fix deployed", "failed
 * over"), not of the impact stopping by itself ("the cluster self-heals and returns to normal"):
 * nobody acts on a problem before it is detected, while a problem can heal before anyone notices.
 */
export const MITIGATION_ACTION = /\b(?:roll(?:s|ed)?\s+back|rollback|revert(?:s|ed)?|fail(?:s|ed)?\s+over|failover|deploy(?:s|ed)?|releas(?:es|ed)|shipped|rolled\s+out|hotfix|fix(?:es)?\b|patch(?:es|ed)?|workaround|restart(?:s|ed)?|redeploy(?:s|ed)?)/i;
