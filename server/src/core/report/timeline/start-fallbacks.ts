/**
 * Where the selection (`select.ts`) places the impact start when no entry says the problem began,
 * and where it refuses one that an entry does name: the change the report names as the cause, a
 * symptom seen after the report of the problem, the entry the timeline opens with.
 */
import type { LineIndex } from '../../text.js';
import type { MilestoneFact, Milestones, StatedFact, TimelineEntry } from '../types.js';
import { tellsOnlyDetection } from './lexicon.js';
import { entryLineRange } from './sort.js';
import { CHANGE_KINDS } from './stated.js';

/** An entry's instant is absolute when the entry has a date (else it is a time of an unknown day). */
export const absoluteOf = (e: TimelineEntry): boolean => e.date !== undefined;

/** `a` is not before `b` (or they cannot be compared). */
export function notBefore(a: TimelineEntry, b: MilestoneFact | undefined): boolean {
  if (!b || b.utc === undefined || a.utc === undefined) return true;
  if (absoluteOf(a) !== b.absolute) return true;
  return a.utc >= b.utc;
}

/**
 * The first entry with a time of day, when the timeline goes on after it. With `inTime`, the
 * first in time among the dated ones: a timeline may list an upstream event at its top although
 * it came later, with a note saying so. None when the timeline first tells of earlier days
 * without times (`### 2018-01-16` over a paragraph): the story opens there, not with that entry.
 */
export function openingEntry(entries: readonly TimelineEntry[], inTime = false): TimelineEntry | undefined {
  const told = entries.findIndex((e) => !e.dateOnly);
  if (told < 0 || !entries.some((e, i) => i > told && !e.dateOnly)) return undefined;
  const day = entries[told].date;
  if (day !== undefined && entries.some((e, i) => i < told && e.date !== undefined && e.date < day)) return undefined;
  let first = entries[told];
  if (!inTime) return first;
  for (const e of entries) {
    if (!e.dateOnly && e.utc !== undefined && first.utc !== undefined && absoluteOf(e) && absoluteOf(first) && e.utc < first.utc) first = e;
  }
  return first;
}

/**
 * An impact start read from words ("launching the image failed with 504") in an entry after the
 * one the timeline opens with, when that opening entry is the report or alert of the problem: the
 * later words are a symptom seen while responding, and the problem was under way by the report.
 * Not when the report states its time to detect (it has said where the count starts).
 */
export function symptomAfterReport(start: MilestoneFact, entries: readonly TimelineEntry[], statements: readonly StatedFact[]): boolean {
  const opening = openingEntry(entries);
  if (start.source !== 'inferred' || !start.entry || !opening || start.entry === opening) return false;
  if (!opening.cues.some((c) => c.milestone === 'detected' && c.source === 'inferred') || opening.begunEarlier || tellsOnlyDetection(opening.text)) return false;
  if (opening.utc === undefined || start.utc === undefined || absoluteOf(opening) !== start.absolute || start.utc <= opening.utc) return false;
  return !statements.some((s) => s.kind === 'metric' && s.milestone === 'detected');
}

/**
 * An entry about a change that does not make it: a test of it, a plan or an announcement of it,
 * or a guess at what it may do ("partial upgrade tests are triggered", "the upgrade is announced",
 * "confirms the upgrade may result in consensus issues").
 */
const NOT_THE_CHANGE = /\b(?:tests?|tested|testing|plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|announc(?:e|es|ed|ing|ement)|propos(?:e|es|ed|al)|agree(?:s|d)?|may|might|could|would|will|should)\b/i;

/**
 * No entry says the problem began, but the report names a change as the cause ("the new release
 * caused two issues", "triggered by the deployment of the new endpoint") and the timeline has an
 * entry of that kind of change before the detection ("renderer release", "branch deployed to
 * production"): the impact started with the last such change before it was detected. Entries
 * that only test, plan, announce or guess at the change are not it.
 */
export function causeEntry(chosen: Milestones, statements: readonly StatedFact[], entries: readonly TimelineEntry[], lines: LineIndex): void {
  const detected = chosen.detected?.entry;
  const kinds = [...new Set(statements.flatMap((s) => (s.kind === 'cause' ? (s.changes ?? []) : [])))];
  if (!detected || kinds.length === 0) return;
  const at = entries.indexOf(detected);
  for (let i = at - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.utc === undefined || e.dateOnly || !notBefore(detected, { milestone: 'start', source: 'inferred', utc: e.utc, absolute: absoluteOf(e), range: e.range })) continue;
    if (NOT_THE_CHANGE.test(e.text)) continue;
    let words: string | undefined;
    for (let k = 0; k < kinds.length && !words; k++) words = CHANGE_KINDS[kinds[k]].exec(e.text)?.[0];
    if (!words) continue;
    chosen.start = { milestone: 'start', source: 'inferred', utc: e.utc, absolute: absoluteOf(e), range: entryLineRange(lines, e), entry: e, words };
    return;
  }
}
