/**
 * Chooses the report's four milestones over the whole document, from what each entry names
 * (its cues), front matter, and what the report states in prose. For each milestone the most
 * explicit source wins: an entry that marks it explicitly (a marker, or a milestone phrase
 * standing on its own such as "Detected."), then front matter, then a statement, then the words
 * of the entries. Among entries:
 *
 * - impact start: the first entry that says the problem began (never simply the first entry:
 *   timelines open with background from days before), unless the trouble was seen and said to
 *   stop before it (its words then tell of a recurrence, and the start is unknown);
 * - detection: the first plausible entry, at or after the impact start;
 * - mitigation: the first entry after which the impact is said to stop (mitigation or
 *   resolution words), at or after the impact start, and not followed by an entry saying the
 *   impact goes on ("the revert did not solve it", "hubs remain inaccessible");
 * - resolution: the last entry that says it is resolved; without one, the last that says the
 *   impact stopped.
 *
 * When nothing says when the problem began, there is no impact start (copying the detection
 * would make every time to detect zero), unless the timeline opens with the detection: the
 * report or alert is then the first thing known of the problem, and the impact starts there;
 * not when that entry tells only that the problem was found ("the outage was noticed by the
 * team", "reported issue in chat"): then nothing says when it began. Words of a failure in a
 * later entry of such a timeline ("a test launch failed with 504") are a symptom seen while
 * responding, not the start. An entry with a time is preferred; an entry without one
 * still counts as found (so the milestone is not reported missing) but gives no instant.
 *
 * A stated length of the impact ("downtime for 1h") ends it, when nothing else says when it
 * stopped; when the start is unknown it is the time to mitigate of the entry that says it stopped.
 * The incident's window as a header field ("Impact Window: 08:43–10:52 UTC") spans the whole
 * incident: its end is the resolution, unless an entry says in words when it was resolved.
 *
 * A stated metric needs the impact start to give an instant; without one, the words of the
 * entries come first. When nothing says when the impact began but the report states the time to
 * detect and an entry gives the detection, the start is that many minutes before it (the entry
 * at that time, when there is one), as a reader would count back.
 */
import type { LineIndex } from '../../text.js';
import { parseIsoInstant } from '../iso-date.js';
import type { FrontMatter, Milestone, MilestoneFact, Milestones, StatedFact, TimelineEntry } from '../types.js';
import { CONTAINMENT, MILESTONE_INFO, MILESTONES, tellsOnlyDetection } from './lexicon.js';
import { RESTART } from './milestone-words.js';
import { entryLineRange } from './sort.js';
import { absoluteOf, causeEntry, notBefore, openingEntry, symptomAfterReport } from './start-fallbacks.js';

/** A statement with its instant resolved against the timeline. */
export type ResolvedStatement = StatedFact;

/** What the selection reads. */
export interface SelectionInput {
  entries: readonly TimelineEntry[];
  frontMatter?: FrontMatter;
  statements: readonly ResolvedStatement[];
  lines: LineIndex;
  /** Only the timeline's entries: to compare the timeline with front matter and statements. */
  timelineOnly?: boolean;
}

function fromEntry(milestone: Milestone, entry: TimelineEntry, lines: LineIndex): MilestoneFact {
  // Mitigation can come from an entry that says the incident is over, and the resolution from
  // the last entry that says the impact stopped: its words are the ones shown, not another cue's.
  const cue =
    entry.cues.find((c) => c.milestone === milestone) ??
    entry.cues.find((c) => c.milestone === 'resolved') ??
    entry.cues.find((c) => c.milestone === 'mitigated') ??
    entry.cues[0];
  const fact: MilestoneFact = {
    milestone,
    // A mitigation read from a resolution is the reader's inference, whatever marked the entry.
    source: cue && cue.milestone === milestone ? cue.source : 'inferred',
    absolute: entry.utc !== undefined && absoluteOf(entry),
    range: entryLineRange(lines, entry),
    entry,
    words: cue?.words,
  };
  if (entry.utc !== undefined) fact.utc = entry.utc;
  return fact;
}

