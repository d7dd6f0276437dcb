/**
 * Incremental analysis of one report across its versions: the API the language server (and,
 * with a fresh session per file, the CLI) calls.
 *
 * A version is split into chunks (`markdown/chunks.ts`). Each chunk's facts (`chunk-facts.ts`:
 * parse, timeline items, impact row, findings of chunk-scoped rules) are kept,
 * keyed by the chunk's text and its roles, and reused by the next version when they did not
 * change; chunks that moved are only shifted. Then the document-level steps run over those
 * facts: the outline and which section plays which role, front matter, the declared zone,
 * dates and instants of the timeline (chunk by chunk, reused while the state carried into a
 * chunk is unchanged), milestones, metrics, the actionables (their groups span chunks), and the
 * document-scoped rules.
 *
 * Bounds: a report over `maxReportBytes` is not checked at all; a chunk that trips a parser
 * guard or runs past `chunkBudgetMs` is not checked in that version. Either way the report gets
 * one `report/too-complex` finding and everything else is still checked.
 */
import { DEFAULT_ANALYSIS_LIMITS, type AnalysisLimits, type ResolvedConfig } from '../config/config.js';
import type { Root, RootContent } from 'mdast';
import { assembleRoot, placeNodes, type MarkdownParser, type ParseHelp, type ParsedDocument } from '../markdown/parse.js';
import { DOCUMENT_RULES, REPORT_RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import { parseSuppressions } from '../suppress.js';
import { LineIndex, normalizeLineBreaks } from '../text.js';
import { compareRanges, throwIfCancelled, type CancellationToken, type Finding } from '../types.js';
import { chunkRoles, computeChunkFacts, factsKey, Shift, type ChunkFacts } from './chunk-facts.js';
import { chooseProfile, configForReport, type ReportProfile } from './profile-detect.js';
import { labelledFields, noteLabelledFields } from './section-presence.js';
import { linkDefinitions, type Definitions } from './actionables.js';
import { assembleReport, reportTitle } from './model.js';
import { readFrontMatter } from './frontmatter.js';
import { tooLargeCheck } from './too-large.js';
import { buildSections } from './sections.js';
import { findTimelineSection, followingDays, timelineFrom, timelineParts, timelineWithout } from './timeline/index.js';
import { rememberingEntryReader } from './timeline/entry-words.js';
import type { Extraction, RawItem } from './timeline/entries.js';
import { initialState, resolveEntries, resolveItems, stateKey, type ResolveContext, type ResolveState } from './timeline/resolve.js';
import { readStatements, type Statement } from './timeline/stated.js';
import type { StatementReader } from './timeline/statements.js';
import type { FrontMatter, ImpactStatement, Report, Section, TimelineEntry, UncheckedPart } from './types.js';

/** The outcome of checking one version of a report. */
export interface ReportCheck {
  report: Report;
  findings: Finding[];
}

/** What the last {@link ReportSession.check} did, for tests and benchmarks. */
export interface SessionStats {
  chunks: number;
  /** Chunks whose facts were computed in this version (the others were reused). */
  chunksAnalysed: number;
  /** Chunks whose timeline entries were resolved in this version (dates, zones, instants). */
  timelineChunksResolved: number;
  /** Chunks parsed by another thread for this version (`ParseHelp`). */
  chunksParsedElsewhere?: number;
}

/**
 * The analysis state of one document. Call {@link check} with each new version; the facts of
 * unchanged chunks carry over. Holds no global state; one per open document (or per worker).
 */
export class ReportSession {
  private facts = new Map<string, ChunkFacts>();
  /** Facts and nodes moved to where their chunk sat in the last version, by key and position. */
  private placed = new Map<string, PlacedFacts>();
  private placedNodes = new Map<string, readonly RootContent[]>();
  /** The chunks of the last version, whose parses the next one reuses where its text is the same. */
  private parsed?: ParsedDocument;
  private frontMatter?: { raw: string; value: FrontMatter | undefined };
  /** Labelled fields and link definitions of the chunks of the last version, by parse id. */
  private names = new Map<number, ChunkNames>();
  /** Timeline items of the last version placed in the document, by chunk facts and offset (see `lazyItems`). */
  private placedItems = new Map<string, readonly RawItem[]>();
  /** The placed items of a run of the version being checked. */
  private itemsOf: (run: TimelineRun) => readonly RawItem[] = () => [];
  /** Resolved timeline runs of the last version, by chunk, position and carried-in state. */
  private resolved = new Map<string, ResolvedRun>();
  /** Statements read from each text of the last version (outside the timeline). */
  private statements = new Map<string, readonly Statement[]>();
  /** The profile chosen for the last version, and the section names and fields it was chosen from. */
  private profile?: { key: string; chosen: ReportProfile };
  /** The words of the timeline entries read so far: the entries of a chunk typed in are not read again. */
  private readEntry = rememberingEntryReader();
  private config?: ResolvedConfig;
  private file?: string;
  private lastStats: SessionStats = { chunks: 0, chunksAnalysed: 0, timelineChunksResolved: 0 };

  constructor(private readonly parser: MarkdownParser) {}

  /**
   * Ends the session (its document was closed): the parser forgets the trees of the last version,
   * and the session drops what it kept. A later {@link check} starts afresh.
   */
  close(): void {
    if (this.parsed) this.parser.forget(this.parsed);
    this.reset();
    this.placedNodes = new Map();
    this.names = new Map();
    this.config = undefined;
  }

  /** Forgets the facts of earlier versions (a new file or configuration, or the end). */
  private reset(): void {
    this.facts = new Map();
    this.placed = new Map();
    this.resolved = new Map();
    this.statements = new Map();
    this.placedItems = new Map();
    this.frontMatter = undefined;
    this.profile = undefined;
    this.parsed = undefined;
  }

  /** What the last check did. */
  get stats(): SessionStats {
    return this.lastStats;
  }

  /**
   * Analyses `text`, the new version of the document, from the facts of the previous version.
   * Throws `CancelledError` when the token is cancelled; the session stays usable. `help` is
   * another thread that parses some of the chunks meanwhile (see `ParseHelp`).
   */
  check(file: string, original: string, configured: ResolvedConfig, token?: CancellationToken, limits: AnalysisLimits = configured.analysis ?? DEFAULT_ANALYSIS_LIMITS, help?: ParseHelp): ReportCheck {
    if (configured !== this.config || file !== this.file) {
      this.reset();
      this.config = configured;
      this.file = file;
    }
    const text = normalizeLineBreaks(original);
    const lines = new LineIndex(text);
    if (text.length > limits.maxReportBytes) {
      this.facts = new Map();
      this.lastStats = { chunks: 0, chunksAnalysed: 0, timelineChunksResolved: 0 };
      return tooLargeCheck(file, text, lines, configured, limits);
    }

    const parsed = this.parser.parseChunks(text, token, this.parsed, help);
    this.parsed = parsed;
    // Chunks that did not move keep their placed nodes and facts from the previous version.
    const placedNodes = new Map<string, readonly RootContent[]>();
    const root = assembleRoot(text, parsed, (chunk) => {
      const at = `${chunk.id}@${chunk.chunk.line}:${chunk.chunk.offset}`;
      const nodes = this.placedNodes.get(at) ?? placedNodes.get(at) ?? placeNodes(chunk);
      placedNodes.set(at, nodes);
      return nodes;
    });
    this.placedNodes = placedNodes;
    const frontMatter = this.readFrontMatter(root, lines);
    const { sections, outline } = buildSections(root, lines);
    // The report is read, and its rules run, with its own profile (configured or detected).
    const { fields, definitions } = this.chunkNames(parsed);
    noteLabelledFields(root, fields);
    const profile = this.chooseProfile(sections, configured, fields);
    const config = configForReport(configured, profile);
    const timelineSection = findTimelineSection(sections, config);
    // Day headings written one level too high after the timeline are read as part of it.
    const days = timelineSection ? followingDays(timelineSection, sections) : [];
    const timelineEnd = days.length > 0 ? days[days.length - 1].bodyEnd : timelineSection?.bodyEnd;
    const parts = timelineSection ? timelineParts(timelineSection, sections, text) : [];

    const next = new Map<string, ChunkFacts>();
    const placed = new Map<string, PlacedFacts>();
    const extraction: Extraction = { items: [], headerZones: [], prose: [] };
    const runs: TimelineRun[] = [];
    const chunkFindings: Finding[] = [];
    const unchecked: UncheckedPart[] = [];
    let impactTable: ImpactStatement | undefined;
    let analysed = 0;
    for (const chunk of parsed.chunks) {
      throwIfCancelled(token);
      const roles = chunkRoles(chunk, timelineSection, timelineEnd, parts);
      const key = factsKey(chunk, roles);
      let facts = next.get(key) ?? this.facts.get(key);
      if (!facts) {
        facts = computeChunkFacts(chunk, roles, file, config, performance.now() + limits.sectionBudgetMs, token, this.readEntry);
        analysed++;
      }
      next.set(key, facts);
      if (facts.skipped) {
        const section = sectionAt(sections, chunk.chunk.offset);
        unchecked.push({ section: section?.title ?? (chunk.chunk.offset <= parsed.bom && frontMatter ? 'front matter' : undefined), range: section?.headingRange ?? lines.lineRange(chunk.chunk.line), reason: facts.skipped });
        continue;
      }
      // Findings are placed by line, so typing on a line moves none of them.
      const columns = chunk.chunk.line === 0 ? parsed.bom : 0;
      const shift = new Shift(chunk.chunk.line, chunk.chunk.offset, columns);
      const at = `${key}@${chunk.chunk.line}:${columns}`;
      const here = this.placed.get(at) ?? placed.get(at) ?? place(facts, shift);
      placed.set(at, here);
      if (facts.timeline) {
        if (facts.timeline.items.length > 0) runs.push({ key, facts, line: chunk.chunk.line, columns, offset: chunk.chunk.offset });
        shift.extraction(extraction, { items: [], headerZones: facts.timeline.headerZones, prose: facts.timeline.prose, dateOrders: facts.timeline.dateOrders });
      }
      for (const finding of here.findings) chunkFindings.push(finding);
      impactTable ??= here.impactTable;
    }
    this.facts = next;
    this.placed = placed;
    this.lazyItems(extraction, runs);
    this.lastStats = { chunks: parsed.chunks.length, chunksAnalysed: analysed, timelineChunksResolved: 0, ...(parsed.helped ? { chunksParsedElsewhere: parsed.helped } : {}) };

    const title = reportTitle(frontMatter, sections);
    const read = this.statementReader();
    const timeline = timelineSection
      ? timelineFrom(timelineSection, extraction, sections, frontMatter, lines, file, title, (ex, ctx, taken) => this.resolveRuns(runs, ex, ctx, taken), read, parts)
      : timelineWithout(sections, frontMatter, lines, read);
    const report = assembleReport({ file, text, lines, root, frontMatter, sections, outline, title, profile, timeline, unchecked }, config, { impactTable: () => impactTable, definitions });
    return { report, findings: this.findings(report, chunkFindings, config, token) };
  }

  /**
   * Dates, zones and instants of the timeline's entries, chunk by chunk: a chunk whose facts,
   * first line and carried-in state (`ResolveState`) are those of the last version keeps its
   * entries, so an edit resolves the edited chunk and those after it whose carried-in state
   * changed. The same entries as {@link resolveEntries} over every item.
   */
  private resolveRuns(runs: readonly TimelineRun[], extraction: Extraction, ctx: ResolveContext, taken: RawItem | undefined): TimelineEntry[] {
    if (taken && extraction.items.length !== runs.reduce((n, r) => n + r.facts.timeline!.items.length, 0)) {
      this.lastStats.timelineChunksResolved = runs.length;
      return resolveEntries(extraction.items.filter((i) => i !== taken), ctx);
    }
    const parts: TimelineEntry[][] = [];
    const next = new Map<string, ResolvedRun>();
    let state = initialState(ctx.startDate);
    const declared = ctx.declared ? `${ctx.declared.name}${ctx.declared.offset}${ctx.declared.seasonal ? '~' : ''}` : '';
    for (const run of runs) {
      const skip = taken ? this.itemsOf(run).indexOf(taken) : -1;
      const key = `${run.key}@${run.line}:${run.columns}|${declared}|${ctx.dayFirst ?? ''}|${skip}|${stateKey(state)}`;
      let done = next.get(key) ?? this.resolved.get(key);
      if (!done) {
        const local = run.facts.timeline!.items;
        const shift = new Shift(run.line, 0, run.columns);
        const lines = run.facts.lines!;
        const after = { ...state };
        const own: TimelineEntry[] = [];
        resolveItems(skip < 0 ? local : local.filter((_, i) => i !== skip), { lines: { rangeOf: (from, to) => shift.range(lines.rangeOf(from, to)) }, declared: ctx.declared, dayFirst: ctx.dayFirst }, after, own);
        done = { entries: own, after };
        this.lastStats.timelineChunksResolved++;
      }
      next.set(key, done);
      parts.push(done.entries);
      state = { ...done.after };
    }
    this.resolved = next;
    // Joined by `concat` (a few thousand parts per call, within any argument limit), not grown
    // entry by entry: far fewer allocations for a long timeline.
    let entries: TimelineEntry[] = [];
    for (let i = 0; i < parts.length; i += 4096) entries = entries.concat(...parts.slice(i, i + 4096));
    return entries;
  }

  /**
   * Makes `extraction.items` the runs' items in document coordinates, placed when first read: the
   * timeline reads them only to find a zone declared on an entry line of its own, and each
   * keystroke would otherwise move every item after it by one character. The items of a chunk
   * are kept by the chunk's facts and offset, for the next version.
   */
  private lazyItems(extraction: Extraction, runs: readonly TimelineRun[]): void {
    const last = this.placedItems;
    const next = new Map<string, readonly RawItem[]>();
    this.placedItems = next;
    this.itemsOf = (run) => {
      const at = `${run.key}@${run.offset}`;
      let items = next.get(at) ?? last.get(at);
      if (!items) {
        const shift = new Shift(run.line, run.offset, run.columns);
        items = run.facts.timeline!.items.map((item) => shift.item(item));
      }
      next.set(at, items);
      return items;
    };
    let all: RawItem[] | undefined;
    Object.defineProperty(extraction, 'items', { enumerable: true, configurable: true, get: () => (all ??= runs.flatMap((run) => this.itemsOf(run))) });
  }

  /**
   * The labelled fields ({@link labelledFields}) and link definitions ({@link linkDefinitions})
   * of the document, read chunk by chunk from each chunk's own nodes and kept by its parse: the
   * same as reading them over the whole tree, without walking (and placing) every node of it.
   */
  private chunkNames(parsed: ParsedDocument): { fields: Set<string>; definitions: Definitions } {
    const next = new Map<number, ChunkNames>();
    const fields = new Set<string>();
    const definitions = new Map<string, string>();
    for (const chunk of parsed.chunks) {
      let names = next.get(chunk.id) ?? this.names.get(chunk.id);
      if (!names) {
        const root: Root = { type: 'root', children: [...chunk.nodes] };
        names = { fields: [...labelledFields(root, chunk.chunk.text)], definitions: [...linkDefinitions(root)] };
      }
      next.set(chunk.id, names);
      for (const f of names.fields) fields.add(f);
      for (const [id, url] of names.definitions) if (!definitions.has(id)) definitions.set(id, url);
    }
    this.names = next;
    return { fields, definitions };
  }

  /**
   * {@link chooseProfile}, again only when a section name or a labelled field changed: the choice
   * reads the sections by their names alone, and typing in a section's body changes none.
   */
  private chooseProfile(sections: Section[], configured: ResolvedConfig, fields: ReadonlySet<string>): ReportProfile {
    let key = '';
    for (const s of sections) key += `${s.normalized}\u0001${s.core}\u0000`;
    key += '\u0002';
    for (const f of fields) key += `${f}\u0000`;
    if (this.profile?.key !== key) this.profile = { key, chosen: chooseProfile(sections, configured, fields) };
    return this.profile.chosen;
  }

  /** {@link readStatements} remembering the texts of the last version. */
  private statementReader(): StatementReader {
    const last = this.statements;
    const next = new Map<string, readonly Statement[]>();
    this.statements = next;
    return (text) => {
      let found = next.get(text) ?? last.get(text);
      if (!found) found = readStatements(text);
      next.set(text, found);
      return found;
    };
  }

  /** Document-scoped rules, then every finding through the document's suppressions, in order. */
  private findings(report: Report, chunkFindings: Finding[], config: ResolvedConfig, token?: CancellationToken): Finding[] {
    const suppressions = parseSuppressions(report.text, 'markdown');
    const documentFindings = runRules(DOCUMENT_RULES, { report, config, token }, { file: report.file, config, suppressions, errorRange: report.lines.lineRange(0), token });
    const kept = suppressions.size === 0 ? chunkFindings : chunkFindings.filter((f) => !suppressions.has(f.ruleId, f.range.start.line));
    const order = new Map(REPORT_RULES.map((r, i) => [r.meta.id, i]));
    return [...documentFindings, ...kept].sort(
      (a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId) || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0),
    );
  }

  /** Front matter is read again only when its text changed. */
  private readFrontMatter(root: Report['root'], lines: LineIndex): FrontMatter | undefined {
    const node = root.children[0];
    // The block's source text, not the parsed value: the value is the same with LF and CRLF line
    // breaks, the ranges read from it are not.
    const start = node?.position?.start.offset ?? 0;
    const raw = node?.type === 'yaml' ? `${start}:${lines.text.slice(start, node.position?.end.offset ?? start)}` : '';
    if (this.frontMatter?.raw === raw) return this.frontMatter.value;
    const value = readFrontMatter(root, lines);
    this.frontMatter = { raw, value };
    return value;
  }
}

