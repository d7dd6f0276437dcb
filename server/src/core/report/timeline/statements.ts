/**
 * The document-level half of stated times and metrics: which texts are read (paragraphs, list
 * items and table rows of every section but the timeline), and how a stated time gets its day
 * and zone (its own, else the day of the timeline's impact start or first dated entry, or front
 * matter `start`; the timeline's declared zone). Reading one text is `stated.ts`.
 */
import type { RootContent } from 'mdast';
import type { LineIndex } from '../../text.js';
import { isoDay, parseIsoInstant } from '../iso-date.js';
import type { FrontMatter, Section, StatedFact, TimelineEntry } from '../types.js';
import { zoneOnDay } from './seasons.js';
import { readStatements, type Statement } from './stated.js';
import type { Zone } from './zones.js';

/** A statement with absolute offsets into the document. */
export interface PlacedStatement {
  statement: Statement;
  /** Absolute offset of the text the statement's offsets count from. */
  base: number;
}

/** `section` and every section below it. */
export function sectionTree(section: Section): Set<Section> {
  const out = new Set<Section>();
  const visit = (s: Section): void => {
    out.add(s);
    s.children.forEach(visit);
  };
  visit(section);
  return out;
}

const span = (n: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0];

/**
 * Markup marks, and the backslash of an escaped mark ("\\~17:30"), become spaces, so that offsets
 * into the cleaned text are offsets into the source.
 */
function cleaned(text: string): string {
  return text.replace(/[*_`]|\\(?=[!-/:-@[-`{-~])/g, ' ');
}

function textsOf(node: RootContent, out: [number, number][]): void {
  if (node.type === 'paragraph' || node.type === 'heading') out.push(span(node));
  else if (node.type === 'blockquote') node.children.forEach((c) => textsOf(c, out));
  else if (node.type === 'list') for (const item of node.children) item.children.forEach((c) => textsOf(c, out));
  else if (node.type === 'table') for (const row of node.children) out.push(span(row));
}

/**
 * Reads the statements of one text ({@link readStatements}); a session passes one that remembers
 * the texts it has read.
 */
export type StatementReader = (text: string) => readonly Statement[];

/**
 * The blocks of text before the first heading (front matter left out), split at blank lines: a
 * report without a title heading says what happened there ("On 28th February the flags went down
 * from 15:30 to 18:10 UTC").
 */
function preambleSpans(sections: readonly Section[], lines: LineIndex): [number, number][] {
  const end = sections[0]?.heading.position?.start.offset ?? lines.text.length;
  const text = lines.text;
  const fence = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, end));
  const out: [number, number][] = [];
  const block = /\S(?:[^\n]|\n(?![ \t]*(?:\r?\n|$)))*/g;
  const from = fence ? fence[0].length : 0;
  const head = text.slice(0, end);
  block.lastIndex = from;
  for (let m = block.exec(head); m; m = block.exec(head)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Statements of every section outside `skip`, and of the text before the first heading, in document order. */
export function collectStatements(sections: readonly Section[], skip: Set<Section>, lines: LineIndex, read: StatementReader = readStatements): PlacedStatement[] {
  const out: PlacedStatement[] = [];
  for (const [from, to] of preambleSpans(sections, lines)) {
    for (const statement of read(cleaned(lines.text.slice(from, to)))) out.push({ statement, base: from });
  }
  for (const section of sections) {
    if (skip.has(section)) continue;
    const spans: [number, number][] = [];
    section.content.forEach((node) => textsOf(node, spans));
    for (const [from, to] of spans) {
      for (const statement of read(cleaned(lines.text.slice(from, to)))) out.push({ statement, base: from });
    }
  }
  return out;
}

function dayOfEntries(entries: readonly TimelineEntry[], frontMatter: FrontMatter | undefined): { day?: string; from?: TimelineEntry } {
  const started = entries.find((e) => e.date !== undefined && e.cues.some((c) => c.milestone === 'start'));
  if (started) return { day: started.date, from: started };
  const front = parseIsoInstant(frontMatter?.data?.start)?.date;
  if (front) return { day: front };
  const first = entries.find((e) => e.date !== undefined);
  return { day: first?.date, from: first };
}

/**
 * Gives stated times their instant; keeps metrics and durations as they are. A time without its
 * day takes the day of the timeline's impact start or first dated entry, front matter `start`,
 * else `reportDay` (the day the title or file name gives); the day after, when it ends something
 * and would otherwise come before that entry.
 */
export function resolveStatements(
  placed: readonly PlacedStatement[],
  entries: readonly TimelineEntry[],
  declared: Zone | undefined,
  frontMatter: FrontMatter | undefined,
  lines: LineIndex,
  reportDay?: string,
): StatedFact[] {
  const out: StatedFact[] = [];
  // Only a stated time needs the day, and reading it walks the whole timeline.
  const fromEntries = placed.some(({ statement }) => statement.kind === 'time') ? dayOfEntries(entries, frontMatter) : {};
  const day = fromEntries.day ?? reportDay;
  for (const { statement: s, base } of placed) {
    const range = lines.rangeOf(base + s.start, base + s.end);
    const words = lines.text.slice(base + s.start, base + s.end).replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
    if (s.kind === 'duration') {
      out.push({ kind: 'duration', range, words, minutes: s.minutes });
      continue;
    }
    if (s.kind === 'cause') {
      out.push({ kind: 'cause', range, words, changes: s.changes });
      continue;
    }
    if (s.kind === 'metric') {
      out.push({ kind: 'metric', milestone: s.milestone, range, words, minutes: s.minutes, from: s.from });
      continue;
    }
    const t = s.token;
    // A day without a time of day: the milestone happened, and that is all it says.
    if (t.hour === undefined) {
      out.push({ kind: 'time', milestone: s.milestone, range, words, absolute: t.year !== undefined });
      continue;
    }
    // "November 14, 3:02 PM" takes its year from the incident's day.
    const year = t.year ?? (day ? +day.slice(0, 4) : undefined);
    const date =
      t.month !== undefined && year !== undefined ? { y: year, m: t.month, d: t.day! } : day ? { y: +day.slice(0, 4), m: +day.slice(5, 7), d: +day.slice(8, 10) } : undefined;
    const d = date ?? { y: 1970, m: 1, d: 1 };
    const zone = t.zone ?? (declared?.seasonal ? zoneOnDay(declared, date && isoDay(d.y, d.m, d.d)) : declared);
    let utc = Date.UTC(d.y, d.m - 1, d.d, t.hour!, t.minute!, t.second ?? 0) - (zone?.offset ?? 0) * 60_000;
    // A clock time without its day that ends something ("issue resolved at 02:43") and would fall
    // before the entry that gave the day (the start at 23:15) is on the day after.
    const anchor = fromEntries.from?.utc;
    if (t.month === undefined && s.milestone !== 'start' && anchor !== undefined && utc < anchor && utc + 86_400_000 >= anchor) utc += 86_400_000;
    out.push({ kind: 'time', milestone: s.milestone, range, words, utc, absolute: date !== undefined, ...(s.window ? { window: true } : {}), ...(s.told ? { told: true } : {}) });
  }
  return out;
}

