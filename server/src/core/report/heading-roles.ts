/**
 * What a heading of a postmortem is about, read from its words alone: the role lexicon shared by
 * report detection (is this file a postmortem?), the built-in profiles (which names a section goes
 * by) and profile detection. Authors add notes to section names ("Timeline (all times PST)
 * 10/14 – 11/03", "Incident Timeline", "Root cause(s)"); {@link coreTitle} removes them, so the
 * name is compared, not the note.
 */

/** Lower-cases, drops emphasis marks, trailing punctuation, numbering and surrounding space. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`]/g, '')
    // An anchor a site generator wrote into the heading (`Description <a id="description"></a>`).
    .replace(/<\/?[a-z][^<>]*>/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    // "Timeline (all times UTC)": a note in parentheses after the name is not part of it.
    .replace(/\s+\([^()]*\)\s*$/, '')
    .replace(/[\s?:.!]+$/g, '')
    .replace(/^[\s\d.)]+(?=[a-z])/, '')
    .trim();
}

/** The part a section plays in a postmortem. */
export type SectionRole = 'summary' | 'impact' | 'timeline' | 'detection' | 'cause' | 'resolution' | 'lessons' | 'actionables';

/**
 * The names each role goes by, normalized ({@link normalizeTitle}) and without notes. The first
 * name of each list is the one used in messages.
 */
export const ROLE_NAMES: Record<SectionRole, readonly string[]> = {
  summary: ['summary', 'overview', 'issue summary', 'executive summary', 'tl;dr', 'tldr', 'description', 'incident description'],
  impact: ['impact', 'impact statement', 'user impact', 'customer impact', 'business impact', 'impact and scope', 'who was affected', 'fallout'],
  timeline: ['timeline', 'timeline of events', 'chronology', 'sequence of events', 'detailed timeline', 'timeline summary', 'events'],
  detection: ['detection', 'how was it detected', 'detection and monitoring', 'how we found out'],
  cause: [
    'root cause',
    'root causes',
    'causes',
    'cause',
    'root cause analysis',
    'contributing factors',
    'contributing factor',
    'identified cause',
    'why did it happen',
    'how did it happen',
    'technical details',
    'fault',
  ],
  resolution: ['resolution', 'resolution and recovery', 'recovery', 'mitigation', 'mitigation and resolution', 'remediation and recovery', 'fix'],
  lessons: [
    'lessons learned',
    'lessons learnt',
    'lessons',
    'lessons learned and future improvements',
    'conclusions',
    'conclusion',
    'what went well',
    'what went wrong',
    'what went poorly',
    'where we got lucky',
    'where did we get lucky',
    'retrospective',
    'insights',
    'takeaways',
    'key takeaways',
    "how'd we do",
  ],
  actionables: [
    'actionables',
    'action items',
    'action item',
    'follow-ups',
    'follow ups',
    'followups',
    'follow-up improvements',
    'follow-up items',
    'follow-up tasks',
    'follow-up work',
    'follow-up actions',
    'corrective actions',
    'corrective and preventative measures',
    'corrective and preventative measure',
    'corrective and preventive measures',
    'preventive measures',
    'preventative measures',
    'proactive measures',
    'remediation',
    'action plan',
    'next steps',
    'how are we preventing it from happening again',
    'future improvements',
    'how are we going to do better in the future',
    'how will we prevent this from happening again',
  ],
};

const ROLE_BY_NAME = new Map<string, SectionRole>(
  (Object.entries(ROLE_NAMES) as [SectionRole, readonly string[]][]).flatMap(([role, names]) => names.map((n) => [n, role] as const)),
);

/** Words that name the incident before a section name: "Incident Timeline", "Our impact". */
const LEADING = /^(?:(?:the|our|incident|outage|issue|event|full|brief|short|detailed|overall|final)\s+)+(?=[a-z])/;