/**
 * The first (or last) entry from index `from` on that passes `test`, preferring one with a time:
 * the same entry as picking from `entries.slice(from).filter(test)`, without building the list
 * (a long timeline is walked several times per version, and the walk usually stops early).
 */
function pick(entries: readonly TimelineEntry[], last: boolean, test: (e: TimelineEntry) => boolean = () => true, from = 0): TimelineEntry | undefined {
  let untimed: TimelineEntry | undefined;
  const n = entries.length - from;
  for (let k = 0; k < n; k++) {
    const e = entries[last ? entries.length - 1 - k : from + k];
    if (!test(e)) continue;
    if (e.utc !== undefined) return e;
    untimed ??= e;
  }
  return untimed;
}

/** The first and last entry, with a time and without, of some kind. */
interface Ends {
  first?: TimelineEntry;
  last?: TimelineEntry;
  firstUntimed?: TimelineEntry;
  lastUntimed?: TimelineEntry;
}

/**
 * Per milestone, the ends of the entries with its marker, of those that name it explicitly, and
 * of those with any cue of it.
 */
interface ExplicitPicks {
  marked: Partial<Record<Milestone, Ends>>;
  named: Partial<Record<Milestone, Ends>>;
  cued: Partial<Record<Milestone, Ends>>;
  /** The entries with a time and a cue of the mitigation or the resolution, in order. */
  settling: TimelineEntry[];
}

function note(ends: Partial<Record<Milestone, Ends>>, milestone: Milestone, e: TimelineEntry): void {
  const found = (ends[milestone] ??= {});
  if (e.utc !== undefined) {
    found.first ??= e;
    found.last = e;
  } else {
    found.firstUntimed ??= e;
    found.lastUntimed = e;
  }
}

/** What {@link pick} gives over the entries of `ends`. */
function picked(ends: Ends | undefined, last: boolean): TimelineEntry | undefined {
  if (!ends) return undefined;
  return last ? (ends.last ?? ends.lastUntimed) : (ends.first ?? ends.firstUntimed);
}

// The selection runs twice per version (the report's, and the timeline's own in a rule), over
// the same entries array: the explicit picks are read in one walk and kept for it.
const explicitOf = new WeakMap<readonly TimelineEntry[], ExplicitPicks>();

function explicitPicks(entries: readonly TimelineEntry[]): ExplicitPicks {
  let picks = explicitOf.get(entries);
  if (picks) return picks;
  picks = { marked: {}, named: {}, cued: {}, settling: [] };
  for (const e of entries) {
    let settles = false;
    for (const c of e.cues) {
      if (c.source === 'marker') note(picks.marked, c.milestone, e);
      note(picks.cued, c.milestone, e);
      settles ||= c.milestone === 'mitigated' || c.milestone === 'resolved';
    }
    for (const m of e.milestones) note(picks.named, m, e);
    if (settles && e.utc !== undefined) picks.settling.push(e);
  }
  explicitOf.set(entries, picks);
  return picks;
}

function frontMatterFact(milestone: Milestone, frontMatter: FrontMatter | undefined): MilestoneFact | undefined {
  const data = frontMatter?.data;
  if (!data) return undefined;
  for (const field of MILESTONE_INFO[milestone].fields) {
    const iso = parseIsoInstant(data[field]);
    const range = frontMatter.fields[field];
    if (!iso || !range) continue;
    const fact: MilestoneFact = { milestone, source: 'frontmatter', absolute: true, range, words: field };
    // A day without a time of day says the milestone exists, but is not precise enough for minutes.
    if (iso.hasTime) fact.utc = iso.utc;
    return fact;
  }
  return undefined;
}

