/**
 * The signs by which a careful reader tells an incident report from the other Markdown files of a
 * repository, each read cheaply from a title, a heading, a path or the opening words:
 * - a title (or file name) that names a failure ("Zammad down", "website outage", "Disk errors
 *   on the storage host"); the plainer failure words only count where the file is dated or lies
 *   in a folder of reports, since troubleshooting pages use them too;
 * - headings that tell an incident's story without playing a fixed section role ("What
 *   happened", "Symptoms", "Investigation", "Details of fix");
 * - a date in the file name or title, a folder of reports, entries that start with a time;
 * - opening prose that tells an incident: who was affected, why, how it was fixed, how it will
 *   not happen again.
 * {@link classifyMarkdown} in `is-report.ts` combines them.
 */
import { FIX_WORDS, normalizeTitle } from './heading-roles.js';
import { hasTime, readLeadingToken } from './timeline/tokens.js';
import { MONTH_NAME } from './timeline/date-tokens.js';

/**
 * Words that name a failure on their own: "Hex outage", "Login incident", "Kibana down because
 * of …", "Preprod crash", "openfoodfacts.net unreachable". "Down" counts after a thing that went
 * down, not in "shut down", "scale down", "top-down".
 */
const FAILURE_WORDS = new RegExp(
  [
    String.raw`\b(?:outages?|incidents?|downtime|disruptions?|degradation|degraded|breach(?:es)?|compromised?|failures?|crash(?:es|ed)?|unreachable|unavailable|unavailability|unresponsive|exploit(?:ed)?|hack(?:ed)?|data\s+loss)\b`,
    String.raw`\bnot\s+(?:running|responding|reachable|available|working|starting|loading)\b`,
    String.raw`(?<!\b(?:shut|shutting|slow|slowing|scale|scaled|scaling|step|stepped|wind|winding|cool|cooling|calm|turn|turned|break|count|tear|narrow|write|drill|drilled|top|lock|locked|hand|roll|rolled|cut|knock|let|put|set|tone|wear|track|water|trickle|up\s+and|pull|push|pulled|pushed|bring|brought|bringing|take|taking|took)[\s-])\bdown\b(?!\s*(?:time|load|stream|grade|scal|sampl|side|ward|-?to-?earth))`,
  ].join('|'),
  'i',
);

/**
 * Plainer words of trouble ("Problem with the NVMe controller", "Stalled sync", "Certificate
 * expired", "Dataset full", "Disk errors", "IP lost", "Chain halt"): a report says them, and so does a
 * troubleshooting page, so they count only with other signs that the file is one incident.
 */
const TROUBLE_WORDS =
  /\b(?:problems?|errors?|broken|stalled|stuck|halt(?:s|ed)?|expired|expiring|overload(?:ed)?|lost|leak(?:ed|s)?|corrupt(?:ed|ion)?|hung|frozen|slow(?:ness|down)?|(?:disk|disks|dataset|partition|volume|pool|filesystem|file system|storage|quota|inode|memory)\s+(?:is\s+|was\s+|got\s+)?full)\b/i;

/** Titles of notices about work planned ahead, which may name downtime but tell no incident. */
const PLANNED = /\b(?:planned|scheduled|upcoming|maintenance|announc\w*)\b/i;

/** How strongly a title (or a file name) names a failure: `failure`, `trouble` or none. */
export function failureNamed(title: string): 'failure' | 'trouble' | undefined {
  if (PLANNED.test(title)) return undefined;
  if (FAILURE_WORDS.test(title)) return 'failure';
  return TROUBLE_WORDS.test(title) ? 'trouble' : undefined;
}

/** A file's base name read as words: "2023-02-13-zammad-down" → "2023 02 13 zammad down". */
export function nameAsWords(base: string): string {
  return base.replace(/\.html?$/i, '').replace(/[-_.+]+/g, ' ');
}

