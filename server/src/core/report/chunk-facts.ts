/**
 * What one chunk of a report holds, computed from the chunk's own text and the small context it
 * needs (which of its blocks belong to the timeline): its timeline items, an impact row of a
 * metadata table, and the findings of the rules that look only inside one chunk. Actionables are
 * read over the whole document (`actionables.ts`): the subheadings above an item can mark it
 * done or give it a task, and a labelled paragraph in any section is one. Everything is in the chunk's coordinates (line 0 and offset 0
 * are the chunk's first line and character), so the facts of a chunk that did not change are
 * reused as they are when text before it moves; `shiftFacts` places them in the document.
 */
import type { Root, RootContent } from 'mdast';
import type { ResolvedConfig } from '../config/config.js';
import type { ParsedChunk } from '../markdown/parse.js';
import { CHUNK_RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import { Suppressions } from '../suppress.js';
import { LineIndex } from '../text.js';
import { CancelledError, type CancellationToken, type Finding, type Range } from '../types.js';
import { impactInTables } from './impact.js';
import { addDateOrders } from './timeline/date-order.js';
import { extractTimelineNodes, type Extraction, type RawItem } from './timeline/entries.js';
import type { EntryReader } from './timeline/entry-words.js';
import type { TimeToken } from './timeline/tokens.js';
import type { ImpactStatement, Report, Section } from './types.js';

/** Which top-level blocks of a chunk (indices into its nodes) play which role. */
export interface ChunkRoles {
  /** Blocks of the timeline section, and the index of the timeline's own heading (or -1). */
  timeline?: { from: number; to: number; heading: number };
}

/** The facts of one chunk, in chunk coordinates. */
export interface ChunkFacts {
  /** Why the chunk was not checked (too complex for the parser, or over its time budget). */
  skipped?: string;
  timeline?: Extraction;
  /** The chunk's lines, for ranges in chunk coordinates (present when the chunk was checked). */
  lines?: LineIndex;
  impactTable?: ImpactStatement;
  /** Findings of the chunk-scoped rules, severity applied, suppressions not yet. */
  findings: Finding[];
}

/** The cache key of a chunk's facts: its parse (by id, see `ParsedChunk.id`) and its roles. */
export function factsKey(parsed: ParsedChunk, roles: ChunkRoles): string {
  const t = roles.timeline ? `t${roles.timeline.from},${roles.timeline.to},${roles.timeline.heading}` : '';
  return `${parsed.id}|${t}`;
}

/**
 * Computes a chunk's facts. `deadline` (a `performance.now()` time) is the chunk's budget: work
 * still running past it stops, and the chunk is reported as not checked. `read` reads the words
 * of each timeline entry (a session passes one that remembers them across versions).
 */
export function computeChunkFacts(
  parsed: ParsedChunk,
  roles: ChunkRoles,
  file: string,
  config: ResolvedConfig,
  deadline: number,
  token?: CancellationToken,
  read?: EntryReader,
): ChunkFacts {
  if (parsed.tooComplex) return { skipped: parsed.tooComplex, findings: [] };
  const budget: CancellationToken = {
    get isCancellationRequested() {
      return token?.isCancellationRequested === true || performance.now() > deadline;
    },
  };
  try {
    const text = parsed.chunk.text;
    const lines = new LineIndex(text);
    const nodes = parsed.nodes;
    const slice = (r: { from: number; to: number }): RootContent[] => nodes.slice(r.from, r.to + 1);
    const timeline = roles.timeline ? extractTimelineNodes(slice(roles.timeline), text, nodes[roles.timeline.heading], read) : undefined;
    const root: Root = { type: 'root', children: [...nodes], position: parsed.tree.position };
    const impactTable = impactInTables(root, config, lines);
    const view: Report = { file, text, lines, root, sections: [], outline: [], profile: { profile: config.profile, source: 'configured' }, timeline: { entries: [], milestones: {}, stated: [] }, actionables: { items: [] }, metrics: {} };
    const findings = runRules(CHUNK_RULES, { report: view, config, token: budget }, { file, config, suppressions: new Suppressions([]), errorRange: lines.lineRange(0), token: budget });
    if (performance.now() > deadline) throw new CancelledError();
    return { timeline, lines, impactTable, findings };
  } catch (error) {
    if (!(error instanceof CancelledError) || token?.isCancellationRequested) throw error;
    return { skipped: 'it took longer than its time budget', findings: [] };
  }
}

/** Moves chunk coordinates to document coordinates. */
export class Shift {
  /**
   * @param line the chunk's first line in the document
   * @param offset the chunk's first character in the document
   * @param firstLineColumns columns to add on the chunk's first line (a byte order mark before it)
   */
  constructor(
    readonly line: number,
    readonly offset: number,
    private readonly firstLineColumns: number,
  ) {}

  range(r: Range): Range {
    return {
      start: { line: r.start.line + this.line, character: r.start.character + (r.start.line === 0 ? this.firstLineColumns : 0) },
      end: { line: r.end.line + this.line, character: r.end.character + (r.end.line === 0 ? this.firstLineColumns : 0) },
    };
  }

  finding(f: Finding): Finding {
    const moved: Finding = { ...f, range: this.range(f.range) };
    if (f.related) moved.related = f.related.map((r) => (r.file === f.file ? { ...r, range: this.range(r.range) } : r));
    if (f.fixes) moved.fixes = f.fixes.map((fix) => (fix.file === undefined ? { ...fix, edits: fix.edits.map((e) => ({ ...e, range: this.range(e.range) })) } : fix));
    return moved;
  }


  impact(i: ImpactStatement): ImpactStatement {
    return { ...i, range: this.range(i.range) };
  }

  private token(t: TimeToken): TimeToken {
    return { ...t, start: t.start + this.offset, end: t.end + this.offset, rest: t.rest + this.offset };
  }

  item(item: RawItem): RawItem {
    if (item.kind === 'date') return { kind: 'date', token: this.token(item.token) };
    const moved = { ...item, start: item.start + this.offset, end: item.end + this.offset };
    if (item.token) moved.token = this.token(item.token);
    if (item.dateToken) moved.dateToken = this.token(item.dateToken);
    return moved;
  }

  /** Appends a chunk's timeline extraction to the document's. */
  extraction(into: Extraction, from: Extraction): void {
    for (const item of from.items) into.items.push(this.item(item));
    for (const z of from.headerZones) into.headerZones.push({ ...z, start: z.start + this.offset, end: z.end + this.offset });
    for (const [a, b] of from.prose) into.prose.push([a + this.offset, b + this.offset]);
    if (from.dateOrders) addDateOrders((into.dateOrders ??= { dayFirst: 0, monthFirst: 0 }), from.dateOrders);
  }
}

/**
 * Which blocks of a chunk belong to the timeline: its section up to `timelineEnd` (the day
 * sections after it included), or one of its later `parts`. A chunk starts at every heading that
 * opens its line, so it holds at most one of them.
 */
export function chunkRoles(parsed: ParsedChunk, timeline: Section | undefined, timelineEnd: number | undefined, parts: readonly Section[]): ChunkRoles {
  const roles: ChunkRoles = {};
  const span = (section: Section | undefined, end?: number): { from: number; to: number; heading: number } | undefined => {
    if (!section) return undefined;
    const from = section.heading.position?.start.offset ?? 0;
    const to = end ?? section.bodyEnd;
    let first = -1;
    let last = -1;
    let heading = -1;
    parsed.nodes.forEach((node, i) => {
      const at = (node.position?.start.offset ?? 0) + parsed.chunk.offset;
      if (at < from || at >= to) return;
      if (first < 0) first = i;
      last = i;
      if (at === from && node.type === 'heading') heading = i;
    });
    return first < 0 ? undefined : { from: first, to: last, heading };
  };
  const t = span(timeline, timelineEnd) ?? parts.map((part) => span(part)).find((found) => found !== undefined);
  if (t) roles.timeline = t;
  return roles;
}
