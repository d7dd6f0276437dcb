/**
 * Time to detect, mitigate and resolve, in whole minutes from the impact start.
 *
 * Each instant comes from the timeline first: the first `start`, `detected` and `mitigated`
 * milestones and the last `resolved` one (an incident that flared up again ends at its last
 * resolution). Front matter fills in what the timeline lacks: `start`, `detected`, `mitigated`
 * and `end` (read as the resolution); a front matter value without a time of day is not precise
 * enough for minutes and is ignored.
 *
 * A timeline instant on a synthetic day (the timeline never says which day) can only be
 * compared with another timeline instant. A negative duration is a data problem that the
 * rules report; its metric stays undefined.
 */
import { parseIsoInstant } from '../iso-date.js';
import type { FrontMatter, Metrics, Milestone, Timeline, TimelineEntry } from '../types.js';

/** An instant and whether it is a real date (not counted from a synthetic day). */
export interface MilestoneInstant {
  utc: number;
  absolute: boolean;
  /** The entry it came from; absent when it came from front matter. */
  entry?: TimelineEntry;
}

/** The timeline entry that marks `milestone` and has an instant: the first, or for `resolved` the last. */
export function milestoneEntry(timeline: Timeline, milestone: Milestone): TimelineEntry | undefined {
  const marked = timeline.entries.filter((e) => e.utc !== undefined && e.milestones.includes(milestone));
  return milestone === 'resolved' ? marked[marked.length - 1] : marked[0];
}

const FRONT_MATTER_FIELD: Record<Milestone, string> = { start: 'start', detected: 'detected', mitigated: 'mitigated', resolved: 'end' };

/** Where a milestone happened, from the timeline or else front matter. */
export function milestoneInstant(timeline: Timeline, frontMatter: FrontMatter | undefined, milestone: Milestone): MilestoneInstant | undefined {
  const entry = milestoneEntry(timeline, milestone);
  if (entry) return { utc: entry.utc!, absolute: entry.date !== undefined, entry };
  const iso = parseIsoInstant(frontMatter?.data?.[FRONT_MATTER_FIELD[milestone]]);
  if (iso?.hasTime) return { utc: iso.utc, absolute: true };
  return undefined;
}

function minutesBetween(from: MilestoneInstant | undefined, to: MilestoneInstant | undefined): number | undefined {
  if (!from || !to) return undefined;
  // Two synthetic-day instants share their made-up day; a synthetic and a real one share nothing.
  if (from.absolute !== to.absolute) return undefined;
  const minutes = Math.round((to.utc - from.utc) / 60_000);
  return minutes < 0 ? undefined : minutes;
}

/** Time to detect / mitigate / resolve from the timeline, completed by front matter. */
export function computeMetrics(timeline: Timeline, frontMatter: FrontMatter | undefined): Metrics {
  const start = milestoneInstant(timeline, frontMatter, 'start');
  const detected = milestoneInstant(timeline, frontMatter, 'detected');
  const mitigated = milestoneInstant(timeline, frontMatter, 'mitigated');
  const resolved = milestoneInstant(timeline, frontMatter, 'resolved');
  const metrics: Metrics = {};
  const real = (i: MilestoneInstant | undefined): number | undefined => (i?.absolute ? i.utc : undefined);
  const set = <K extends keyof Metrics>(key: K, value: Metrics[K]): void => {
    if (value !== undefined) metrics[key] = value;
  };
  set('start', real(start));
  set('detected', real(detected));
  set('mitigated', real(mitigated));
  set('resolved', real(resolved));
  set('timeToDetectMinutes', minutesBetween(start, detected));
  set('timeToMitigateMinutes', minutesBetween(start, mitigated));
  set('timeToResolveMinutes', minutesBetween(start, resolved));
  return metrics;
}
