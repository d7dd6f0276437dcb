/**
 * How every interface tells a report's milestones: the CLI's JSON, SARIF and text, the JSON
 * export, hovers and code lenses all take their words and fields from here, so that they say the
 * same thing.
 */
import { formatDuration } from '../duration.js';
import { displayUtc, isoUtc, utcClock } from '../iso-date.js';
import type { Metrics, Milestone, MilestoneFact, Milestones, MilestoneSource } from '../types.js';
import { MILESTONE_INFO, MILESTONES } from './lexicon.js';

/** The key of each milestone in JSON output. */
export const MILESTONE_KEYS: Readonly<Record<Milestone, 'impactStart' | 'detected' | 'mitigated' | 'resolved'>> = {
  start: 'impactStart',
  detected: 'detected',
  mitigated: 'mitigated',
  resolved: 'resolved',
};

/** One milestone as JSON: the instant (ISO 8601 UTC, when the day is known), 1-based line, source. */
export interface MilestoneJson {
  time?: string;
  line: number;
  source: MilestoneSource;
  /** The words it was read from. */
  words?: string;
}


/** The milestones as JSON, keyed `impactStart`, `detected`, `mitigated`, `resolved`; unknown ones left out. */
export function milestonesJson(milestones: Milestones): Partial<Record<'impactStart' | 'detected' | 'mitigated' | 'resolved', MilestoneJson>> {
  const out: Partial<Record<'impactStart' | 'detected' | 'mitigated' | 'resolved', MilestoneJson>> = {};
  for (const m of MILESTONES) {
    const fact = milestones[m];
    if (!fact) continue;
    const json: MilestoneJson = { line: fact.range.start.line + 1, source: fact.source };
    if (fact.utc !== undefined && fact.absolute) json.time = isoUtc(fact.utc);
    if (fact.words) json.words = fact.words;
    // A stable key order: time, line, source, words.
    out[MILESTONE_KEYS[m]] = { ...(json.time ? { time: json.time } : {}), line: json.line, source: json.source, ...(json.words ? { words: json.words } : {}) };
  }
  return out;
}

/** `16:39` or `2020-05-19 16:39 UTC`, or `time unknown`. */
function when(fact: MilestoneFact): string {
  if (fact.utc === undefined) return 'time unknown';
  return fact.absolute ? displayUtc(fact.utc) : utcClock(fact.utc);
}

/** Where a milestone comes from, in words: `inferred from 'alert fires'`, `front matter start`. */
export function provenanceText(fact: MilestoneFact): string {
  switch (fact.source) {
    case 'marker':
      return `marked ${fact.words ?? MILESTONE_INFO[fact.milestone].marker}`;
    case 'frontmatter':
      return `front matter \`${fact.words ?? MILESTONE_INFO[fact.milestone].fields[0]}\``;
    case 'stated':
      return `stated: '${fact.words ?? ''}'`;
    case 'inferred':
      return `inferred from '${fact.words ?? ''}'`;
  }
}

/** `detected 2020-05-19 16:39 UTC (inferred from 'alert fires')`. */
export function milestoneText(fact: MilestoneFact): string {
  return `${MILESTONE_INFO[fact.milestone].verb} ${when(fact)} (${provenanceText(fact)})`;
}

/** One line per known milestone, in order, for text output. */
export function milestonesText(milestones: Milestones): string {
  const parts = MILESTONES.map((m) => milestones[m]).filter((f): f is MilestoneFact => f !== undefined).map(milestoneText);
  return parts.length > 0 ? parts.join(' · ') : 'no milestone found';
}

/** `time to detect 12 min · mitigate 40 min · resolve n/a`, with the inferred milestones named. */
export function metricsText(m: Metrics): string {
  const v = (n: number | undefined) => (n === undefined ? 'n/a' : formatDuration(n, 'short'));
  const base = `time to detect ${v(m.timeToDetectMinutes)} · mitigate ${v(m.timeToMitigateMinutes)} · resolve ${v(m.timeToResolveMinutes)}`;
  return m.inferred && m.inferred.length > 0 ? `${base} (inferred: ${m.inferred.map((x) => MILESTONE_INFO[x].name).join(', ')})` : base;
}
