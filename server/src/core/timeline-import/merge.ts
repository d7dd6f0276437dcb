/**
 * Merging imported entries into a report's timeline: each goes after the last existing entry
 * that is not later, in the timeline's own shape; an entry already there (same minute, same
 * words) is left out; existing entries are never moved, removed or rewritten. The result is a
 * set of insertions, so an editor can apply it as one edit and undo it in one step.
 */
import type { CancellationToken, TextEdit } from '../types.js';
import { throwIfCancelled } from '../types.js';
import type { Report, Section, TimelineEntry } from '../report/types.js';
import { readLeadingToken } from '../report/timeline/tokens.js';
import { applyEdits } from '../text.js';
import { formatDate, resolveImportZone, utcToWall, type ImportZone } from './clock.js';
import { defaultStyle, renderEntry, styleOf, type EntryStyle } from './shape.js';
import type { PlacedEntry } from './window.js';

/** What a merge does to a report. */
export interface MergeResult {
  /** Insertions into the report's text, in document order. */
  edits: TextEdit[];
  /** The report with the edits applied. */
  text: string;
  added: PlacedEntry[];
  /** Imported entries already in the timeline (or twice in the import), left out. */
  duplicates: PlacedEntry[];
  /** The added entries in the timeline's style, one string each, for pasting at a cursor. */
  lines: string[];
  /** The zone the new entries are written in. */
  zone: string;
  shape: EntryStyle['shape'];
}

const UTC = resolveImportZone('UTC')!;

/** The zone imported entries are written in: the one the timeline declares or writes, else UTC. */
export function reportZone(report: Report): ImportZone {
  const declared = report.timeline.declaredZone && resolveImportZone(report.timeline.declaredZone.name);
  if (declared) return declared;
  const written = report.timeline.entries.find((e) => e.zoneOnEntry && e.zone)?.zone;
  return (written && resolveImportZone(written)) || UTC;
}

/** Lower case, single spaces, no Markdown escapes or closing punctuation: how duplicates compare. */
function normalize(text: string): string {
  return text
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!;,]+$/, '')
    .trim()
    .toLowerCase();
}

function wordsOf(entry: TimelineEntry): string {
  const token = readLeadingToken(entry.text);
  return normalize(token ? entry.text.slice(token.rest) : entry.text);
}

/** Where a group of new entries goes: after an existing entry, or before the first. */
interface Slot {
  after?: TimelineEntry;
  entries: PlacedEntry[];
}

/**
 * Merges `entries` (in time order, see `selectEntries`) into `report`'s timeline. A report
 * without a timeline section gets one at its end.
 */
export function mergeIntoReport(report: Report, entries: readonly PlacedEntry[], token?: CancellationToken): MergeResult {
  const zone = reportZone(report);
  const timed = report.timeline.entries.filter((e) => e.hasTime && !e.dateOnly && !e.timeProblem);
  const seen = new Set<string>();
  for (const e of timed) {
    if (e.utc !== undefined) seen.add(`${Math.floor(e.utc / 60_000)}|${wordsOf(e)}`);
  }
  const anchors = timed.filter((e) => e.utc !== undefined).sort((a, b) => a.utc! - b.utc!);
  const slots = new Map<TimelineEntry | undefined, Slot>();
  const added: PlacedEntry[] = [];
  const duplicates: PlacedEntry[] = [];
  let lastAnchor: TimelineEntry | undefined;
  for (let i = 0; i < entries.length; i++) {
    if ((i & 0x3ff) === 0) throwIfCancelled(token);
    const e = entries[i];
    const key = `${Math.floor(e.utc / 60_000)}|${normalize(e.text)}`;
    if (seen.has(key)) {
      duplicates.push(e);
      continue;
    }
    seen.add(key);
    // A reply stays with its thread, under the same anchor as the entry before it.
    const after = e.reply && added.length > 0 ? lastAnchor : lastNotLater(anchors, e.utc);
    lastAnchor = after;
    const slot = slots.get(after) ?? { after, entries: [] };
    slot.entries.push(e);
    slots.set(after, slot);
    added.push(e);
  }
  const edits = report.timeline.section && timed.length > 0 ? intoEntries(report, timed, [...slots.values()], zone) : intoSection(report, report.timeline.section, added, zone);
  const style = timed.length > 0 ? styleOf(report, timed[0]) : defaultStyle(report.timeline.declaredZone !== undefined);
  return { edits, text: applyEdits(report.text, edits), added, duplicates, lines: render(style, added, zone, undefined), zone: zone.name, shape: style.shape };
}

