/**
 * The body of the HTML export: the report's mdast turned into hast by remark-rehype and cleaned
 * by rehype-sanitize (GitHub's rules), with two changes made on the mdast first: task ids become
 * links, and the lists or tables that hold timeline entries become one readable timeline table
 * (time in UTC, entry, milestones). Raw HTML in the report is dropped, never passed through.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { ListItem, Nodes, Parents, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Report, TimelineEntry } from '../report/types.js';
import { isoUtc, shortUtc } from '../report/iso-date.js';
import { h } from './hast.js';
import { splitTaskIds, taskUrl } from './tasks.js';

/** One row of a timeline table, before conversion to hast. */
interface TimelineRow {
  entry?: TimelineEntry;
  /** What the author wrote for the entry: the list item's or the row's content. */
  content: RootContent[];
}

/** mdast node standing for a generated timeline table; only the handler below knows it. */
interface TimelineNode {
  type: 'incidentTimeline';
  rows: TimelineRow[];
  timeText: (entry: TimelineEntry) => string | undefined;
}

const MILESTONE_CLASSES = ['badge', 'milestone-start', 'milestone-detected', 'milestone-mitigated', 'milestone-resolved'];

/** GitHub's sanitizing rules, plus the classes and `time` elements of the timeline table. */
const SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'time'],
  attributes: {
    ...defaultSchema.attributes,
    table: [...(defaultSchema.attributes?.table ?? []), ['className', 'timeline']],
    tr: [...(defaultSchema.attributes?.tr ?? []), ['className', 'milestone']],
    td: [...(defaultSchema.attributes?.td ?? []), ['className', 'time', 'time-unknown', 'entry', 'milestones'], 'title'],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', ...MILESTONE_CLASSES]],
    time: ['dateTime'],
  },
};

/** The report body as sanitized hast, without front matter and without the title heading. */
export function reportBodyHast(report: Report): HastRoot {
  const root = structuredClone(report.root);
  const titleHeading = root.children.find((n) => n.type === 'heading');
  root.children = root.children.filter((n) => n.type !== 'yaml' && !(n === titleHeading && n.type === 'heading' && n.depth === 1));
  linkTaskIds(root);
  replaceTimelines(root, report);
  const processor = unified()
    .use(remarkRehype, { handlers: { incidentTimeline: timelineHandler } as never })
    .use(rehypeSanitize, SCHEMA);
  return processor.runSync(root) as HastRoot;
}

/** Replaces each list or table of the timeline section that holds entries by a timeline table. */
function replaceTimelines(root: Root, report: Report): void {
  const { section, entries } = report.timeline;
  if (!section || entries.length === 0) return;
  const start = section.heading.position?.end.offset ?? 0;
  const end = section.bodyEnd;
  // Sorted by offset and searched by halving: a timeline may hold thousands of entries.
  const byOffset = entries.map((entry) => ({ entry, offset: report.lines.offsetAt(entry.range.start) })).sort((a, b) => a.offset - b.offset);
  const entryIn = (node: Nodes) => {
    const from = node.position?.start.offset ?? -1;
    const to = node.position?.end.offset ?? -1;
    let lo = 0;
    let hi = byOffset.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byOffset[mid].offset < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < byOffset.length && byOffset[lo].offset < to ? byOffset[lo].entry : undefined;
  };
  const timeText = (entry: TimelineEntry) => (entry.timeRange ? sliceRange(report, entry.timeRange) : undefined);
  root.children = root.children.map((node) => {
    const at = node.position?.start.offset ?? -1;
    if (at < start || at >= end) return node;
    if (node.type === 'list' && node.children.some((item) => entryIn(item))) {
      const rows = node.children.map((item) => ({ entry: entryIn(item), content: listItemContent(item) }));
      return { type: 'incidentTimeline', rows, timeText } as unknown as RootContent;
    }
    if (node.type === 'table' && node.children.slice(1).some((row) => entryIn(row))) {
      const rows = node.children.slice(1).map((row) => {
        const entry = entryIn(row);
        return { entry, content: tableRowContent(row, entry, report) };
      });
      return { type: 'incidentTimeline', rows, timeText } as unknown as RootContent;
    }
    return node;
  });
}

