/**
 * Reads the actionables section: its list items and table rows, each with its task references,
 * owner, tags and done state.
 *
 * Nested lists: a nested list of plain items belongs to its parent item (details such as
 * "Owner: …" or a task link on a line of their own are common). A nested *task list*
 * (`- [ ]` items) is a list of items in their own right; its parent is then a heading for them and
 * is an item itself only when it is a task-list item too. Nested items take the owner and the tags
 * of their parent when they name none themselves (an owner for a group of work is an owner for
 * each piece); they do not take its task references, because each piece needs its own tracking.
 */
import type { Definition, LinkReference, List, ListItem, Node, Parent, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ResolvedConfig } from '../config/config.js';
import type { LineIndex } from '../text.js';
import type { Range } from '../types.js';
import { isOwnerValue, readReferences, readTagCell } from './actionable-refs.js';
import { isStatus, readsAsPlanned, statedStatus, statusCellDone } from './actionable-status.js';
import { tableColumns, type Columns } from './actionable-table.js';
import { FIX_NOUNS, headingRole, NAMES_WORK_LEFT, sectionRole, WORK_LEFT } from './heading-roles.js';
import { DONE_GROUP, isDoneHeadline, readsAsDone } from './actionable-done.js';
import { headingHandle, teamIntroducing } from './actionable-owner.js';
import { sectionNodes, sectionOfKind } from './section-kind.js';
import type { Actionable, Actionables, Section } from './types.js';

/** Items that say there is nothing to do, or nothing at all (a bare `[ ]`): they do not count as items. */
const NOTHING = /^(?:\[[ xX]\])?\s*(?:none|n\/?a|nothing|-+|no (?:action items|actionables|follow-?ups|actions))?\.?$/i;
/**
 * An item that is only a template's variable, with its hint: "{{ summary }} [link to github
 * issue]". One filled in inside the braces ("{{ Start writing after-action reports }}") is an item.
 */
const TEMPLATE_ONLY = /^\s*\{\{\s*[\w ,'-]{0,30}\}\}\s*(?:\[[^\]\n]{0,40}\])?\s*$/;
/** Words that make no item: nothing to do ({@link NOTHING}), or only a template's variable ({@link TEMPLATE_ONLY}). */
const noItem = (text: string): boolean => NOTHING.test(text) || TEMPLATE_ONLY.test(text);

/**
 * A paragraph that says nothing came out ("Nothing to follow up.", "No further action.") or points
 * elsewhere ("See the full diff here."): no item.
 */
const NOTHING_PROSE = /^\s*(?:nothing|none\b|n\/a\b|no (?:follow|action|further|changes?|work)|see\s|cf\.?\s)/i;

/**
 * Follow-ups written as prose that tell the fix already made: "The fix was to remove the slash",
 * "we patched the loader", "the manifest was corrected".
 */
const FIX_TOLD = /\b(?:fix|solution|change|workaround|remedy)\s+was\s+to\b|\b(?:we|I|@[\w.-]+)\s+(?:\w+ly\s+)?(?:fixed|changed|removed|added|updated|deployed|replaced|patched|corrected|reverted)\b|\b(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:fixed|corrected|changed|removed|deployed|patched|updated|reverted)\b/i;

/** True when a sentence of a prose follow-up tells the fix as made ({@link FIX_TOLD}) and plans nothing more. */
function toldFixed(text: string): boolean {
  return text.split(/(?<=[.!?])\s+/).some((sentence) => FIX_TOLD.test(sentence) && !readsAsPlanned(sentence, true));
}

/** What a group (a subheading or a parent item) gives the items under it. */
interface Inherited {
  owner?: string;
  tags: string[];
  /** The group says its items are done ("Completed", "Immediate actions (done)"). */
  done?: boolean;
  /** A tracking issue linked from the group's heading: it tracks each item that links none. */
  tasks?: string[];
  /**
   * The items are read from a section that tells the fix ("Solution", "Details of Fix"): each is
   * work done unless it reads as planned (see `actionable-status.ts`).
   */
  narrative?: boolean;
  /** In such a section, the paragraph before the list says its work was done ("The following fixes were implemented:"). */
  introducedAsDone?: boolean;
  /** The section has no list or table: each paragraph is an item. */
  prose?: boolean;
}

/** Head words of a section that tells the fix and the work left ({@link FIX_NOUNS}). */
const FIX_SECTION = new RegExp(String.raw`\b(?:${FIX_NOUNS})\b`);

/** A paragraph that is an actionable by its label: "**Action item:** …", "Follow-up: …". */
const ACTION_LABEL = /^[*_]{0,2}(?:action items?|actionables?|follow[- ]?ups?|todo)[*_]{0,2}\s*:[*_]{0,2}\s+(?=\S)/i;

/**
 * A paragraph that is only a label over a list of work still to do: "**Actions planned:**",
 * "Follow-ups:", "Next steps:" (the head words of {@link WORK_LEFT}).
 */
const PLANNED_LABEL = new RegExp(String.raw`^(?:actions?\s+(?:planned|to\s+take|to\s+be\s+taken|needed|required)|planned\s+actions?|${WORK_LEFT})\s*:$`, 'i');

/** "(for example <link>)": a link given as an example is not the item's task. */
const EXAMPLE_LINK = /\(?\b(?:for example|for instance|e\.g\.|such as|like)[,:]?\s*(?:\[[^\]]*\]\([^)]*\)|<?https?:\/\/[^\s)>]+>?)\)?/gi;