/**
 * Headings that tell an incident's story, normalized ({@link normalizeTitle}), matched at the
 * start of the heading. None plays a fixed section role; together with other signs they show a
 * file is the account of one incident. `told` ones ("What happened", "Symptoms", "Details of
 * fix") belong to accounts of incidents; `generic` ones ("Problem", "Solution", "Analysis") also
 * head design documents and guides, so they need more signs.
 */
const TOLD_HEADING = new RegExp(
  '^(?:' +
    [
      String.raw`what\s+(?:happened|happens|went\s+on|was\s+done|we\s+did|did\s+we\s+do|broke)`,
      String.raw`why\s+(?:did\s+)?(?:it|this|that)\s+happen(?:s|ed)?`,
      String.raw`symptoms?`,
      String.raw`investigat(?:ion|ing)`,
      String.raw`diagnos(?:is|ing|e)`,
      String.raw`possible\s+causes?`,
      String.raw`details?\s+of\s+(?:the\s+)?(?:incident|vulnerability|issue|exploit|attack|bug|fix|outage)`,
      String.raw`(?:incident|vulnerability|exploit|attack|outage)\s+details`,
      String.raw`(?:potential|possible|actual)\s+impact`,
      String.raw`(?:are|is|were|was|who|what)\b.*\baffected$`,
      String.raw`(?:alert|trigger|escalation)$`,
    ].join('|') +
    ')',
  'i',
);
const GENERIC_HEADING = new RegExp(
  String.raw`^(?:(?:the\s+)?(?:problem|issue)(?:\s+description)?$|event$|analysis(?:\s+of\s+(?:the\s+)?(?:incident|issue|problem|outage|failure))?$|(?:the\s+)?(?:${FIX_WORDS})\b)`,
  'i',
);

/** Whether a heading tells part of an incident's story, and how plainly (see {@link TOLD_HEADING}). */
export function storyHeading(text: string): 'told' | 'generic' | undefined {
  return storyKind(normalizeTitle(text));
}

/** {@link storyHeading} of a title already normalized ({@link normalizeTitle}). */
export function storyKind(normalized: string): 'told' | 'generic' | undefined {
  if (TOLD_HEADING.test(normalized)) return 'told';
  return GENERIC_HEADING.test(normalized) ? 'generic' : undefined;
}

/** A date in a file name or title: `2021-06-22`, `2022-03`, `20210622`, `June 22, 2021`, `22 June 2021`, `March 2021`. */
const DATED = new RegExp(
  String.raw`(?:^|[^\d])(?:19|20)\d{2}(?:[-_./](?:0?[1-9]|1[0-2])(?:[-_./](?:0?[1-9]|[12]\d|3[01]))?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)|\b${MONTH_NAME}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME}\.?,?\s+(?:19|20)\d{2}\b|\b${MONTH_NAME}\.?,?\s+(?:19|20)\d{2}\b`,
  'i',
);

/** True when a file name or title carries a calendar date, or a month and its year ("March 2021"). */
export function isDated(text: string): boolean {
  return DATED.test(text);
}

/**
 * Folders whose files are reports when they read like one at all (a heading of a postmortem, a
 * title that names a failure): incident and postmortem folders, disclosures, outages, and a folder
 * whose name puts postmortems beside something else ("post-mortems-upgrades").
 */
const REPORT_FOLDER =
  /(?:^|\/)(?:(?:incidents?|incident[-_ ]?reports?|postmortems?|post[-_ ]mortems?|rcas?|retros|retrospectives|disclosures|incident[-_ ]disclosures|outages|security[-_ ]incidents)|(?:[^/]*[-_ ])?post[-_ ]?mortems(?:[-_ ][^/]*)?)\//i;

/** True when a path (relative, `/`-separated) lies in a folder of reports. */
export function inReportFolder(posixPath: string): boolean {
  return REPORT_FOLDER.test(posixPath);
}

/**
 * A record of a vulnerability rather than of an incident: a severity rating or credits section, or
 * a folder of vulnerabilities, advisories or audits. A weakness found and fixed is told with words
 * of trouble ("leaked", "broken access control") but is not an account of an outage.
 */