function sliceRange(report: Report, range: TimelineEntry['range']): string {
  return report.text.slice(report.lines.offsetAt(range.start), report.lines.offsetAt(range.end));
}

/** A list item's blocks, paragraphs unwrapped so a one-line entry stays one line. */
function listItemContent(item: ListItem): RootContent[] {
  const out: RootContent[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      if (out.length > 0) out.push({ type: 'break' });
      out.push(...child.children);
    } else {
      out.push(child);
    }
  }
  return out;
}

/** The cells of a table row, without the cell that only holds the time, joined by ` · `. */
function tableRowContent(row: TableRow, entry: TimelineEntry | undefined, report: Report): RootContent[] {
  let cells = row.children;
  if (entry?.timeRange && cells.length > 1) {
    const timeAt = report.lines.offsetAt(entry.timeRange.start);
    const first = cells[0];
    const firstText = plain(first.children).trim();
    if ((first.position?.start.offset ?? -1) <= timeAt && timeAt < (first.position?.end.offset ?? -1) && firstText === sliceRange(report, entry.timeRange).trim()) {
      cells = cells.slice(1);
    }
  }
  const out: RootContent[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) out.push({ type: 'text', value: ' · ' });
    out.push(...cell.children);
  });
  return out;
}

function plain(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? String(n.value) : 'children' in n ? plain(n.children as PhrasingContent[]) : '')).join('');
}

/** remark-rehype handler for {@link TimelineNode}. */
function timelineHandler(state: { all(node: Parents): ElementContent[] }, node: TimelineNode): Element {
  const head = h('thead', {}, h('tr', {}, h('th', {}, 'Time (UTC)'), h('th', {}, 'Entry'), h('th', {}, 'Milestone')));
  const rows = node.rows.map((row) => {
    const entry = row.entry;
    const milestones = entry?.milestones ?? [];
    const cell = state.all({ type: 'paragraph', children: row.content as PhrasingContent[] });
    return h(
      'tr',
      milestones.length ? { className: ['milestone'] } : {},
      timeCell(entry, node.timeText),
      h('td', { className: ['entry'] }, cell),
      h('td', { className: ['milestones'] }, milestones.map((m) => h('span', { className: ['badge', `milestone-${m}`] }, m))),
    );
  });
  return h('table', { className: ['timeline'] }, head, h('tbody', {}, rows));
}

function timeCell(entry: TimelineEntry | undefined, timeText: TimelineNode['timeText']): Element {
  if (entry?.utc !== undefined) {
    const text = entry.hasTime ? shortUtc(entry.utc) : (entry.date ?? shortUtc(entry.utc).slice(0, 10));
    return h('td', { className: ['time'] }, h('time', { dateTime: isoUtc(entry.utc) }, text));
  }
  // Without a UTC value, show what was written: the reader can still follow the order.
  const written = [entry?.date, entry && entry.hasTime ? timeText(entry) : undefined].filter(Boolean).join(' ');
  return h('td', { className: ['time', 'time-unknown'], title: written ? 'time zone unknown' : undefined }, written || '—');
}

/** Splits text leaves outside links so that task ids become links to the tracker. */
function linkTaskIds(node: Root | RootContent): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'text') {
      linkTaskIds(child);
      children.push(child);
      continue;
    }
    for (const piece of splitTaskIds(child.value)) {
      if (piece.kind === 'text') children.push({ type: 'text', value: piece.text });
      else children.push({ type: 'link', url: taskUrl(piece.task), children: [{ type: 'text', value: piece.text }] });
    }
  }
  (node as Parents).children = children as Parents['children'];
}
