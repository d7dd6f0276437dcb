/**
 * Finds the entries of a timeline section in document order, before any date or zone is
 * resolved. What counts as an entry:
 *
 * - a list item, timed by what it starts with or, failing that, by a time written after the
 *   event at the end of its first paragraph ("Report received (13 August, ~15:00 UTC)",
 *   "Rolled back — 15:05 UTC"). A top-level item without a time is still an entry (one that
 *   cannot be read), unless items nested under it carry times: then it is a group label
 *   ("Before the outage:").
 *   A nested item with a time is an entry of its own; a nested item without one is a detail of
 *   its parent and never an entry.
 * - a table row, when the table has a Time/Date/When column or its first cell starts with a
 *   time or date. A table with separate Date and Time columns combines them.
 * - a line of a paragraph that starts with a time (timelines pasted as plain lines); lines
 *   without one continue the entry above them. Other paragraphs and block quotes are prose, not entries. A list
 *   of untimed items right after a paragraph that ends with a colon ("We had two hypotheses:")
 *   holds the details of that paragraph's last entry (or is prose too), not entries.
 *
 * - a list item of an indented code block whose items start with times (`    - 11:16 deploy`): a
 *   list indented one step too far renders as code, but a reader still reads it as the timeline.
 *   A fenced block, or one whose lines are not list items, is a pasted log or command: no entries.
 *
 * - a heading inside the section that starts with a time (`### 13:44` or `### 13:44 - Problem
 *   starts`): the paragraphs below it are the entry's text and the untimed list items below it are
 *   its details, never entries of their own.
 *
 * Headings inside the section that are only a date, and paragraphs that are only a date
 * (`**2022-09-14**`), set the day of the entries after them.
 */
