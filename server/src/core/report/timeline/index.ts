/**
 * The timeline of a report: which section it is, its entries with their dates, zones, instants
 * and milestones, and the metrics derived from them. Reading rules in detail:
 * `tokens.ts` (what a time looks like), `entries.ts` (what an entry is), `resolve.ts` (dates,
 * zones, instants), `milestones.ts`, `metrics.ts`.
 */
import { toString } from 'mdast-util-to-string';
import { flattenSpecs, normalizeTitle, sectionNames } from '../../config/profiles.js';
import { sectionRole } from '../heading-roles.js';
import type { ResolvedConfig } from '../../config/config.js';
import type { LineIndex } from '../../text.js';
import type { FrontMatter, Section, Timeline, TimelineEntry } from '../types.js';
import { countDateOrders, decideDayFirst } from './date-order.js';
import { extractTimeline, type Extraction, type RawItem } from './entries.js';
import { reportDay, reportMonth } from './report-day.js';
import { resolveEntries, type ResolveContext } from './resolve.js';
import { hasTime, readLeadingToken } from './tokens.js';
import { selectMilestones } from './select.js';
import { collectStatements, resolveStatements, sectionTree, type StatementReader } from './statements.js';
import { findZoneDeclaration, findZonedTime, parseZone, type ZoneDeclaration } from './zones.js';

export { computeMetrics, metricsOf, milestoneEntry, minutesBetween } from './metrics.js';
export { MILESTONE_HINTS } from './milestones.js';
export { MILESTONE_INFO, MILESTONE_MARKERS, MILESTONES } from './lexicon.js';

const DEFAULT_NAMES = ['timeline', 'timeline of events', 'chronology'];

/**
 * The timeline section: the first section named as the profile's timeline (or "Timeline"), else
 * the first whose list is timed ({@link isTimedList}).
 */
export function findTimelineSection(sections: readonly Section[], config: ResolvedConfig): Section | undefined {
  const specs = flattenSpecs(config.profile.sections).filter(({ spec }) => spec.kind === 'timeline');
  const names = new Set(specs.length > 0 ? specs.flatMap(({ spec }) => sectionNames(spec)) : DEFAULT_NAMES.map(normalizeTitle));
  // "Timeline (all times UTC)" and "Timeline: Sept 14" are still the timeline.
  const base = (title: string): string => title.replace(/\s*\(.*\)$/, '').replace(/\s*(?::|\s[-\u2013\u2014])\s.*$/, '');
  return (
    sections.find((s) => names.has(s.normalized)) ??
    sections.find((s) => names.has(base(s.normalized))) ??
    // "Detailed Timeline", "Timeline (all times PST) 01/16/2024 - 02/28/2024".
    sections.find((s) => /\b(?:timeline|chronology)\b/.test(s.normalized)) ??
    sections.find(isTimedList)
  );
}

/** How many items of a list, at least, make it a timeline when nearly all start with a time. */
const TIMED_ITEMS = 3;

/**
 * A section that is a timeline by its content, whatever its name: its first list has at least
 * three items and two in three of them start with a time of day ("- **00:27 UTC:** Django starts
 * using connections", under "Leadup"), and its heading names no other part of a report. Only when
 * no section is named as the timeline.
 */
function isTimedList(section: Section): boolean {
  // A list under a heading of another part ("Action items", "Lessons learned") is that part.
  const role = sectionRole(section.title);
  if (role !== undefined && role !== 'timeline' && role !== 'summary') return false;
  const list = section.content.find((n) => n.type === 'list');
  if (!list || list.type !== 'list' || list.children.length < TIMED_ITEMS) return false;
  let timed = 0;
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    const token = readLeadingToken(toString(first));
    if (token && hasTime(token)) timed++;
  }
  return timed * 3 >= list.children.length * 2;
}

/**
 * Sections right after the timeline, at its level, whose heading is only a date ("## July 22") or
 * starts with a time ("## 13:20"): days and entries of the timeline written one level too high.
 */
export function followingDays(section: Section, sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  for (let i = sections.indexOf(section) + 1; i < sections.length; i++) {
    const s = sections[i];
    if (s.depth > section.depth) continue;
    if (s.depth < section.depth) break;
    const token = readLeadingToken(s.title);
    const day = token !== undefined && token.month !== undefined && token.hour === undefined && s.title.slice(token.rest).trim() === '';
    if (!token || !(day || hasTime(token))) break;
    out.push(s);
  }
  return out;
}