/**
 * Reads the items of the actionables section (list items or table rows, grouped under subheadings
 * that may say the work is done or link its tracking issue), and paragraphs elsewhere that are
 * labelled as actionables ("**Action item:** …").
 */
export function readActionables(sections: Section[], lines: LineIndex, config: ResolvedConfig, definitions: Definitions = new Map()): Actionables {
  // A section the profile does not name but whose head words say it lists the work left
  // ("Corrective measures", "Recommendations", "Open follow-ups"). Only its lists and tables are
  // items: such a section written as prose mixes the follow-ups with their reasons, recaps and
  // advice to others, which a named one does far less.
  const byName = sectionOfKind(sections, config, 'actionables');
  // Not one whose heading says the work is done ("Corrective measures implemented"): the work left is elsewhere, if anywhere.
  const byWords = byName ? undefined : sections.find((s) => s.depth > 1 && sectionRole(s.title) === 'actionables' && NAMES_WORK_LEFT.test(s.normalized) && !DONE_GROUP.test(s.title));
  const named = byName ?? byWords;
  // A report with no actionables section tells what was done and what is left under "Solution" or
  // "Details of Fix": its items are read there, as done work unless they read as planned.
  const fix = named ? undefined : sections.find((s) => s.depth > 1 && sectionRole(s.title) === 'resolution' && FIX_SECTION.test(s.core));
  const section = named ?? fix;
  const items: Actionable[] = [];
  const reader = new ItemReader(lines, items, definitions);
  const inside = new Set<Section>();
  const visit = (s: Section, group: Inherited, prose: boolean): void => {
    inside.add(s);
    for (const node of s.content) {
      const words = node.type === 'paragraph' && (prose || !group.owner) ? toString(node) : undefined;
      // The team a paragraph names as doing the work owns it (in prose) and what follows it:
      // "The platform team will take the following actions:".
      const team = words !== undefined && !group.owner ? teamIntroducing(words) : undefined;
      // Follow-ups written as prose: with no list or table to read, each paragraph is one.
      if (prose) {
        if (node.type !== 'paragraph' || NOTHING_PROSE.test(words ?? '')) continue;
        if (team) group = { ...group, owner: team };
        reader.paragraph(node, { ...group, prose: true });
        continue;
      }
      reader.block(node, group);
      if (team) group = { ...group, owner: team };
    }
    for (const child of s.children) visit(child, groupOf(child, group, lines), prose);
  };
  if (section) {
    const group: Inherited = { tags: [], narrative: section === fix };
    visit(section, group, section !== byWords && !sectionNodes(section).some((n) => n.type === 'list' || n.type === 'table'));
  }
  for (const other of sections) {
    if (inside.has(other)) continue;
    let planned = false;
    for (const node of other.content) {
      // A list under a label that names work still to do ("**Actions planned:**") holds actionables
      // wherever it stands; one under "Actions taken:" holds done work and is left alone.
      if (planned && node.type === 'list') reader.block(node, { tags: [] });
      planned = node.type === 'paragraph' && PLANNED_LABEL.test(toString(node).trim());
      if (node.type === 'paragraph') reader.labelled(node);
      // A table headed "Action item | Owner | …" is the report's actionables wherever it stands.
      else if (node.type === 'table' && isActionTable(node, lines)) reader.block(node, { tags: [] });
    }
  }
  // A fix section that holds no item (a code block, a link), or a section found by its head words
  // that holds no list or table, is not the report's actionables.
  return section && (section === byName || items.length > 0) ? { section, items } : { items };
}