/** The labelled fields and link definitions of one chunk, in its order. */
interface ChunkNames {
  fields: string[];
  definitions: [string, string][];
}

/** The timeline items of one chunk, as the document's extraction holds them. */
interface TimelineRun {
  /** The chunk's facts key. */
  key: string;
  facts: ChunkFacts;
  line: number;
  /** Columns before the chunk on its first line (a byte order mark). */
  columns: number;
  /** The chunk's first character in the document. */
  offset: number;
}

/** The entries of one run and the state after it. Shared between versions: never change them. */
interface ResolvedRun {
  entries: TimelineEntry[];
  after: ResolveState;
}

/**
 * A chunk's findings and impact row in document coordinates (lines and characters). Shared by the
 * versions in which the chunk kept its first line: never change them.
 */
interface PlacedFacts {
  findings: Finding[];
  impactTable?: ImpactStatement;
}

function place(facts: ChunkFacts, shift: Shift): PlacedFacts {
  return {
    findings: facts.findings.map((f) => shift.finding(f)),
    impactTable: facts.impactTable && shift.impact(facts.impactTable),
  };
}

/** The deepest section whose heading is at or before `offset`. */
function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) {
    if ((s.heading.position?.start.offset ?? 0) <= offset) found = s;
    else break;
  }
  return found;
}