function statedFact(
  milestone: Milestone,
  statements: readonly ResolvedStatement[],
  chosen: Milestones,
  entries: readonly TimelineEntry[],
  lines: LineIndex,
  windowEnds = false,
): MilestoneFact | undefined {
  // The end of a stated window is only a fallback (see selectMilestones).
  const time = statements.find((s) => s.kind === 'time' && s.milestone === milestone && (windowEnds || !(s.window && milestone !== 'start')));
  // A stated time that is an entry's time points at that entry: that is where the reader looks.
  const same = time && entries.find((e) => e.utc !== undefined && e.utc === time.utc && absoluteOf(e) === (time.absolute ?? false));
  if (time && same) return { milestone, source: 'stated', utc: same.utc, absolute: absoluteOf(same), range: entryLineRange(lines, same), entry: same, words: time.words };
  if (time) return { milestone, source: 'stated', ...(time.utc !== undefined ? { utc: time.utc } : {}), absolute: time.absolute ?? false, range: time.range, words: time.words };
  const metric = statements.find((s) => s.kind === 'metric' && s.milestone === milestone);
  if (!metric || metric.minutes === undefined) return undefined;
  const base = chosen[metric.from ?? 'start'];
  const fact: MilestoneFact = { milestone, source: 'stated', absolute: base?.absolute ?? false, range: metric.range, words: metric.words };
  if (base?.utc !== undefined) fact.utc = base.utc + metric.minutes * 60_000;
  // "Time to recovery: 15 minutes" lands on an entry of the timeline: that entry is the milestone.
  const landed = fact.utc !== undefined && entries.find((e) => e.utc === fact.utc && absoluteOf(e) === fact.absolute);
  if (landed) {
    fact.entry = landed;
    fact.range = entryLineRange(lines, landed);
  }
  if ((metric.from ?? 'start') === 'start') fact.statedMinutes = metric.minutes;
  else if (chosen.start?.utc !== undefined && fact.utc !== undefined && chosen.start.absolute === fact.absolute) {
    fact.statedMinutes = Math.round((fact.utc - chosen.start.utc) / 60_000);
  }
  return fact;
}

