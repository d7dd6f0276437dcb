import type { Root, RootContent } from 'mdast';
import { normalizeLineBreaks } from '../text.js';
import { throwIfCancelled, type CancellationToken } from '../types.js';
import { splitChunks, type Chunk } from './chunks.js';
import { complexityOf, DEFAULT_GUARD_LIMITS, type GuardLimits } from './guards.js';
import { reparseListLine } from './line-reparse.js';
import { createProcessor } from './processor.js';

type Processor = ReturnType<typeof createProcessor>;

interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}

/** Options of a {@link MarkdownParser}. */
export interface MarkdownParserOptions {
  /** How many chunk trees to keep; older ones are parsed again when needed. */
  cacheEntries?: number;
  /** Limits of the guards run before a chunk is parsed (see `guards.ts`). */
  guards?: GuardLimits;
}

/** One chunk of a document and its tree, in the chunk's own coordinates. */
export interface ParsedChunk {
  /** The chunk; `offset` and `line` are its place in the document (a byte order mark counted). */
  chunk: Chunk;
  /**
   * The chunk's tree: line 1 and offset 0 are the chunk's first line and character. Shared by
   * every version that holds the same chunk text: never change it.
   */
  tree: Root;
  /** Top-level nodes of the chunk itself (link definitions appended for the parse left out). */
  nodes: readonly RootContent[];
  /** Why the chunk was not parsed (a guard tripped): `tree` is then its text as one paragraph. */
  tooComplex?: string;
  /** Identifies the parse: the chunk's text and the document's link definitions. */
  key: string;
  /**
   * A number for this parse, the same for every version that holds the same chunk text (while
   * the tree stays cached): a short key for caches of what is computed from the tree.
   */
  id: number;
}

/** A document as parsed chunks. */
export interface ParsedDocument {
  chunks: ParsedChunk[];
  /** 1 when the text starts with a byte order mark (which belongs to no chunk), else 0. */
  bom: number;
  /** The document's link definitions as appended to each chunk for its parse ('' without any). */
  suffix: string;
  /** How many chunks another thread parsed ({@link ParseHelp}). */
  helped?: number;
}

/** A chunk's tree as parsed, here or on another thread. */
export interface HelpedParse {
  tree: Root;
  /** Why the chunk was not parsed (see {@link ParsedChunk.tooComplex}). */
  tooComplex?: string;
}

/**
 * Another thread parsing chunks of the same text at the same time, for the first version of a
 * large document (micromark is most of its cost). Both sides split the text the same way and
 * claim chunk indexes from one counter; this side parses what it claims, then collects the
 * trees of the rest.
 */
export interface ParseHelp {
  /** The next chunk index no one has claimed (at or past the chunk count when none is left). */
  claim(): number;
  /**
   * The trees of the `count` chunks the other side claimed, by chunk index, once they arrive.
   * May return fewer (the other side stopped): those are parsed here. Throws `CancelledError`.
   */
  collect(count: number, token?: CancellationToken): Iterable<[number, HelpedParse]>;
  /** Tells the other side to stop: called once when the parse ends, done or not. */
  done(): void;
}

/**
 * Parses Markdown (CommonMark + GFM + YAML front matter) into mdast with positions relative to
 * the whole document, chunk by chunk (see `chunks.ts`), caching each chunk's tree by its text.
 * One parser per owner (a language server connection, a CLI run): it holds no global state.
 */
export class MarkdownParser {
  private readonly processor: Processor = createProcessor();
  private readonly cache = new Map<string, ParsedChunk>();
  private readonly cacheEntries: number;
  private readonly guards: GuardLimits;
  private parsedChunks = 0;

  constructor(options: MarkdownParserOptions = {}) {
    this.cacheEntries = options.cacheEntries ?? 2000;
    this.guards = options.guards ?? DEFAULT_GUARD_LIMITS;
  }

  /** Parses `text`; throws `CancelledError` between chunks when the token is cancelled. */
  parse(text: string, token?: CancellationToken): Root {
    return assembleRoot(text, this.parseChunks(text, token));
  }

