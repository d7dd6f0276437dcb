/**
 * How an incident was found, as its Detection section tells it: by people (a user report, someone
 * noticing) or by the systems (an alert, a page, monitoring).
 */
import type { ResolvedConfig } from '../config/config.js';
import { sectionOfKind } from './section-kind.js';
import type { Report, Section, TimelineEntry } from './types.js';

/** What the Detection section's words say. */
export interface DetectionSignals {
  /** Phrases that say people found it (a negated alert, "no alert fired", counts here). */
  human: string[];
  /** Phrases that say the systems found it. */
  automated: string[];
}

/**
 * Sentences about what might have been ("would have shown in monitoring") say nothing about how
 * the incident was actually found.
 */
const HYPOTHETICAL = /\b(?:would|could|might|may|should|must)(?:\s+not)?\s+have\b|\b(?:would|could|might|may|should|must)'ve\b|\bif (?:we|it|they|someone|anyone) had\b|\bhad (?:we|there been)\b/i;

const AUTOMATION = String.raw`(?:alerts?|alerting|alarms?|pages?|paged|paging|pagers?|monitoring|monitors?|icinga|alertmanager|pagerduty|notifications?)`;

/** "No alert fired", "without any page", "Icinga stayed silent": automation that did not find it. */
const NEGATED = [
  new RegExp(String.raw`\b(?:no|not|never|without|nor|zero|none of the)\b(?:\s+\w+){0,3}?\s+${AUTOMATION}(?:\s+(?:(?:or|and|nor)\s+)?${AUTOMATION})*\b`, 'gi'),
  new RegExp(String.raw`\b${AUTOMATION}(?:\s+\w+){0,3}?\s+(?:did not|didn't|never|failed to|was not|were not|wasn't|weren't|missed|stayed silent|remained silent|was silent|were silent)\b`, 'gi'),
];

const HUMAN = new RegExp(
  [
    String.raw`user reports?|bug reports?|reported by|noticed|village pump|manually|by hand|complaints?`,
    String.raw`(?:users?|editors?|readers?|customers?|clients?|someone|somebody|people|volunteers?|community members?|developers?|engineers?|colleagues?|staff)(?:\s+\w+){0,4}?\s+(?:reported|reports|noticed|notices|complained|complains|raised|raises|filed|files|mentioned|mentions|told us|tells us|spotted|spots|found|finds|wrote to|writes to|wrote in|emailed|emails|contacted|contacts|messaged|messages)`,
    String.raw`(?:found|spotted|discovered|reported) by (?:a |an |the )?(?:users?|person|people|humans?|developers?|engineers?|editors?|volunteers?|community)`,
  ]
    .map((p) => `\\b(?:${p})\\b`)
    .join('|'),
  'gi',
);

const AUTOMATED = /\b(?:alert\w*|alarm\w*|paged|paging|pager\w*|monitoring|icinga|alertmanager|pagerduty|automated|automatic(?:ally)?)\b/gi;

function blank(text: string, pattern: RegExp, found: string[]): string {
  return text.replace(pattern, (m) => {
    found.push(m.replace(/\s+/g, ' '));
    return ' '.repeat(m.length);
  });
}

/** Reads the human and automated detection signals of a text, sentence by sentence. */
export function detectionSignals(text: string): DetectionSignals {
  const human: string[] = [];
  const automated: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (HYPOTHETICAL.test(sentence)) continue;
    let rest = sentence;
    for (const pattern of NEGATED) rest = blank(rest, pattern, human);
    rest = blank(rest, HUMAN, human);
    blank(rest, AUTOMATED, automated);
  }
  return { human, automated };
}

/**
 * How the incident was found: from the Detection section when there is one, else from the words
 * of the timeline entry that is the report's detection milestone ("a customer reports the page
 * is blank" is people; "Grafana alert fires" is the systems).
 */
export function readDetectionOf(report: Report, config: ResolvedConfig): { section?: Section; entry?: TimelineEntry; signals: DetectionSignals; byPeopleOnly: boolean } {
  const fromSection = readDetection(report.sections, config, report.text);
  if (fromSection.section) return fromSection;
  const entry = report.timeline.milestones.detected?.entry;
  if (!entry) return fromSection;
  const signals = detectionSignals(entry.text);
  return { entry, signals, byPeopleOnly: signals.human.length > 0 && signals.automated.length === 0 };
}

/**
 * The Detection section and what it says about how the incident was found. The section's source
 * is read (comments left out) so that list items stay separate sentences.
 */
export function readDetection(sections: Section[], config: ResolvedConfig, text: string): { section?: Section; signals: DetectionSignals; byPeopleOnly: boolean } {
  const section = sectionOfKind(sections, config, 'detection');
  if (!section) return { signals: { human: [], automated: [] }, byPeopleOnly: false };
  const body = text.slice(section.bodyStart, section.bodyEnd).replace(/<!--[\s\S]*?-->/g, ' ');
  const signals = detectionSignals(body);
  return { section, signals, byPeopleOnly: signals.human.length > 0 && signals.automated.length === 0 };
}

/**
 * Words that make an actionable about alerting or monitoring. A page of a site ("a public status
 * page", "the error page", "page load times") is no page to the on-call.
 */
export const ALERTING_ACTIONABLE =
  /\b(?:alert\w*|alarm\w*|monitor\w*|dashboards?|slos?|slis?|(?<!\b(?:status|web|landing|home|error|wiki|help|docs?|documentation|login|sign-?in|settings|profile|download|release|maintenance|search|front|main)[ -])pages?(?![ -](?:loads?|views?|speed|size|titles?)\b)|pag(?:ed|ing|er|ers)|detect\w*|probes?|checks?|icinga|alertmanager|pagerduty|prometheus|grafana|observability)\b/i;
