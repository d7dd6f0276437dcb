/**
 * Showing and confirming milestones in the editor: the texts a hover and a code lens give for
 * the milestones a report settles on, and the edits that write an explicit marker to confirm an
 * inferred milestone or to move one to another entry. The language server only places them.
 */
import type { Range } from '../../types.js';
import type { Fix } from '../../types.js';
import type { Milestone, Milestones, Report, TimelineEntry } from '../types.js';
import { MILESTONE_INFO, MILESTONES } from './lexicon.js';
import { milestoneText } from './summary.js';

/**
 * What the editor features below need of a report besides the entry: its milestones. A report
 * is one; so is what the language server keeps of it, which works them out for the entry asked
 * about, when asked, and not for every entry of every version.
 */
export interface MilestoneView {
  timeline: { milestones: Milestones };
}

/** The milestones the report settles on at `entry`, one line each: `detected 16:39 (inferred from 'alert fires')`. */
export function entryMilestoneLines(report: MilestoneView, entry: TimelineEntry): string[] {
  return MILESTONES.map((m) => report.timeline.milestones[m])
    .filter((f) => f !== undefined && f.entry === entry)
    .map((f) => milestoneText(f!));
}

/** One code lens title per milestone that is not marked: where it was found and how. */
export function milestoneLensTitles(report: MilestoneView): string[] {
  return MILESTONES.map((m) => report.timeline.milestones[m])
    .filter((f) => f !== undefined && f.source !== 'marker')
    .map((f) => milestoneText(f!));
}

/** Where a marker goes: at the end of the entry's first line, before trailing spaces. */
export function markerRange(report: Pick<Report, 'lines'>, entry: TimelineEntry): Range {
  const { lines } = report;
  const line = entry.range.start.line;
  let end = lines.lineEnd(line);
  const start = lines.lineStart(line);
  while (end > start && /\s/.test(lines.text[end - 1])) end--;
  return lines.rangeOf(end, end);
}

/**
 * Fixes for the entry at `line`: confirm each milestone inferred there by writing its marker,
 * and mark the entry as a milestone the report places elsewhere (markers win, so this moves it).
 */
export function milestoneFixes(report: Report, line: number): Fix[] {
  const entry = report.timeline.entries.find((e) => e.range.start.line <= line && line <= e.range.end.line);
  return entry ? entryMilestoneFixes(report, entry, markerRange(report, entry)) : [];
}

/** {@link milestoneFixes} of `entry`, whose marker goes at `at` ({@link markerRange}). */
export function entryMilestoneFixes(report: MilestoneView, entry: TimelineEntry, at: Range): Fix[] {
  const fixes: Fix[] = [];
  const marked = (m: Milestone): boolean => entry.cues.some((c) => c.milestone === m && c.source === 'marker');
  for (const m of MILESTONES) {
    if (marked(m)) continue;
    const fact = report.timeline.milestones[m];
    const info = MILESTONE_INFO[m];
    if (fact?.entry === entry) {
      if (fact.source === 'inferred' || fact.source === 'stated') fixes.push({ title: `Confirm the ${info.name}: mark this entry ${info.marker}`, edits: [{ range: at, newText: ` ${info.marker}` }] });
    } else if (fact?.entry && entry.hasTime) {
      fixes.push({ title: `Move the ${info.name} to this entry: mark it ${info.marker}`, edits: [{ range: at, newText: ` ${info.marker}` }] });
    } else if (!fact && entry.hasTime) {
      fixes.push({ title: `Mark this entry as the ${info.name} ${info.marker}`, edits: [{ range: at, newText: ` ${info.marker}` }] });
    }
  }
  return fixes;
}