/** Where a note starts after the name: a parenthesis, a colon, a dash between words, a sentence end, a date. */
const NOTE = /\s*(?:\(|\[|:|\s[-\u2013\u2014]\s|[.;,]\s|\s(?=\d)|\s(?:for|on|in|of the|from|as of|all times)\s).*$/;

/**
 * A heading's name without the notes authors add: "timeline (all times pst) 10/14/2022 - …" →
 * "timeline", "incident impact" → "impact", "root cause(s)" → "root cause", "lessons learned
 * (internal)" → "lessons learned". Input and output are normalized titles.
 */
export function coreTitle(normalized: string): string {
  let core = normalized.replace(/\(s\)/g, '').replace(/[\u2018\u2019]/g, "'");
  const withoutLeading = core.replace(LEADING, '');
  if (withoutLeading) core = withoutLeading;
  if (ROLE_BY_NAME.has(core)) return core;
  const cut = core.replace(NOTE, '').trim();
  return cut || core;
}

/**
 * The head words of a section that tells the fix: "Solution", "Details of Fix", "Fix implemented",
 * "Solving (temporarily)", "Workaround", "Repairing the index". A regex source, shared by the
 * resolution role, the reading of a fix section's items (`actionables.ts`) and the story headings
 * of report detection (`report-signals.ts`).
 */
export const FIX_WORDS = String.raw`fix(?:es|ed)?|solutions?|solv(?:ed|ing)|workarounds?|repair(?:s|ed|ing)?`;

/**
 * Of {@link FIX_WORDS}, the nouns that name the fix as a list of work ("Solution", "Details of
 * Fix", "Fixes"): a section so named holds items, done or left; "Solving (temporarily)" or
 * "Workaround" tells a story.
 */
export const FIX_NOUNS = String.raw`fix(?:es)?|solutions?`;

/**
 * Of the actionables' head words, those that name a list of work still to do ("Open follow-ups",
 * "Recommendations", "Suggested corrective actions", "TODO"), not a topic the work is about
 * ("Prevention", "Client improvements"): a section so named is read for its items when the
 * profile names no actionables section (`actionables.ts`).
 */
export const WORK_LEFT = String.raw`action items?|actionables?|follow[- ]?ups?|next steps?|corrective|remediations?|remedial|recommendations?|to-?dos?`;

/** A title whose head words name a list of work still to do ({@link WORK_LEFT}). */
export const NAMES_WORK_LEFT = new RegExp(String.raw`\b(?:${WORK_LEFT})(?![\w-])`);

/**
 * Head words and question forms of each role, for the names no list can hold: "Yearn Response
 * Timeline", "Symptoms", "Why did it happen?", "Details of Fix", "Solving (temporarily)". Tried in
 * this order, so that a title naming two roles gets the one that decides what it holds ("Alerting
 * improvements" lists actions, "Response Timeline" is a timeline, "Why was this hard to detect?"
 * is about detection). A word joined to another by a hyphen is not a head word ("Timeline-based
 * billing").
 */
const ROLE_PATTERNS: readonly [SectionRole, RegExp][] = [
  ['timeline', /\b(?:timeline|time line|chronology|sequence of events|order of events|log of events)(?![\w-])/],
  ['actionables', new RegExp(String.raw`\b(?:${WORK_LEFT}|preventi(?:ve|ative)|prevention|proactive (?:measures|steps|actions|work)|(?:future|planned|further|resulting|recommended) (?:works?|plans?|improvements?|changes|actions?|measures|steps)|long[- ]term (?:solutions?|fix(?:es)?|plans?|changes)|improvements|(?:prevent|avoid) (?:it|this|that|recurrence)|going forward|looking (?:forward|ahead))(?![\w-])`)],
  ['lessons', /\b(?:lessons?|learn(?:ed|t|ings?)|takeaways?|retrospective|went (?:well|wrong|poorly|badly)|(?:got|get) lucky|conclusions?)(?![\w-])/],
  ['detection', /\b(?:detect(?:ion|ed)?|discover(?:y|ed)|alerts?|alerting|how (?:was it|we|it was) (?:found|noticed|spotted))(?![\w-])/],
  ['impact', /\b(?:impact(?:s|ed)?|symptoms?|effects?|consequences?|fallout|risks? and hazards?|hazards?|(?:who|what)\s+(?:was|were|is|are|got)\s+affected|affected\s+(?:users|customers|services|systems|parties)|blast radius|user[- ]facing|customer[- ]facing)(?![\w-])/],
  [
    'cause',
    /\b(?:causes?|caused|why|root of (?:the )?(?:issue|problem|incident|outage|failure)|analysis|diagnosis|investigation|contributing|fault|technical (?:details?|cause)|details of (?:the )?(?:incident|vulnerability|issue|bug|problem|exploit|attack|failure|outage))(?![\w-])/,
  ],
  ['resolution', new RegExp(String.raw`\b(?:resolution|resolv(?:ed|ing)|recovery|recover(?:ed|ing)|mitigation|mitigat(?:ed|ing)|${FIX_WORDS}|what (?:was|we) did|what was done)(?![\w-])`)],
  ['summary', /\b(?:summary|overview|tl;?dr|synopsis|abstract|description|what happen(?:ed|s)|problem|introduction|background|(?:incident )?details)(?![\w-])/],
];

/** Longer titles are sentences (a timeline entry, a question of a template), not section names. */
const MAX_PATTERN_WORDS = 7;

/**
 * The role of a heading by its name alone ({@link ROLE_NAMES}, notes aside); undefined when it is
 * none of the known names. Strict, for deciding whether a file is a postmortem at all, where a
 * README's "Problem" or "Solution" must not count.
 */
export function headingRole(title: string): SectionRole | undefined {
  const normalized = normalizeTitle(title);
  return ROLE_BY_NAME.get(normalized) ?? ROLE_BY_NAME.get(coreTitle(normalized));
}

/**
 * The role a section of a report plays, read as a careful reader does: its name
 * ({@link headingRole}), else the head words and question forms of {@link ROLE_PATTERNS} in a
 * short title that is not a time or a date ("14:05 - alerts fire" is a timeline entry).
 */
export function sectionRole(title: string): SectionRole | undefined {
  return headingRole(title) ?? patternRole(normalizeTitle(title));
}

/** The role a short heading plays by its head words alone ({@link sectionRole} without the names), from its normalized title. */
export function patternRole(normalized: string): SectionRole | undefined {
  if (/^\d|\d:\d\d/.test(normalized) || normalized.split(' ').length > MAX_PATTERN_WORDS) return undefined;
  return ROLE_PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0];
}
