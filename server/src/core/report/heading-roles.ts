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
  impact: ['impact', 'impact statement', 'user impact', 'customer impact', 'business impact', 'impact and scope', 'who was affected'],
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
    'remediation',
    'action plan',
    'next steps',
    'how are we preventing it from happening again',
    'future improvements',
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

/** The role of a heading, by its words; undefined when it is none of the known ones. */
export function headingRole(title: string): SectionRole | undefined {
  const normalized = normalizeTitle(title);
  return ROLE_BY_NAME.get(normalized) ?? ROLE_BY_NAME.get(coreTitle(normalized));
}