/** The latest anchor at or before `utc` (the last in document order among equals). */
function lastNotLater(anchors: readonly TimelineEntry[], utc: number): TimelineEntry | undefined {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid].utc! <= utc) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? anchors[lo - 1] : undefined;
}

function render(style: EntryStyle, entries: readonly PlacedEntry[], zone: ImportZone, dateOfNeighbour: string | undefined): string[] {
  let previousDate = dateOfNeighbour;
  return entries.map((e) => {
    const date = formatDate(utcToWall(e.utc, zone));
    // Without dates in the timeline, an entry on another day than the one before it says its day.
    const withDate = !style.date && previousDate !== undefined && date !== previousDate;
    previousDate = date;
    const indent = e.reply && style.shape === 'list' ? ' '.repeat(style.lead.length) : '';
    return indent + renderEntry(style, e.utc, e.text, zone, withDate);
  });
}

/** Insertions next to the existing entries of the timeline. */
function intoEntries(report: Report, timed: readonly TimelineEntry[], slots: readonly Slot[], zone: ImportZone): TextEdit[] {
  const { lines, text } = report;
  const style = styleOf(report, timed[0]);
  const first = timed.reduce((a, b) => (b.range.start.line < a.range.start.line ? b : a));
  const edits: { at: number; newText: string }[] = [];
  for (const slot of slots) {
    if (slot.entries.length === 0) continue;
    const neighbourDate = (slot.after ?? first).date;
    const rendered = render(style, slot.entries, zone, slot.after ? neighbourDate : undefined);
    if (!slot.after) {
      const at = lines.lineStart(first.range.start.line);
      edits.push({ at, newText: rendered.join(style.shape === 'heading' ? '\n\n' : '\n') + (style.shape === 'heading' ? '\n\n' : '\n') });
    } else if (style.shape === 'heading') {
      const at = trimBack(text, headingBlockEnd(report, slot.after));
      edits.push({ at, newText: '\n\n' + rendered.join('\n\n') });
    } else {
      const at = lines.lineEnd(slot.after.range.end.line);
      edits.push({ at, newText: '\n' + rendered.join('\n') });
    }
  }
  edits.sort((a, b) => a.at - b.at);
  return edits.map((e) => ({ range: lines.rangeOf(e.at, e.at), newText: e.newText }));
}

/** Where the text under a time heading ends: its section's end. */
function headingBlockEnd(report: Report, entry: TimelineEntry): number {
  const section = report.sections.find((s: Section) => s.headingRange.start.line === entry.range.start.line);
  return section ? section.bodyEnd : report.lines.lineEnd(entry.range.end.line);
}

/** The offset just after the last non-blank character before `at`. */
function trimBack(text: string, at: number): number {
  let i = Math.min(at, text.length);
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

/** A list at the end of the (empty) timeline section, or a new section at the end of the report. */
function intoSection(report: Report, section: Section | undefined, entries: readonly PlacedEntry[], zone: ImportZone): TextEdit[] {
  if (entries.length === 0) return [];
  const style = defaultStyle(report.timeline.declaredZone !== undefined);
  const list = render(style, entries, zone, undefined).join('\n');
  const { text, lines } = report;
  if (section) {
    const contentEnd = section.children[0] ? section.children[0].headingRange.start : undefined;
    const end = contentEnd ? lines.offsetAt(contentEnd) : section.bodyEnd;
    const at = Math.max(trimBack(text, end), lines.offsetAt(section.headingRange.end));
    return [{ range: lines.rangeOf(at, at), newText: '\n\n' + list + (contentEnd ? '\n' : '') }];
  }
  const at = trimBack(text, text.length);
  const heading = `${at > 0 ? '\n\n' : ''}## Timeline\n\n${zone.name === 'UTC' ? 'All times in UTC.\n\n' : ''}`;
  return [{ range: lines.rangeOf(at, at), newText: heading + render({ ...style, zone: false }, entries, zone, undefined).join('\n') + (at === text.length ? '\n' : '') }];
}
