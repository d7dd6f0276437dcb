/**
 * Time to detect, mitigate and resolve, in whole minutes from the impact start, computed from the
 * milestones the report settles on (`select.ts`): whatever is best known, markers, front matter,
 * statements or the words of the entries. The metrics say which of their milestones were inferred.
 *
 * A timeline instant on a synthetic day (the timeline never says which day) can only be
 * compared with another timeline instant. A negative duration is a data problem that the
 * rules report; its metric stays undefined, as does the metric of a milestone that comes after
 * the next one (mitigated after resolved; detected after something people did to mitigate it). A metric the report states ("time to detection:
 * 5 minutes") is given even when the impact start is not known.
 */
import type { Metrics, Milestone, MilestoneFact, Milestones, Timeline, TimelineEntry } from '../types.js';
import { MILESTONE_INFO, MITIGATION_ACTION } from './lexicon.js';

/** The entry the report's `milestone` was read from, when it came from the timeline and has an instant. */
export function milestoneEntry(timeline: Timeline, milestone: Milestone): TimelineEntry | undefined {
  const fact = timeline.milestones[milestone];
  return fact?.entry && fact.utc !== undefined ? fact.entry : undefined;
}

/** Whole minutes from `from` to `to`; undefined when they cannot be compared or run backwards. */
export function minutesBetween(from: MilestoneFact | undefined, to: MilestoneFact | undefined): number | undefined {
  if (!from || !to || from.utc === undefined || to.utc === undefined) return undefined;
  // Two synthetic-day instants share their made-up day; a synthetic and a real one share nothing.
  if (from.absolute !== to.absolute) return undefined;
  const minutes = Math.round((to.utc - from.utc) / 60_000);
  return minutes < 0 ? undefined : minutes;
}

/** Metrics from chosen milestones. */
export function metricsOf(milestones: Milestones): Metrics {
  const metrics: Metrics = {};
  const start = milestones.start;
  const inferred = new Set<Milestone>();
  const real = (f: MilestoneFact | undefined): number | undefined => (f?.absolute && f.utc !== undefined ? f.utc : undefined);
  const set = <K extends keyof Metrics>(key: K, value: Metrics[K]): void => {
    if (value !== undefined) metrics[key] = value;
  };
  set('start', real(start));
  set('detected', real(milestones.detected));
  set('mitigated', real(milestones.mitigated));
  set('resolved', real(milestones.resolved));
  // A milestone after the one that follows it (detected after mitigated) is a wrong reading that
  // the selection could not put right: its metric is left out rather than given wrong.
  const next: Record<'detected' | 'mitigated' | 'resolved', MilestoneFact | undefined> = { detected: milestones.mitigated, mitigated: milestones.resolved, resolved: undefined };
  for (const m of ['detected', 'mitigated', 'resolved'] as const) {
    const fact = milestones[m];
    const ahead = next[m];
    // A problem can heal before anyone notices ("the cluster self-heals"), but nobody acts on it before.
    const impossible = m !== 'detected' || (ahead?.words !== undefined && MITIGATION_ACTION.test(ahead.words));
    if (fact && fact.statedMinutes === undefined && impossible && (minutesBetween(ahead, fact) ?? 0) > 0) continue;
    const minutes = minutesBetween(start, fact) ?? fact?.statedMinutes;
    if (minutes === undefined) continue;
    set(MILESTONE_INFO[m].metric!, minutes);
    if (fact?.source === 'inferred') inferred.add(m);
    if (start?.source === 'inferred' && fact?.statedMinutes === undefined) inferred.add('start');
  }
  const list = (['start', 'detected', 'mitigated', 'resolved'] as const).filter((m) => inferred.has(m));
  if (list.length > 0) metrics.inferred = list;
  return metrics;
}

/** Time to detect / mitigate / resolve of a read timeline. */
export function computeMetrics(timeline: Timeline): Metrics {
  return metricsOf(timeline.milestones);
}