/**
 * Later sections that carry on the timeline: siblings of it with the same name ("# Timeline" once
 * for each day or phase of the story, with the story's other sections between them). A section
 * of that name under another parent (a second incident told in the same report) is not one.
 */
export function timelineParts(section: Section, sections: readonly Section[], text: string): Section[] {
  // Only a part whose heading opens its line with "#": such a heading starts a chunk of its own
  // (`chunks.ts`), so a chunk read apart holds at most one part of the timeline.
  const ownLine = (s: Section): boolean => {
    const at = s.heading.position?.start.offset ?? 0;
    return text.charCodeAt(text.lastIndexOf('\n', at - 1) + 1) === 0x23;
  };
  return sections.slice(sections.indexOf(section) + 1).filter((s) => s.parent === section.parent && s.depth === section.depth && s.normalized === section.normalized && ownLine(s));
}

/** Reads the timeline section's entries: times, dates, zones and milestones. */
export function readTimeline(sections: Section[], frontMatter: FrontMatter | undefined, lines: LineIndex, config: ResolvedConfig, file?: string, title?: string): Timeline {
  const section = findTimelineSection(sections, config);
  if (!section) return timelineWithout(sections, frontMatter, lines);
  const parts = timelineParts(section, sections, lines.text);
  return timelineFrom(section, extractTimeline(section, lines, followingDays(section, sections), parts), sections, frontMatter, lines, file, title, undefined, undefined, parts);
}

/** A report without a timeline section: milestones and metrics only from what it states elsewhere. */
export function timelineWithout(sections: Section[], frontMatter: FrontMatter | undefined, lines: LineIndex, read?: StatementReader): Timeline {
  const resolved = resolveStatements(collectStatements(sections, new Set(), lines, read), [], undefined, frontMatter, lines);
  return { entries: [], milestones: selectMilestones({ entries: [], frontMatter, statements: resolved, lines }), stated: resolved };
}

/**
 * Resolves the items of `extraction` in document order, leaving out `taken` (a line that only
 * declares the zone): {@link resolveEntries} by default. A `ReportSession` resolves chunk by
 * chunk instead, reusing the entries of a chunk whose text and carried-in state did not change
 * (and reads the items in document coordinates only when `taken` is one of them).
 */
export type EntryResolver = (extraction: Extraction, ctx: ResolveContext, taken: RawItem | undefined) => TimelineEntry[];

const resolveAll: EntryResolver = ({ items }, ctx, taken) => resolveEntries(taken ? items.filter((i) => i !== taken) : items, ctx);

/**
 * The document-level half of {@link readTimeline}: the declared zone, dates carried from entry
 * to entry, instants, stated times, milestone selection. `extraction` is what the timeline
 * section (and the {@link followingDays}) hold, read whole or chunk by chunk (`extractTimelineNodes`);
 * `parts` are its {@link timelineParts}, passed by a caller that has them already.
 */
export function timelineFrom(
  section: Section,
  extraction: Extraction,
  sections: Section[],
  frontMatter: FrontMatter | undefined,
  lines: LineIndex,
  file?: string,
  title?: string,
  resolve: EntryResolver = resolveAll,
  read?: StatementReader,
  parts: readonly Section[] = timelineParts(section, sections, lines.text),
): Timeline {
  const statements = (from: Set<Section>) => collectStatements(sections, from, lines, read);
  const inTimeline = new Set([section, ...parts].flatMap((s) => [...sectionTree(s)]));
  const { declaration, taken } = findDeclaredZone(extraction, section, sections, frontMatter, lines) ?? {};
  const month = reportMonth(file);
  const startDate = reportDay(title, file, sections, frontMatter, lines.text, month);
  const dayFirst = decideDayFirst(extraction.dateOrders ?? countDateOrders(extraction.items), startDate ?? month, declaration?.zone);
  const entries = resolve(extraction, { lines, declared: declaration?.zone, startDate, dayFirst }, taken);
  const resolved = resolveStatements(statements(inTimeline), entries, declaration?.zone, frontMatter, lines, startDate);
  const timeline: Timeline = { section, entries, milestones: selectMilestones({ entries, frontMatter, statements: resolved, lines }), stated: resolved };
  if (declaration) timeline.declaredZone = { name: declaration.zone.name, range: lines.rangeOf(declaration.start, declaration.end) };
  return timeline;
}