const VULNERABILITY_HEADING = /^(?:severity|cvss|cve|credits?|affected versions|bounty|reward)\b/i;
const VULNERABILITY_FOLDER = /(?:^|\/)(?:vulnerabilit(?:y|ies)|advisories|security[-_ ]advisories|cves?|audits?|bug[-_ ]?bount(?:y|ies))\//i;

/**
 * Help pages about failures in general ("When the database is down", "Troubleshooting",
 * "Known issues") and the folders that hold them (runbooks, playbooks, how-tos, guides): they name
 * failures and say how to resolve them, of no one occasion.
 */
const GUIDE_TITLE =
  /^(?:when|if|what to do|how|handling|dealing with|recovering from|responding to|troubleshoot\w*)\b|\b(?:troubleshooting|known (?:issues|problems)|faq|frequently asked)\b/i;
const GUIDE_FOLDER = /(?:^|\/)(?:runbooks?|playbooks?|how-?tos?|guides?|troubleshooting|kb|knowledge[-_ ]?base|faqs?)\//i;

/** True for a help page about failures in general (see {@link GUIDE_TITLE}). */
export function isGuide(posixPath: string, title: string): boolean {
  return GUIDE_TITLE.test(title.trim()) || GUIDE_FOLDER.test(posixPath);
}

/** True when a file reads as a vulnerability record (see {@link VULNERABILITY_HEADING}). */
export function isVulnerabilityRecord(posixPath: string, headings: readonly string[]): boolean {
  return VULNERABILITY_FOLDER.test(posixPath) || headings.some((h) => VULNERABILITY_HEADING.test(normalizeTitle(h)));
}

/** Where a fenced code block opens or closes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** List, quote and emphasis marks before an entry's time. */
const ENTRY_LEAD = /^\s{0,3}(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?/;

/**
 * How many lines start with a time of day (`- 14:05 …`, `**Sep 25, 2020, 12:24 (UTC)**: …`),
 * outside fenced code, stopping at `enough`: the entries of a timeline, wherever they stand.
 */
export function timedEntries(text: string, enough = 3): number {
  let count = 0;
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    // Cheap first look: only a line with a digit in its first characters can start with a time.
    if (line.length < 4 || /^ {4}|^\t/.test(line) || !/\d/.test(line.slice(0, 40))) continue;
    const lead = ENTRY_LEAD.exec(line)?.[0].length ?? 0;
    const token = readLeadingToken(line, lead);
    if (token && !token.problem && hasTime(token) && ++count >= enough) return count;
  }
  return count;
}

/**
 * What the opening prose of an incident account says, by kind: who or what was affected, why,
 * how it was put right, how it will not happen again. A notice, a guide or an announcement rarely
 * says two of these.
 */
const ACCOUNT_KINDS: readonly RegExp[] = [
  /\b(?:were|was|are|been)\s+(?:\w+\s+)?(?:affected|impacted|unavailable|unreachable|down|offline)\b|\b(?:users|customers)\s+(?:could\s+not|couldn't|were\s+unable)\b/i,
  /\b(?:root\s+cause|was\s+caused\s+by|were\s+caused\s+by|was\s+due\s+to|were\s+due\s+to|the\s+cause\s+(?:of|was))\b/i,
  /\b(?:was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:resolved|restored|mitigated|fixed|recovered|rolled\s+back)\b/i,
  /\b(?:to\s+prevent\s+(?:this|similar|such|a\s+recurrence|it)|(?:will|would)\s+not\s+happen\s+again|we\s+apologi[sz]e|in\s+the\s+future|going\s+forward|action\s+items|follow-ups?)\b/i,
];

/** How many kinds of incident account (see {@link ACCOUNT_KINDS}) the opening prose tells. */
export function accountKinds(opening: string): number {
  return ACCOUNT_KINDS.filter((kind) => kind.test(opening)).length;
}