function inferredEntry(milestone: Milestone, entries: readonly TimelineEntry[], chosen: Milestones, picks: ExplicitPicks): TimelineEntry | undefined {
  const has = (e: TimelineEntry, m: Milestone): boolean => {
    for (const c of e.cues) if (c.milestone === m) return true;
    return false;
  };
  const after = (e: TimelineEntry): boolean => notBefore(e, chosen.start);
  // Entries without any cue of a milestone are not walked for it.
  const cued = picks.cued;
  switch (milestone) {
    case 'start': {
      const start = picked(cued.start, false);
      // Someone saw the trouble and the impact was said to stop, both before the first words of a
      // start: those words tell of a recurrence, and the timeline does not say when the impact began.
      const before = (e: TimelineEntry | undefined): boolean => start?.utc !== undefined && e?.utc !== undefined && absoluteOf(e) === absoluteOf(start) && e.utc < start.utc;
      if (before(picked(cued.detected, false)) && (before(picked(cued.mitigated, false)) || before(picked(cued.resolved, false)))) return undefined;
      return start;
    }
    case 'detected':
      return cued.detected && pick(entries, false, (e) => has(e, 'detected') && after(e));
    case 'mitigated': {
      if (!cued.mitigated && !cued.resolved) return undefined;
      const candidate = (e: TimelineEntry): boolean => (has(e, 'mitigated') || has(e, 'resolved')) && after(e);
      // An action the impact outlived was not the mitigation: only candidates after the last
      // entry that says the impact goes on, unless none is.
      let lastGoesOn = entries.length - 1;
      while (lastGoesOn >= 0 && !(entries[lastGoesOn].goesOn !== undefined && after(entries[lastGoesOn]))) lastGoesOn--;
      return effectOfRestart(entries, pick(entries, false, candidate, lastGoesOn + 1) ?? pick(entries, false, candidate));
    }
    case 'resolved': {
      const resolved = (e: TimelineEntry): boolean => has(e, 'resolved') && after(e) && notBefore(e, chosen.mitigated);
      // Without resolution words, the last entry that says the impact stopped ("all pods back to
      // normal"), unless it only says "Mitigated" (the author chose that word) or the harm was
      // only contained ("the card is now locked").
      const recovered = (e: TimelineEntry): boolean => e.cues.some((c) => c.milestone === 'mitigated' && !/^\[?mitigat/i.test(c.words) && !CONTAINMENT.test(c.words));
      return (cued.resolved && pick(entries, true, resolved)) ?? (cued.mitigated && pick(entries, true, (e) => recovered(e) && after(e)));
    }
  }
}

/** How soon after a restart an entry saying the service is back tells the restart's effect. */
const EFFECT_WITHIN = 15 * 60_000;

/**
 * A restart chosen as the mitigation ("the on-call restarts the manager pod") when the next entry,
 * minutes later, says in other words that the service is back ("the manager has spun up 40
 * runners"): a reader takes the effect, not the act. Without such an entry the restart stands.
 */
function effectOfRestart(entries: readonly TimelineEntry[], chosen: TimelineEntry | undefined): TimelineEntry | undefined {
  const settling = (e: TimelineEntry): TimelineEntry['cues'][number] | undefined => e.cues.find((c) => c.milestone === 'mitigated' || c.milestone === 'resolved');
  const cue = chosen && settling(chosen);
  if (!chosen || chosen.utc === undefined || !cue || !RESTART.test(cue.words)) return chosen;
  const next = entries[entries.indexOf(chosen) + 1];
  const effect = next && settling(next);
  if (!next || next.utc === undefined || !effect || RESTART.test(effect.words) || next.utc - chosen.utc > EFFECT_WITHIN || next.utc < chosen.utc) return chosen;
  return next;
}

/**
 * No start, a stated time to detect, and a detection with an instant: the start is that many
 * minutes before the detection. The later metrics then count from it too.
 */
function countBack(chosen: Milestones, statements: readonly ResolvedStatement[], entries: readonly TimelineEntry[], lines: LineIndex): void {
  const detected = chosen.detected;
  const ttd = statements.find((s) => s.kind === 'metric' && s.milestone === 'detected' && (s.from ?? 'start') === 'start' && s.minutes !== undefined);
  if (!ttd || !detected?.entry || detected.utc === undefined) return;
  const utc = detected.utc - ttd.minutes! * 60_000;
  const at = entries.find((e) => e.utc === utc && absoluteOf(e) === detected.absolute);
  chosen.start = at
    ? { milestone: 'start', source: 'stated', utc, absolute: detected.absolute, range: entryLineRange(lines, at), entry: at, words: ttd.words }
    : { milestone: 'start', source: 'stated', utc, absolute: detected.absolute, range: ttd.range, words: ttd.words };
  for (const milestone of ['mitigated', 'resolved'] as const) {
    const current = chosen[milestone];
    if (current && current.source !== 'inferred' && !(current.source === 'stated' && current.utc === undefined)) continue;
    const fact = statedFact(milestone, statements.filter((s) => s.kind === 'metric'), chosen, entries, lines);
    if (fact && fact.utc !== undefined) chosen[milestone] = fact;
  }
}

/**
 * The milestone is said in words: by a marker, front matter or a statement, or by an entry's own
 * words of it (not a mitigation read from an entry's resolution words).
 */
const saidInWords = (fact: MilestoneFact | undefined, milestone: Milestone): boolean =>
  fact !== undefined && (fact.source !== 'inferred' || fact.entry?.cues.some((c) => c.milestone === milestone) === true);

/** `a` is after `b`, both with comparable instants. */
const later = (a: MilestoneFact | undefined, b: MilestoneFact | undefined): boolean =>
  a?.utc !== undefined && b?.utc !== undefined && a.absolute === b.absolute && a.utc > b.utc;

/**
 * An incident is detected before it is mitigated, and mitigated by the time it is resolved. A
 * mitigation read from words before the detection (a plan outlined on the first day, the users'
 * report the next) or after the resolution is a wrong pick: the next candidate in order is
 * chosen instead. When none fits, the milestones stay and the metrics leave the inconsistent
 * time out (`metrics.ts`) rather than give a wrong one.
 */
function keepInOrder(chosen: Milestones, entries: readonly TimelineEntry[], lines: LineIndex): void {
  // The candidates: entries with a time and a cue of the mitigation or the resolution, in order.
  const candidates = explicitPicks(entries).settling;
  const { detected, mitigated, resolved } = chosen;
  if (mitigated?.source === 'inferred' && mitigated.entry && later(detected, mitigated)) {
    const again = candidates.find((e) => notBefore(e, detected));
    if (again) chosen.mitigated = fromEntry('mitigated', again, lines);
  } else if (mitigated?.source === 'inferred' && mitigated.entry && later(mitigated, resolved)) {
    const end = resolved!;
    const again = candidates.find((e) => notBefore(e, detected ?? chosen.start) && absoluteOf(e) === end.absolute && e.utc! <= end.utc!);
    if (again) chosen.mitigated = fromEntry('mitigated', again, lines);
  }
}

/** The report's milestones (see the module comment). */
export function selectMilestones(input: SelectionInput): Milestones {
  const { frontMatter, lines } = input;
  // Only entries with a cue, a milestone or words that the impact goes on can be chosen (the
  // tests of `inferredEntry` ask for one); the explicit ones are read in one walk.
  const entries = input.entries;
  const picks = explicitPicks(entries);
  const statements = input.timelineOnly ? [] : input.statements;
  // Times told in the story come after the timeline's own words (see `StatedFact.told`).
  const given = statements.filter((s) => !s.told);
  const told = statements.filter((s) => s.told);
  const chosen: Milestones = {};
  for (const milestone of MILESTONES) {
    const last = milestone === 'resolved';
    const markedEntry = picked(picks.marked[milestone], last) ?? picked(picks.named[milestone], last);
    const stated = statedFact(milestone, given, chosen, input.entries, lines);
    // "Time to recovery: 13 minutes" and an entry 15 minutes in that says traffic flows again: that
    // entry is where the reader looks, the stated minutes stay the metric.
    if (stated?.statedMinutes !== undefined && stated.utc !== undefined && !stated.entry) {
      const near = inferredEntry(milestone, entries, chosen, picks);
      const slack = Math.max(5, stated.statedMinutes * 0.1) * 60_000;
      if (near?.utc !== undefined && absoluteOf(near) === stated.absolute && Math.abs(near.utc - stated.utc) <= slack) {
        stated.entry = near;
        stated.range = entryLineRange(lines, near);
      }
    }
    // A stated metric with no start to count from gives no instant: the entries' words come first.
    const timeless = stated && stated.utc === undefined && !stated.entry;
    const fact =
      (markedEntry && fromEntry(milestone, markedEntry, lines)) ??
      (input.timelineOnly ? undefined : frontMatterFact(milestone, frontMatter)) ??
      // A stated time points at the entry of that time, whatever the entry's words.
      (timeless ? undefined : stated) ??
      ((e) => e && fromEntry(milestone, e, lines))(inferredEntry(milestone, entries, chosen, picks)) ??
      // A start told in the story comes after the readings of the timeline's opening too (below).
      (told.length > 0 && milestone !== 'start' ? statedFact(milestone, told, chosen, input.entries, lines) : undefined) ??
      stated;
    if (fact && !(milestone === 'start' && symptomAfterReport(fact, input.entries, statements))) chosen[milestone] = fact;
  }
  if (!chosen.start && !input.timelineOnly) countBack(chosen, statements, input.entries, lines);
  if (!chosen.start && !input.timelineOnly) causeEntry(chosen, statements, input.entries, lines);
  // A timeline that opens with the report or alert of the problem: the impact was under way by
  // then, and nothing earlier says when it began, so it starts there (time to detect zero).
  const detected = chosen.detected;
  const first = openingEntry(input.entries, true);
  // An author who marks the detection ("[detected]", "Detected.") would mark the start too.
  const explicit = detected?.entry && (detected.source === 'marker' || detected.entry.milestones.includes('detected'));
  // Only a reader's fallback: not what the timeline says outright, so not compared with statements.
  // Unless that first entry says the problem had begun well before ("a week prior").
  if (!chosen.start && !input.timelineOnly && detected?.entry && !explicit && detected.entry === first && !detected.entry.begunEarlier && !tellsOnlyDetection(detected.entry.text)) {
    // Unless an entry soon after says the problem was under way earlier ("pending pods peaking
    // around 07:15" under the 07:30 report): it started then.
    const said = input.entries.find((e) => e.problemAt && detected.utc !== undefined && e.problemAt.utc < detected.utc && e.utc !== undefined && e.utc - detected.utc <= 60 * 60_000);
    chosen.start =
      said?.problemAt
        ? { milestone: 'start', source: 'inferred', utc: said.problemAt.utc, absolute: absoluteOf(said), range: entryLineRange(lines, said), entry: said, words: said.problemAt.words }
        : { ...fromEntry('detected', detected.entry, lines), milestone: 'start', source: 'inferred' };
  }
  if (!chosen.start && told.length > 0) {
    const start = statedFact('start', told, chosen, input.entries, lines);
    if (start && !symptomAfterReport(start, input.entries, statements)) chosen.start = start;
  }
  // The end of a stated window stands for its milestone unless that milestone is said in words:
  // a window of the impact ("down from 15:30 to 18:10") ends with the mitigation (and the
  // resolution, when nothing says more), and wins over one read only from an entry's resolution
  // words ("Incident closed"); the incident's window as a header field ("Impact Window:
  // 08:43–10:52 UTC") ends with the resolution.
  const windowEnd = (milestone: Milestone): MilestoneFact | undefined => {
    const end = statements.find((s) => s.kind === 'time' && s.milestone === milestone && s.window);
    return end && !saidInWords(chosen[milestone], milestone) ? statedFact(milestone, [end], chosen, input.entries, lines, true) : undefined;
  };
  const impactEnd = windowEnd('mitigated');
  if (impactEnd) chosen.mitigated = impactEnd;
  if (impactEnd && !chosen.resolved) chosen.resolved = { ...impactEnd, milestone: 'resolved' };
  const incidentEnd = windowEnd('resolved');
  if (incidentEnd && !later(chosen.mitigated, incidentEnd)) chosen.resolved = incidentEnd;
  // "Downtime for 1h", "the outage lasted about nine hours": with nothing else to say when the
  // impact stopped, it stopped that long after it began.
  const lasted = statements.find((s) => s.kind === 'duration' && s.minutes !== undefined);
  // Nothing says when the impact began, but the report states how long it lasted ("downtime for
  // 3h") and an entry says when it stopped: the length is the time to mitigate.
  if (lasted && !chosen.start && chosen.mitigated && chosen.mitigated.statedMinutes === undefined) {
    const mitigated = chosen.mitigated;
    chosen.mitigated = { ...mitigated, statedMinutes: lasted.minutes };
    if (chosen.resolved && chosen.resolved.utc !== undefined && chosen.resolved.utc === mitigated.utc) chosen.resolved = { ...chosen.resolved, statedMinutes: lasted.minutes };
  }
  if (lasted && !chosen.mitigated) {
    const start = chosen.start;
    const fact: MilestoneFact = { milestone: 'mitigated', source: 'stated', absolute: start?.absolute ?? false, range: lasted.range, words: lasted.words, statedMinutes: lasted.minutes };
    if (start?.utc !== undefined) fact.utc = start.utc + lasted.minutes! * 60_000;
    chosen.mitigated = fact;
    if (!chosen.resolved) chosen.resolved = { ...fact, milestone: 'resolved' };
  }
  keepInOrder(chosen, input.entries, lines);
  return chosen;
}
