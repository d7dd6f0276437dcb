/**
 * The "Sort the timeline" quick fix: when every entry is an item of one list or a row of one
 * table, and every item has a time or a date, the items are reordered by time. The sort is
 * stable (entries at the same time keep their order), each item moves with its nested lines,
 * the text between items is kept, and an ordered list keeps its numbering.
 */
import type { List, ListItem, Table, TableRow } from 'mdast';
import type { LineIndex } from '../../text.js';
import type { Fix, Range } from '../../types.js';
import type { Report, TimelineEntry } from '../types.js';
import { sectionNodes } from '../section-kind.js';
import { extractTimeline, type RawEntry } from './entries.js';
import { parseZone } from './zones.js';

/** The entry's first line, from its start: where line-level findings go. */
export function entryLineRange(lines: LineIndex, entry: TimelineEntry): Range {
  const line = entry.range.start.line;
  const end = Math.min(lines.lineEnd(line), lines.offsetAt(entry.range.end));
  let e = end;
  while (e > lines.lineStart(line) && /\s/.test(lines.text[e - 1])) e--;
  return lines.rangeOf(lines.offsetAt(entry.range.start), Math.max(e, lines.offsetAt(entry.range.start)));
}

function sortKey(entry: TimelineEntry, offsetMinutes: number): number | undefined {
  if (entry.hasTime) return entry.utc;
  if (entry.dateOnly && entry.date) {
    const [y, m, d] = entry.date.split('-').map(Number);
    // Just before midnight's first minute: a date sorts ahead of the times of its own day.
    return Date.UTC(y, m - 1, d) - offsetMinutes * 60_000 - 1;
  }
  return undefined;
}

const offsetOf = (n: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] => [
  n.position?.start.offset ?? 0,
  n.position?.end.offset ?? 0,
];

/** The fix that sorts the timeline, or undefined when it cannot be done mechanically. */
export function sortTimelineFix(report: Report): Fix | undefined {
  const { timeline, lines } = report;
  if (!timeline.section || timeline.entries.length < 2) return undefined;
  // Only a timeline held by one list or table can be sorted: find that block without reading
  // the others (a long timeline with a list per day is never read again here).
  const first = lines.offsetAt(timeline.entries[0].range.start);
  const last = lines.offsetAt(timeline.entries[timeline.entries.length - 1].range.end);
  const block = sectionNodes(timeline.section).find((n) => (n.position?.start.offset ?? 0) <= first && first < (n.position?.end.offset ?? 0));
  if (!block || (block.type !== 'list' && block.type !== 'table') || (block.position?.end.offset ?? 0) < last) return undefined;
  const byStart = new Map(timeline.entries.map((e) => [lines.offsetAt(e.range.start), e]));
  const raw = extractTimeline(timeline.section, lines).items.filter((i): i is RawEntry => i.kind === 'entry' && byStart.has(i.start));
  if (raw.length !== timeline.entries.length) return undefined;
  const container = raw[0].container;
  if (!container || raw.some((r) => r.nested || r.container !== container)) return undefined;
  const slots: (ListItem | TableRow)[] = container.type === 'list' ? (container as List).children : (container as Table).children.slice(1);
  if (slots.length !== raw.length) return undefined;
  const offset = timeline.declaredZone ? (parseZone(timeline.declaredZone.name)?.offset ?? 0) : 0;
  const keyed = slots.map((slot, index) => {
    const [start, end] = offsetOf(slot);
    const entry = byStart.get(start);
    return { index, start, end, key: entry && sortKey(entry, offset) };
  });
  if (keyed.some((k) => k.key === undefined)) return undefined;
  const sorted = [...keyed].sort((a, b) => a.key! - b.key! || a.index - b.index);
  if (sorted.every((k, i) => k.index === i)) return undefined;
  const text = lines.text;
  const ordered = container.type === 'list' && (container as List).ordered;
  let out = '';
  sorted.forEach((item, i) => {
    let piece = text.slice(item.start, item.end);
    if (ordered) {
      const number = /^\d+/.exec(text.slice(keyed[i].start, keyed[i].end))?.[0];
      if (number) piece = piece.replace(/^\d+/, number);
    }
    out += piece;
    if (i + 1 < keyed.length) out += text.slice(keyed[i].end, keyed[i + 1].start);
  });
  const range = lines.rangeOf(keyed[0].start, keyed[keyed.length - 1].end);
  return { title: 'Sort the timeline', edits: [{ range, newText: out }] };
}