/** Link reference definitions (`[fix-pr]: https://…`) by their normalized label. */
export type Definitions = ReadonlyMap<string, string>;

/** The link reference definitions of a document, for items that link their task by reference. */
export function linkDefinitions(root: Root): Definitions {
  const out = new Map<string, string>();
  const walk = (node: Node): void => {
    if (node.type === 'definition') {
      const d = node as Definition;
      if (!out.has(d.identifier)) out.set(d.identifier, d.url);
    } else if ('children' in node) for (const child of (node as Parent).children) walk(child);
  };
  walk(root);
  return out;
}

/**
 * Answers of {@link isActionTable} by the table's header line: every table of a report is asked
 * in every version, and reading a header's cells places them in the document first.
 */
const actionHeaders = new Map<string, boolean>();

/** {@link headerNamesActionables}, remembered by the table's first (header) line. */
function isActionTable(table: Table, lines: LineIndex): boolean {
  const from = start(table);
  const eol = lines.text.indexOf('\n', from);
  const header = lines.text.slice(from, eol < 0 ? lines.text.length : eol);
  // A reference link reads as its text only where the document defines it: not the line alone.
  if (header.includes('[')) return headerNamesActionables(table);
  let known = actionHeaders.get(header);
  if (known === undefined) {
    known = headerNamesActionables(table);
    if (actionHeaders.size >= 4096) actionHeaders.clear();
    actionHeaders.set(header, known);
  }
  return known;
}

/** A table whose header names a column of actionables ("Action item", "Follow-up"). */
function headerNamesActionables(table: Table): boolean {
  const header = table.children[0];
  return header !== undefined && header.children.some((cell) => headingRole(toString(cell)) === 'actionables');
}

/** What a subheading of the actionables section gives its items: done, and a linked tracking issue. */
function groupOf(section: Section, parent: Inherited, lines: LineIndex): Inherited {
  const heading = lines.text.slice(start(section.heading), end(section.heading));
  const tasks = readReferences(heading.replace(EXAMPLE_LINK, ' ')).tasks;
  return { ...parent, owner: headingHandle(heading) ?? parent.owner, done: parent.done || DONE_GROUP.test(section.title) || isDoneHeadline(section.title), tasks: tasks.length > 0 ? tasks : parent.tasks };
}

function start(node: Node): number {
  return node.position?.start.offset ?? 0;
}

function end(node: Node): number {
  return node.position?.end.offset ?? start(node);
}