  /**
   * Splits `text` into chunks and parses each one (or takes its tree from the cache). Cheap
   * guards run first: a chunk that would make the parser slow is not parsed (`tooComplex`).
   * `previous`, the same document's last version, is looked at first: a chunk whose text equals
   * the one at the same place counted from the start or from the end reuses its parse without
   * the cache lookup, which hashes the chunk's whole text.
   */
  parseChunks(text: string, token?: CancellationToken, previous?: ParsedDocument, help?: ParseHelp): ParsedDocument {
    const { bom, chunks, suffix } = prepare(text);
    const parsed: ParsedChunk[] = [];
    const before = previous?.suffix === suffix ? previous.chunks : [];
    const same = (p: ParsedChunk | undefined, chunk: Chunk): ParsedChunk | undefined => (p && p.chunk.text === chunk.text ? p : undefined);
    const reuse = (i: number): Omit<ParsedChunk, 'chunk'> | undefined => same(before[i], chunks[i]) ?? same(before[before.length - chunks.length + i], chunks[i]);
    const ready = help ? this.parseWithHelp(chunks, suffix, reuse, help, token) : [];
    for (let i = 0; i < chunks.length; i++) {
      throwIfCancelled(token);
      const chunk = chunks[i];
      const { tree, nodes, tooComplex, key, id } = ready[i] ?? reuse(i) ?? this.parseChunk(chunk.text, suffix, before[i]);
      parsed.push({ chunk: bom ? { ...chunk, offset: chunk.offset + bom } : chunk, tree, nodes, tooComplex, key, id });
    }
    if (before.length > 0) this.forgetReplaced(before, parsed);
    return { chunks: parsed, bom, suffix, helped: ready.helped };
  }

  /**
   * The parses of `chunks` shared with another thread (`help`): each side claims the next chunk
   * no one has claimed and parses it, so the two finish together however late the other side
   * starts; then the other side's trees are taken in as if parsed here. A chunk the other side
   * does not deliver is parsed here.
   */
  private parseWithHelp(chunks: readonly Chunk[], suffix: string, reuse: (i: number) => Omit<ParsedChunk, 'chunk'> | undefined, help: ParseHelp, token?: CancellationToken): Omit<ParsedChunk, 'chunk'>[] & { helped?: number } {
    const ready: Omit<ParsedChunk, 'chunk'>[] & { helped?: number } = [];
    try {
      let here = 0;
      for (let i = help.claim(); i < chunks.length; i = help.claim()) {
        throwIfCancelled(token);
        ready[i] = reuse(i) ?? this.parseChunk(chunks[i].text, suffix);
        here++;
      }
      let helped = 0;
      for (const [i, parse] of help.collect(chunks.length - here, token)) {
        if (ready[i] || i >= chunks.length) continue;
        ready[i] = this.remember(chunks[i].text, suffix, parse);
        helped++;
      }
      ready.helped = helped;
    } finally {
      help.done();
    }
    return ready;
  }

  /**
   * The helping side of {@link ParseHelp}: splits `text` as {@link parseChunks} does, then parses
   * the chunks it claims and hands each tree to `deliver`, until none is left or `stop` says so.
   * Nothing is cached here: the trees belong to the other side.
   */
  parseForOther(text: string, claim: () => number, deliver: (index: number, parse: HelpedParse) => void, stop: () => boolean): number {
    const { chunks, suffix } = prepare(text);
    let count = 0;
    for (let i = claim(); i < chunks.length && !stop(); i = claim()) {
      const { tree, tooComplex } = this.parseFresh(chunks[i].text, suffix);
      deliver(i, tooComplex ? { tree, tooComplex } : { tree });
      count++;
    }
    return count;
  }

  /**
   * Drops from the cache the parses of the last version's chunks that the new version no longer
   * holds: a chunk being typed in would otherwise leave one tree per keystroke in the cache (about
   * 1 MB a keystroke on a 1 MB report, up to 2,000 of them). Only an undo would have used them,
   * and it parses one chunk again; the chunks the new version holds stay cached.
   */
  private forgetReplaced(before: readonly ParsedChunk[], now: readonly ParsedChunk[]): void {
    if (before.length === now.length) {
      // The common edit: chunks keep their places and one or a few changed.
      for (let i = 0; i < now.length; i++) if (before[i].id !== now[i].id) this.uncache(before[i]);
      return;
    }
    const kept = new Set<number>();
    for (const c of now) kept.add(c.id);
    for (const c of before) if (!kept.has(c.id)) this.uncache(c);
  }