import type { Code, Heading, List, ListItem, Paragraph, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../../text.js';
import type { Milestone, MilestoneCue, Section } from '../types.js';
import { readEntryWords, type EntryReader } from './entry-words.js';
import { emphasisInSource, emphasisOf, plainLine, restOf, nodeEnd as end, nodeStart as start } from './entry-text.js';
import { countDateOrders, type DateOrderCount } from './date-order.js';
import { readTable } from './entry-table.js';
import { entryTokenAt, tokenAt, trailingTokenAt } from './line-tokens.js';
import { hasDate, hasTime, type TimeToken } from './tokens.js';
import { findZoneDeclaration, type ZoneDeclaration } from './zones.js';

/** An entry before dates and zones are resolved. Offsets are absolute. */
export interface RawEntry {
  kind: 'entry';
  start: number;
  end: number;
  /** The token read at the entry's start (absolute offsets), if any. */
  token?: TimeToken;
  /** A date read from a separate Date column. */
  dateToken?: TimeToken;
  text: string;
  /** Plain text after the time token: where milestone phrases are looked for. */
  rest: string;
  emphasis: string[];
  nested: boolean;
  /** The entry's milestones and milestone cues, when already read (see {@link extractTimelineNodes}). */
  milestones?: Milestone[];
  cues?: MilestoneCue[];
  /** Words that say the impact goes on, when already read; null when read and absent. */
  goesOn?: string | null;
  /** Words that say the problem had begun well before, when already read; null when read and absent. */
  begunEarlier?: string | null;
  /** The list or table holding the entry, and the item or row itself (none for paragraph lines). */
  container?: List | Table;
  node?: ListItem | TableRow;
}

/** A heading or a lone date that sets the day of the entries after it. */
export interface RawDate {
  kind: 'date';
  token: TimeToken;
}

export type RawItem = RawEntry | RawDate;

/** What the walk finds: entries and dates in order, and text that may declare a zone. */
export interface Extraction {
  items: RawItem[];
  /** Zones declared in the section's headings or column headers. */
  headerZones: ZoneDeclaration[];
  /** Prose paragraphs of the section, as [start, end) offsets. */
  prose: [number, number][];
  /** What the dates of the items show of the order of day and month (see `date-order.ts`). */
  dateOrders?: DateOrderCount;
}

const MAX_DEPTH = 64;


class Walker {
  readonly out: Extraction = { items: [], headerZones: [], prose: [] };
  constructor(private readonly text: string) {}

  section(section: Section, root: boolean): void {
    const timed = root ? undefined : this.heading(section.heading, () => section.content);
    if (timed) for (const node of section.content) this.detail(node, timed);
    else for (const node of section.content) this.block(node);
    for (const child of section.children) this.section(child, false);
  }

  /**
   * A heading that starts with a time is an entry, returned. A date heading sets the day; over a
   * day's story told without times (`### 2018-01-16`, then a paragraph or bullets) it is also an
   * entry of that day, as a time heading would be. `content` gives the blocks under the heading,
   * up to the next one: asked for only when the heading is a date.
   */
  heading(heading: Heading, content: () => readonly RootContent[]): RawEntry | undefined {
    this.headerZone(start(heading), end(heading));
    const first = heading.children[0];
    const token = first ? tokenAt(this.text, start(first), end(heading)) : undefined;
    if (!token) return undefined;
    if (!hasTime(token) && !token.problem) {
      if (!hasDate(token)) return undefined;
      this.out.items.push({ kind: 'date', token });
      if (!this.untimedStory(content())) return undefined;
    }
    const text = toString(heading).trim();
    const entry: RawEntry = {
      kind: 'entry',
      start: start(heading),
      end: end(heading),
      token,
      text,
      rest: restOf(text),
      emphasis: emphasisOf(heading.children),
      nested: false,
    };
    this.out.items.push(entry);
    return entry;
  }

  /**
   * Blocks that tell a story without times: paragraphs and lists, none with a timed line or item
   * (code, HTML and rules may stand between them). A table, or anything timed, is not.
   */
  untimedStory(content: readonly RootContent[]): boolean {
    let told = false;
    for (const node of content) {
      if (node.type === 'paragraph') {
        if (this.hasTimedLine(node)) return false;
        told = true;
      } else if (node.type === 'list') {
        if (hasTimedItem(node, this.text, 0)) return false;
        told = true;
      } else if (node.type !== 'code' && node.type !== 'html' && node.type !== 'thematicBreak') return false;
    }
    return told;
  }

  /** A line of the paragraph starts with a time or a date. */
  hasTimedLine(node: Paragraph): boolean {
    const to = end(node);
    for (let at = start(node); at < to; ) {
      let lineEnd = this.text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
      if (entryTokenAt(this.text, at, lineEnd)) return true;
      at = lineEnd + 1;
    }
    return false;
  }

  /** A block under a time heading: its text joins the entry, timed lines stay entries. */
  detail(node: RootContent, entry: RawEntry): void {
    if (node.type === 'paragraph' && !tokenAt(this.text, start(node), end(node))) {
      const words = toString(node).replace(/\s+/g, ' ').trim();
      entry.text = `${entry.text} ${words}`.trim();
      // Line breaks stay in `rest`: an entry's lines are often sentences without a full stop.
      entry.rest = `${entry.rest}\n${toString(node).trim()}`.trim();
      entry.emphasis.push(...emphasisOf([node]));
      entry.end = end(node);
    } else if (node.type === 'list') {
      // Bullets without times under a time heading tell what happened then, in the entry's words.
      if (hasTimedItem(node, this.text, 0)) this.list(node, true);
      else this.listDetails(node, entry);
    }
    // Code under a time heading is that entry's log or command.
    else if (node.type !== 'code') this.block(node);
  }

  /** The text from `from` to `to` is a zone declaration and nothing more ("(all times in UTC)"). */
  zoneAlone(from: number, to: number): boolean {
    const rest = this.text.slice(from, to);
    const found = findZoneDeclaration(rest, true);
    return found !== undefined && (rest.slice(0, found.start) + rest.slice(found.end)).replace(/[\s().,:;*_`-]/g, '') === '';
  }

  headerZone(from: number, to: number): void {
    const found = findZoneDeclaration(this.text.slice(from, to), true);
    if (found) this.out.headerZones.push({ zone: found.zone, start: from + found.start, end: from + found.end });
  }

  block(node: RootContent): void {
    const intro = this.introduces;
    this.introduces = undefined;
    // A list right after words that introduce it ("The possible fixes were:") holds their details.
    if (node.type === 'list' && intro && !hasTimedItem(node, this.text, 0)) this.listDetails(node, intro.entry);
    else if (node.type === 'list') this.list(node, false);
    else if (node.type === 'table') this.table(node);
    else if (node.type === 'paragraph') this.paragraph(node);
    else if (node.type === 'code') this.code(node);
    // "> (all times in GMT)" under the heading: a note on the timeline, read for its zone.
    else if (node.type === 'blockquote') this.out.prose.push([start(node), end(node)]);
  }

  /** An indented code block of timed lines (see the module comment); other code is neither entries nor prose. */
  code(node: Code): void {
    const from = start(node);
    const to = end(node);
    const lineStart = this.text.lastIndexOf('\n', from - 1) + 1;
    if (node.lang || /^[ \t]*(?:`{3}|~{3})/.test(this.text.slice(lineStart, to))) return;
    const found: RawEntry[] = [];
    let current: RawEntry | undefined;
    for (let at = lineStart; at < to; ) {
      let lineEnd = this.text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
      const line = this.text.slice(at, lineEnd).replace(/\r$/, '');
      // The list marker the indentation turned into text: a timed line without one is a log line.
      const marker = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/.exec(line);
      const body = at + (marker?.[0].length ?? 0);
      const token = marker ? tokenAt(this.text, body, lineEnd) : undefined;
      const plain = plainLine(this.text.slice(body, lineEnd).replace(/\r$/, ''));
      if (token && hasTime(token)) {
        current = { kind: 'entry', start: body, end: at + line.trimEnd().length, token, text: plain, rest: restOf(plain), emphasis: [], nested: false };
        found.push(current);
      } else if (!current && plain !== '') {
        // Code that does not open with a timed line is not a timeline.
        return;
      } else if (current && plain !== '') {
        current.end = at + line.trimEnd().length;
        current.text += ' ' + plain;
        current.rest += '\n' + plain;
      }
      at = lineEnd + 1;
    }
    this.out.items.push(...found);
  }

  /** The paragraph just read ends with a colon: the entry it ends with, if any. */
  private introduces?: { entry?: RawEntry };

  /** A list of details: the entry it belongs to takes its words; under prose it is prose. */
  listDetails(list: List, entry: RawEntry | undefined): void {
    if (!entry) {
      this.out.prose.push([start(list), end(list)]);
      return;
    }
    // One item per line: each is a clause of its own ("Other failures seen", "Realization this will break builds").
    const items = list.children.map((item) => toString(item).replace(/\s+/g, ' ').trim());
    entry.text = `${entry.text} ${items.join(' ')}`.trim();
    entry.rest = `${entry.rest}\n${items.join('\n')}`.trim();
    entry.end = end(list);
  }

  list(list: List, nested: boolean, depth = 0): void {
    // Nesting this deep is not a timeline; stop before the stack does.
    if (depth > MAX_DEPTH) return;
    for (const item of list.children) this.item(item, list, nested, depth);
  }

  item(item: ListItem, list: List, nested: boolean, depth: number): void {
    const own = item.children.filter((c) => c.type !== 'list');
    const sublists = item.children.filter((c): c is List => c.type === 'list');
    const first = own[0];
    const token = first && first.type === 'paragraph' ? (entryTokenAt(this.text, start(first), end(first)) ?? trailingTokenAt(this.text, start(first), end(first))) : undefined;
    if (token || (!nested && !sublists.some((l) => hasTimedItem(l, this.text, depth + 1)))) {
      const text = own.map((c) => toString(c)).join(' ').trim();
      this.out.items.push({
        kind: 'entry',
        start: start(item),
        end: end(item),
        token,
        text,
        rest: restOf(text),
        emphasis: emphasisOf(own),
        nested,
        container: list,
        node: item,
      });
    }
    for (const sub of sublists) this.list(sub, true, depth + 1);
  }

  table(table: Table): void {
    readTable(table, this.text, this.out, (from, to) => this.headerZone(from, to));
  }

  paragraph(node: Paragraph): void {
    const from = start(node);
    const to = end(node);
    let current: RawEntry | undefined;
    let any = false;
    for (let at = from; at < to; ) {
      let lineEnd = this.text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
      const line = this.text.slice(at, lineEnd).replace(/\r$/, '');
      const token = entryTokenAt(this.text, at, lineEnd);
      const plain = plainLine(line);
      if (token && !hasTime(token) && hasDate(token) && (token.rest - at >= line.trimEnd().length || this.zoneAlone(token.rest, at + line.length))) {
        // A lone date, or a date with the zone of the entries after it ("**April 15, 2021 (all times in UTC)**").
        this.out.items.push({ kind: 'date', token });
        this.headerZone(token.rest, at + line.length);
        current = undefined;
        any = true;
      } else if (token) {
        current = { kind: 'entry', start: at, end: at + line.trimEnd().length, token, text: plain, rest: restOf(plain), emphasis: emphasisInSource(line), nested: false };
        this.out.items.push(current);
        any = true;
      } else if (current) {
        current.end = at + line.trimEnd().length;
        current.text += ' ' + plain;
        current.rest += '\n' + plain;
        current.emphasis.push(...emphasisInSource(line));
      }
      at = lineEnd + 1;
    }
    if (!any) this.out.prose.push([from, to]);
    if (/:\s*$/.test(this.text.slice(from, to))) this.introduces = { entry: current };
  }
}

/** The nodes after the heading at `i`, up to the next heading. */
function contentAfter(nodes: readonly RootContent[], i: number): RootContent[] {
  let j = i + 1;
  while (j < nodes.length && nodes[j].type !== 'heading') j++;
  return nodes.slice(i + 1, j);
}

function hasTimedItem(list: List, text: string, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return list.children.some((item) => {
    const first = item.children[0];
    const token = first && first.type === 'paragraph' ? entryTokenAt(text, start(first), end(first)) : undefined;
    return token !== undefined || item.children.some((c) => c.type === 'list' && hasTimedItem(c, text, depth + 1));
  });
}

/**
 * Walks the timeline `section` (and its subsections), then the `following` day sections that
 * continue it and the later `parts` of it (`timelineParts`), and returns what they hold.
 */
export function extractTimeline(section: Section, lines: LineIndex, following: readonly Section[] = [], parts: readonly Section[] = []): Extraction {
  const walker = new Walker(lines.text);
  // The timeline's own heading ("Timeline (all times UTC)") outranks anything below it.
  walker.headerZone(start(section.heading), end(section.heading));
  walker.section(section, true);
  for (const day of following) walker.section(day, false);
  for (const part of parts) {
    walker.headerZone(start(part.heading), end(part.heading));
    walker.section(part, true);
  }
  walker.out.dateOrders = countDateOrders(walker.out.items);
  return walker.out;
}

/**
 * Walks the part of a timeline that one chunk of the document holds: its top-level `nodes`, in
 * the coordinates of `text` (the chunk's text). `rootHeading` is the timeline's own heading when
 * the chunk holds it. Each entry's milestones and cues are read here, once per chunk text: they
 * depend on the entry's words only. Walking every chunk of the timeline in order gives what
 * {@link extractTimeline} gives for the whole section (the blocks under a time heading that a
 * very long section pushes into the next chunk are read as blocks of their own).
 */
export function extractTimelineNodes(nodes: readonly RootContent[], text: string, rootHeading?: RootContent, read: EntryReader = readEntryWords): Extraction {
  const walker = new Walker(text);
  let timed: RawEntry | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === rootHeading) {
      walker.headerZone(start(node), end(node));
      timed = undefined;
    } else if (node.type === 'heading') timed = walker.heading(node, () => contentAfter(nodes, i));
    else if (timed) walker.detail(node, timed);
    else walker.block(node);
  }
  for (const item of walker.out.items) {
    if (item.kind !== 'entry') continue;
    const { milestones, cues, goesOn, begunEarlier } = read(item.text, item.rest, item.emphasis);
    item.milestones = milestones;
    item.cues = cues;
    item.goesOn = goesOn;
    item.begunEarlier = begunEarlier;
  }
  walker.out.dateOrders = countDateOrders(walker.out.items);
  return walker.out;
}