function plain(nodes: Node[]): string {
  return nodes
    .map((n) => toString(n))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isTaskList(list: List): boolean {
  return list.children.some((item) => typeof item.checked === 'boolean');
}

class ItemReader {
  /** The item just read when its words end by introducing a list ("… alerts around:"). */
  private introduces?: Actionable;
  /** In a fix section, the paragraph just read introduces a list of work done ("… were implemented:"). */
  private introducedAsDone = false;
  /** The tasks linked by the paragraph just read, when it introduces a list. */
  private introTasks?: string[];

  constructor(
    private readonly lines: LineIndex,
    private readonly items: Actionable[],
    private readonly definitions: Definitions,
  ) {}

  block(node: RootContent, group: Inherited = { tags: [] }): void {
    const intro = this.introduces;
    this.introduces = undefined;
    const introducedAsDone = this.introducedAsDone;
    const introTasks = this.introTasks;
    const words = node.type === 'paragraph' ? toString(node) : '';
    const introduces = /:\s*$/.test(words);
    this.introducedAsDone = group.narrative === true && introduces && !readsAsPlanned(words, true);
    // A paragraph that introduces the list and links its tracker ("cleanup, detailed in #631, by
    // doing one of:") tracks the items it introduces.
    this.introTasks = introduces ? this.references([node]).tasks : undefined;
    if (introducedAsDone && node.type === 'list') group = { ...group, introducedAsDone };
    if (introTasks?.length && node.type === 'list') group = { ...group, tasks: introTasks };
    // A list right after an item that introduces it holds that item's details, not items.
    if (node.type === 'list' && intro && !isTaskList(node)) this.details(intro, node);
    else if (node.type === 'list') this.list(node, group);
    else if (node.type === 'table') this.table(node, group);
    else if (node.type === 'paragraph') this.labelled(node, group);
  }

  /**
   * A paragraph labelled as an actionable ("**Action item:** start incidents earlier") or by a
   * status written in capitals ("**TODO**: alert on disk space", "DONE: …").
   */
  labelled(node: RootContent, group: Inherited = { tags: [] }): void {
    const source = this.lines.text.slice(start(node), end(node));
    const label = ACTION_LABEL.exec(source);
    if (label) this.paragraph(node, group, label[0].length);
    else if (statedStatus(source, true)) this.paragraph(node, group);
  }

  /** A paragraph that is one actionable; `skip` characters of label come before its words. */
  paragraph(node: RootContent, group: Inherited = { tags: [] }, skip = 0): void {
    const refs = this.references([node]);
    const status = statedStatus(this.lines.text.slice(start(node) + skip, end(node)));
    if (status && skip === 0) skip = status.skip;
    const text = skip > 0 ? plain([node]).replace(/^[^:]*:\s*/, '') : plain([node]);
    if (noItem(text)) return;
    const actionable: Actionable = {
      text,
      range: this.lines.rangeOf(start(node), end(node)),
      tasks: refs.tasks.length > 0 ? refs.tasks : (group.tasks ?? []),
      owner: refs.owner ?? group.owner,
      tags: refs.tags,
      source: 'list',
      textRange: this.lines.rangeOf(start(node) + skip, end(node)),
    };
    if (group.done || readsAsDone(text)) actionable.done = true;
    if (group.narrative && !readsAsPlanned(text, group.introducedAsDone)) actionable.done = true;
    if (group.prose && toldFixed(text)) actionable.done = true;
    if (status) actionable.done = status.done;
    this.items.push(actionable);
  }

  /** The references of some nodes' source, with links by reference (`[issue][tracker-12]`) resolved. */
  private references(nodes: Node[]): ReturnType<typeof readReferences> {
    const source = nodes.map((n) => this.lines.text.slice(start(n), end(n))).join('\n');
    const urls: string[] = [];
    if (this.definitions.size > 0) {
      const walk = (node: Node): void => {
        if (node.type === 'linkReference') {
          const url = this.definitions.get((node as LinkReference).identifier);
          if (url) urls.push(url);
        }
        if ('children' in node) for (const child of (node as Parent).children) walk(child);
      };
      nodes.forEach(walk);
    }
    return readReferences([source, ...urls].join(' ').replace(EXAMPLE_LINK, ' '));
  }

  /** The details of an item, listed under it: their task, owner and tags are the item's. */
  private details(item: Actionable, list: List): void {
    const refs = this.references([list]);
    for (const task of refs.tasks) if (!item.tasks.includes(task)) item.tasks.push(task);
    item.owner ??= refs.owner;
    for (const tag of refs.tags) if (!item.tags.includes(tag)) item.tags.push(tag);
  }

  private list(list: List, inherited: Inherited): void {
    for (const item of list.children) this.listItem(item, inherited);
  }

  private listItem(item: ListItem, inherited: Inherited): void {
    const split = item.children.filter((c): c is List => c.type === 'list' && isTaskList(c));
    const own = item.children.filter((c) => !split.includes(c as List));
    // An item that only holds a task list (`3. - [ ] …`) is its numbering: nothing of its own to
    // read or to pass on, and its empty words must not read as work told done in a fix section.
    if (own.length === 0 && !item.checked) {
      for (const list of split) this.list(list, inherited);
      return;
    }
    const refs = this.references(own);
    const owner = refs.owner ?? inherited.owner;
    const tags = [...refs.tags, ...inherited.tags.filter((t) => !refs.tags.some((r) => r.toLowerCase() === t.toLowerCase()))];
    const text = plain(own);
    const checked = typeof item.checked === 'boolean';
    const firstWords = plain(own.slice(0, 1));
    const status = own[0] ? statedStatus(this.lines.text.slice(start(own[0]), end(own[0]))) : undefined;
    const doneByNarrative = inherited.narrative === true && !checked && !readsAsPlanned(firstWords, inherited.introducedAsDone);
    // A label over the work it lists ("Immediate actions taken:") says it is done.
    const doneLabel = /:\s*$/.test(firstWords) && DONE_GROUP.test(firstWords);
    const done = status ? status.done : inherited.done || readsAsDone(firstWords, text) || doneByNarrative || doneLabel;
    if ((split.length === 0 || checked) && !noItem(text)) {
      const itemEnd = split.length > 0 ? Math.max(start(item) + 1, ...own.map(end)) : end(item);
      const first = own[0];
      const actionable: Actionable = {
        text,
        range: this.lines.rangeOf(start(item), itemEnd),
        tasks: refs.tasks.length > 0 ? refs.tasks : (inherited.tasks ?? []),
        owner,
        tags,
        source: 'list',
        textRange: first ? this.wordsOf(first) : undefined,
      };
      if (checked) actionable.done = item.checked === true;
      if (done) actionable.done = true;
      if (status) actionable.done = status.done;
      this.items.push(actionable);
      this.introduces = split.length === 0 && /:\s*$/.test(text) ? actionable : undefined;
    }
    // A parent item groups its task list: its owner, tags and "done" carry over, its task does not.
    for (const list of split) this.list(list, { owner, tags, done: done || DONE_GROUP.test(firstWords), tasks: inherited.tasks });
  }

  private table(table: Table, group: Inherited): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const columns = tableColumns(header.children.map((c) => toString(c)));
    for (const row of rows) this.row(row, columns, group);
  }

  private row(row: TableRow, columns: Columns, group: Inherited): void {
    const cells = row.children.map((cell) => ({ node: cell, text: plain([cell]) }));
    if (cells.every((c) => c.text === '')) return;
    const textCell = columns.text !== undefined ? cells[columns.text] : undefined;
    const text = textCell && textCell.text !== '' ? textCell.text : cells.map((c) => c.text).filter(Boolean).join(' | ');
    if (noItem(text)) return;
    const refs = readReferences(this.lines.text.slice(start(row), end(row)));
    let taskCell = columns.task !== undefined ? cells[columns.task] : undefined;
    // A task column filled with "DONE" / "TODO" is used as the status column.
    const statusInTaskColumn = columns.status === undefined && taskCell !== undefined && isStatus(taskCell.text) ? taskCell : undefined;
    if (statusInTaskColumn) taskCell = undefined;
    if (taskCell) {
      const inColumn = readReferences(this.lines.text.slice(start(taskCell.node), end(taskCell.node)), { taskColumn: true }).tasks;
      for (const task of inColumn) if (!refs.tasks.includes(task)) refs.tasks.push(task);
    }
    const ownerCell = columns.owner !== undefined ? cells[columns.owner] : undefined;
    const owner = ownerCell && isOwnerValue(ownerCell.text) ? ownerCell.text : (refs.owner ?? group.owner);
    const tagCell = columns.tags !== undefined ? cells[columns.tags] : undefined;
    const tags = [...refs.tags];
    for (const tag of tagCell ? readTagCell(tagCell.text) : []) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    const textNode = textCell && textCell.text !== '' ? textCell.node : cells.find((c) => c.text !== '')?.node;
    const actionable: Actionable = {
      text,
      range: this.lines.rangeOf(start(row), end(row)),
      tasks: refs.tasks,
      owner,
      tags,
      source: 'table',
      textRange: textNode ? this.cellInterior(start(textNode), end(textNode)) : undefined,
      ownerCellRange: ownerCell ? this.lines.rangeOf(start(ownerCell.node), end(ownerCell.node)) : undefined,
    };
    const statusCell = columns.status !== undefined ? cells[columns.status] : statusInTaskColumn;
    const stated = statusCell ? statusCellDone(statusCell.text) : undefined;
    if (stated !== undefined) actionable.done = stated;
    else if (statusCell && statusCell.text !== '') actionable.done = false;
    if (group.done || readsAsDone(text)) actionable.done = true;
    if (actionable.tasks.length === 0 && group.tasks) actionable.tasks = group.tasks;
    this.items.push(actionable);
  }

  /** A block's range without a leading checkbox (the parser places it inside or before the paragraph). */
  private wordsOf(node: Node): Range {
    const from = start(node);
    const box = /^\[[ xX]\][ \t]*/.exec(this.lines.text.slice(from, from + 8));
    return this.lines.rangeOf(from + (box ? box[0].length : 0), end(node));
  }

  /** A cell's text without its pipes and padding. */
  private cellInterior(from: number, to: number): Range {
    const text = this.lines.text;
    let s = from;
    let e = to;
    if (text[s] === '|') s++;
    if (e > s && text[e - 1] === '|' && text[e - 2] !== '\\') e--;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    return this.lines.rangeOf(s, e);
  }
}