/** The clock times (minutes after midnight) of the timeline's entries that write no zone. */
function bareClockTimes(extraction: Extraction): Set<number> {
  const clock = new Set<number>();
  for (const item of extraction.items) if (item.kind === 'entry' && item.token?.hour !== undefined && !item.token.zone) clock.add(item.token.hour * 60 + item.token.minute!);
  return clock;
}

/**
 * A zone declared once: in the timeline's heading, a column header, a subheading or a
 * paragraph of the timeline (the first in document order); in an untimed timeline item that only says so ("- All times UTC");
 * elsewhere in the report; a zone written next to an entry's clock time elsewhere in the report;
 * or front matter `timezone`. The first place in that order wins.
 * An item that declares the zone is `taken`: it is not an entry.
 */
function findDeclaredZone(
  extraction: Extraction,
  section: Section,
  sections: readonly Section[],
  frontMatter: FrontMatter | undefined,
  lines: LineIndex,
): { declaration: ZoneDeclaration; taken?: RawItem } | undefined {
  const found = declaredZone(extraction, section, sections, frontMatter, lines);
  return found && ('taken' in found ? found : { declaration: found });
}

function declaredZone(
  extraction: Extraction,
  section: Section,
  sections: readonly Section[],
  frontMatter: FrontMatter | undefined,
  lines: LineIndex,
): ZoneDeclaration | { declaration: ZoneDeclaration; taken: RawItem } | undefined {
  const text = lines.text;
  const inSpan = (from: number, to: number): ZoneDeclaration | undefined => {
    const found = findZoneDeclaration(text.slice(from, to));
    return found && { zone: found.zone, start: from + found.start, end: from + found.end };
  };
  // Within the timeline, the first declaration in document order (its heading comes first).
  const local = [...extraction.headerZones, ...extraction.prose.map(([from, to]) => inSpan(from, to))]
    .filter((d): d is ZoneDeclaration => d !== undefined)
    .sort((a, b) => a.start - b.start);
  if (local.length > 0) return local[0];
  const items = extraction.items;
  for (let i = 0; i < items.length; i++) {
    const item: RawItem = items[i];
    if (item.kind !== 'entry' || item.token || item.nested) continue;
    const found = inSpan(item.start, item.end);
    // Only an item that is nothing but the declaration, not one that mentions a zone in passing.
    if (found && item.text.replace(/[\s().:!*_`]/g, '').length <= found.end - found.start) return { declaration: found, taken: item };
  }
  const inside = new Set<Section>();
  const mark = (s: Section): void => {
    inside.add(s);
    s.children.forEach(mark);
  };
  mark(section);
  // One walk over the other sections: a declaration there wins; failing one, a zone written next
  // to an entry's clock time in their headings or prose ("outages beginning from UTC 05:13" for
  // the entry at 05:13) is the zone of the timeline's times.
  const clock = bareClockTimes(extraction);
  const zonedTimeIn = (from: number, to: number): ZoneDeclaration | undefined => {
    const zoned = findZonedTime(text.slice(from, to), clock);
    return zoned && { zone: zoned.zone, start: from + zoned.start, end: from + zoned.end };
  };
  let fromClock: ZoneDeclaration | undefined;
  for (const other of sections) {
    if (inside.has(other)) continue;
    const heading = other.heading.position;
    const found = heading && inSpan(heading.start.offset ?? 0, heading.end.offset ?? 0);
    if (found) return found;
    // A title that gives the window ("… outage 2021-10-08 23:01 - 2021-10-09 02:40 UTC").
    if (!fromClock && clock.size > 0 && heading) fromClock = zonedTimeIn(heading.start.offset ?? 0, heading.end.offset ?? 0);
    for (const node of other.content) {
      const from = node.position?.start.offset ?? 0;
      const to = node.position?.end.offset ?? from;
      if (node.type === 'paragraph' || node.type === 'blockquote') {
        const hit = inSpan(from, to);
        if (hit) return hit;
      }
      if (!fromClock && clock.size > 0 && (node.type === 'paragraph' || node.type === 'list')) fromClock = zonedTimeIn(from, to);
    }
  }
  if (fromClock) return fromClock;
  for (const key of ['timezone', 'time_zone', 'timeZone', 'tz']) {
    const value = frontMatter?.data?.[key];
    const zone = typeof value === 'string' ? parseZone(value) : undefined;
    const range = frontMatter?.fields[key];
    if (zone && range) return { zone, start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
  }
  return undefined;
}