  /** Drops `chunk`'s parse from the cache, unless the cache holds a later parse of the same text. */
  private uncache(chunk: ParsedChunk): void {
    if (this.cache.get(chunk.key)?.id === chunk.id) this.cache.delete(chunk.key);
  }

  /**
   * Drops from the cache the parses of `document`'s chunks (a closed document's last version): the
   * cache is there for the versions of open documents, and a closed 1 MB report would otherwise
   * keep its trees, some 20 MB, until 2,000 other chunks pushed them out. A chunk that another
   * document shares is parsed again when that one needs it from the cache.
   */
  forget(document: ParsedDocument): void {
    for (const c of document.chunks) this.uncache(c);
  }

  /** How many chunks this parser has parsed (cache misses), for tests and benchmarks. */
  get chunksParsed(): number {
    return this.parsedChunks;
  }

  /** How many chunk trees the cache holds now, for tests and benchmarks. */
  get chunksCached(): number {
    return this.cache.size;
  }

  /** Parses without chunking; used by tests to prove that chunking changes nothing. */
  parseWhole(text: string): Root {
    return this.processor.runSync(this.processor.parse(text)) as Root;
  }

  private parseSafely(text: string, chunkText: string): HelpedParse {
    try {
      return { tree: this.processor.runSync(this.processor.parse(text)) as Root };
    } catch (error) {
      if (error instanceof RangeError) return { tree: fallbackTree(chunkText), tooComplex: 'nesting too deep for the Markdown parser' };
      throw error;
    }
  }

  /** The parse of a chunk: cached, or `old` (the chunk at its place in the last version) with one list line read again, or fresh. */
  private parseChunk(text: string, suffix: string, old?: ParsedChunk): Omit<ParsedChunk, 'chunk'> {
    const key = suffix ? text + '\u0000' + suffix : text;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const edited =
      old && !old.tooComplex && !complexityOf(text, this.guards)
        ? reparseListLine(old.chunk.text, old.tree, text, (line) => this.processor.runSync(this.processor.parse(line + suffix)) as Root)
        : undefined;
    return this.remember(text, suffix, edited ? { tree: edited } : this.parseFresh(text, suffix));
  }

  /** The tree of a chunk parsed now, or its text as one paragraph when a guard trips. */
  private parseFresh(text: string, suffix: string): HelpedParse {
    const guarded = complexityOf(text, this.guards);
    return guarded ? { tree: fallbackTree(text), tooComplex: guarded } : this.parseSafely(text + suffix, text);
  }

