/**
 * What kind of event a report tells: an incident (something went wrong for someone, over a window
 * of time), or a vulnerability disclosure (a flaw found, reported and fixed before anyone was
 * harmed), which has no impact window: no impact start to mark, no impact duration to state.
 *
 * A report is a disclosure when its title, its opening or its summary (the first section that
 * tells the story) both
 * - speak of a flaw found or reported: "vulnerability", "security researcher", "bug bounty",
 *   "whitehat", "responsible disclosure", "disclosed a bug", a CVE number, a bounty platform; and
 * - say that nobody was harmed, or speak of the harm only as a possibility: "funds are safe",
 *   "no losses", "no user funds were at risk", "was never exploited", "could have", "would only
 *   have been possible", "potential impact".
 * A report whose summary tells of a flaw that did harm ("an exploit drained the pool") is an
 * incident.
 */
import { toString } from 'mdast-util-to-string';
import { sectionRole } from './heading-roles.js';
import { openingNodes } from './sections.js';
import type { Report } from './types.js';

/** The kind of event a report tells (see the module comment). */
export type ReportKind = 'incident' | 'disclosure';

const FLAW =
  /\b(?:vulnerabilit(?:y|ies)|security\s+(?:researchers?|issue|flaw|bug|report)|(?:bug\s+)?bounty|white\s?hat|responsibl[ey]\s+disclos\w*|disclosed\s+(?:a|the|an)\s+(?:\w+\s+)?(?:bug|flaw|issue|vulnerability)|CVE-\d{4}-\d+|immunefi|hackerone)\b/i;

const UNHARMED =
  /\b(?:funds\s+(?:are|were|remain(?:ed)?)\s+safe|no\s+(?:\w+\s+)?losses|no\s+loss\s+of\s+funds|no\s+impact\s+on\s+users|(?:nobody|no\s+one)\s+was\s+(?:affected|impacted)|no\s+(?:user\s+|customer\s+)?(?:funds|data|users?|customers?|assets)\s+(?:were|was|are|is)\s+(?:ever\s+)?(?:lost|affected|impacted|harmed|at\s+risk|exposed|stolen|drained)|(?:was|were)\s+(?:never|not)\s+exploited|no\s+(?:known\s+)?exploitation|before\s+(?:it|anyone|any\w*)\s+(?:could\s+be|was)\s+exploited|could\s+(?:have|cause|allow|lead)|would\s+(?:only\s+)?have\s+been|potential(?:ly)?\s+(?:impact|loss|affect)|if\s+exploited)\b/i;

const kinds = new WeakMap<Report, ReportKind>();

/** The kind of event `report` tells, read once per version of the report. */
export function reportKind(report: Report): ReportKind {
  let kind = kinds.get(report);
  if (!kind) kinds.set(report, (kind = readKind(report)));
  return kind;
}

function readKind(report: Report): ReportKind {
  const story = storyText(report);
  return FLAW.test(story) && UNHARMED.test(story) ? 'disclosure' : 'incident';
}

/** The title, the opening paragraphs and the first section that tells the story, as plain text. */
function storyText(report: Report): string {
  const { sections, root } = report;
  const summary = sections.find((s) => sectionRole(s.title) === 'summary');
  const parts = [report.title ?? sections[0]?.title ?? ''];
  for (const node of openingNodes(sections, root, report.text.length)) parts.push(toString(node));
  if (summary) parts.push(...summary.content.map((n) => toString(n)));
  return parts.join('\n');
}