  /** Numbers and caches the parse of a chunk (parsed here or by another thread). */
  private remember(text: string, suffix: string, { tree, tooComplex }: HelpedParse): Omit<ParsedChunk, 'chunk'> {
    const key = suffix ? text + '\u0000' + suffix : text;
    const id = ++this.parsedChunks;
    const nodes = tree.children.filter((child) => (child.position?.start.offset ?? 0) < text.length);
    const entry: Omit<ParsedChunk, 'chunk'> = { tree, nodes, key, id, ...(tooComplex ? { tooComplex } : {}) };
    this.cache.set(key, entry as ParsedChunk);
    if (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return entry;
  }
}

/** The chunks of `text` as {@link MarkdownParser.parseChunks} parses them, and what each parse appends. */
function prepare(text: string): { bom: number; chunks: Chunk[]; suffix: string } {
  // micromark drops a leading byte order mark; keep offsets true to the original text.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A lone CR is a line break to micromark too; as LF the chunks split where it does.
  const body = normalizeLineBreaks(bom ? text.slice(1) : text);
  const { chunks, definitions } = splitChunks(body);
  const suffix = definitions.length > 0 ? '\n\n' + definitions.join('\n') + '\n' : '';
  return { bom, chunks, suffix };
}

/**
 * The whole document's tree from its parsed chunks. Positions are moved to where each chunk
 * sits, lazily: a node's own position at once, its children when someone first reads them. A
 * consumer that reads only the top-level blocks (the section outline) costs nothing deeper.
 */
export function assembleRoot(text: string, parsed: ParsedDocument, place: (chunk: ParsedChunk) => readonly RootContent[] = placeNodes): Root {
  const children: RootContent[] = [];
  for (const chunk of parsed.chunks) for (const node of place(chunk)) children.push(node);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}

/** A chunk's top-level nodes with positions in the document (children moved lazily). */
export function placeNodes({ chunk, nodes }: ParsedChunk): RootContent[] {
  return nodes.map((node) => {
    const copy = shift(node, chunk.line, chunk.offset) as RootContent;
    if (node.type === 'heading') placedFrom.set(copy, node);
    return copy;
  });
}

/** The cached chunk heading each placed heading is a copy of ({@link placeNodes}). */
const placedFrom = new WeakMap<RootContent, RootContent>();

/**
 * The node of the chunk's cached tree that `node` was placed from, or `node` itself: the same
 * words, and the same object in every version that holds the chunk, so what is read from its
 * words can be kept by it. Known for headings.
 */
export function sourceNode<T extends RootContent>(node: T): T {
  return (placedFrom.get(node) as T | undefined) ?? node;
}

/**
 * micromark recurses per nesting level: thousands of nested list or quote markers exhaust the
 * stack, and some inputs are too slow to parse (see `guards.ts`). Such a chunk becomes its
 * heading (read without inline parsing) and one plain paragraph, so the outline stays whole
 * and the rest of the document is still checked.
 */
export function fallbackTree(text: string): Root {
  const end = endPoint(text);
  const children: RootContent[] = [];
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  const heading = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(firstLine);
  let bodyStart = 0;
  if (heading) {
    const value = heading[2] ?? '';
    const textStart = firstLine.indexOf(value, heading[1].length);
    children.push({
      type: 'heading',
      depth: heading[1].length as 1 | 2 | 3 | 4 | 5 | 6,
      children: value ? [{ type: 'text', value, position: pointsOf(textStart, textStart + value.length, 1) }] : [],
      position: pointsOf(0, firstLine.length, 1),
    });
    bodyStart = firstBreak === -1 ? text.length : firstBreak + 1;
  }
  const body = text.slice(bodyStart);
  const trimmed = body.trim();
  if (trimmed) {
    const from = bodyStart + body.indexOf(trimmed);
    const to = from + trimmed.length;
    const position = { start: pointAt(text, from), end: pointAt(text, to) };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: trimmed, position }], position });
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

function pointsOf(from: number, to: number, line: number): { start: Point; end: Point } {
  return { start: { line, column: from + 1, offset: from }, end: { line, column: to + 1, offset: to } };
}

function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: offset - lastBreak, offset };
}

/**
 * A copy of a cached chunk node, its position moved to where the chunk sits in the document.
 * Its children are copied the same way when first read, so an untouched subtree costs nothing.
 */
function shift(node: Positioned, lineDelta: number, offsetDelta: number): Positioned {
  const copy: Positioned & Record<string, unknown> = { ...(node as Record<string, unknown>) };
  if (node.position) {
    copy.position = {
      start: movePoint(node.position.start, lineDelta, offsetDelta),
      end: movePoint(node.position.end, lineDelta, offsetDelta),
    };
  }
  const children = node.children;
  if (children) {
    const settle = (value: unknown): void => {
      Object.defineProperty(copy, 'children', { value, writable: true, enumerable: true, configurable: true });
    };
    Object.defineProperty(copy, 'children', {
      enumerable: true,
      configurable: true,
      get() {
        const value = children.map((c) => shift(c, lineDelta, offsetDelta));
        settle(value);
        return value;
      },
      set: settle,
    });
  }
  return copy;
}

function movePoint(p: Point, lineDelta: number, offsetDelta: number): Point {
  return { line: p.line + lineDelta, column: p.column, offset: (p.offset ?? 0) + offsetDelta };
}

function endPoint(text: string): Point {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: text.length - lastBreak, offset: text.length };
}
