import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { throwIfCancelled, type CancellationToken } from '../types.js';
import { splitChunks } from './chunks.js';

type Processor = ReturnType<typeof createProcessor>;

function createProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
}

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
}

/**
 * Parses Markdown (CommonMark + GFM + YAML front matter) into mdast with positions relative to
 * the whole document, chunk by chunk (see `chunks.ts`), caching each chunk's tree by its text.
 * One parser per owner (a language server connection, a CLI run): it holds no global state.
 */
export class MarkdownParser {
  private readonly processor: Processor = createProcessor();
  private readonly cache = new Map<string, Root>();
  private readonly cacheEntries: number;
  private parsedChunks = 0;

  constructor(options: MarkdownParserOptions = {}) {
    this.cacheEntries = options.cacheEntries ?? 2000;
  }

  /** Parses `text`; throws `CancelledError` between chunks when the token is cancelled. */
  parse(text: string, token?: CancellationToken): Root {
    // micromark drops a leading byte order mark; keep offsets true to the original text.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const body = bom ? text.slice(1) : text;
    const { chunks, definitions } = splitChunks(body);
    const suffix = definitions.length > 0 ? '\n\n' + definitions.join('\n') + '\n' : '';
    const children: RootContent[] = [];
    for (const chunk of chunks) {
      throwIfCancelled(token);
      const tree = this.parseChunk(chunk.text, suffix);
      for (const child of tree.children) {
        if ((child.position?.start.offset ?? 0) >= chunk.text.length) break;
        children.push(shift(child, chunk.line, chunk.offset + bom) as RootContent);
      }
    }
    const end = endPoint(text);
    return {
      type: 'root',
      children,
      position: { start: { line: 1, column: 1, offset: 0 }, end },
    };
  }

  /** How many chunks this parser has parsed (cache misses), for tests and benchmarks. */
  get chunksParsed(): number {
    return this.parsedChunks;
  }

  /** Parses without chunking; used by tests to prove that chunking changes nothing. */
  parseWhole(text: string): Root {
    return this.processor.runSync(this.processor.parse(text)) as Root;
  }

  private parseSafely(text: string): Root {
    try {
      return this.processor.runSync(this.processor.parse(text)) as Root;
    } catch (error) {
      if (error instanceof RangeError) return fallbackTree(text);
      throw error;
    }
  }

  private parseChunk(text: string, suffix: string): Root {
    const key = suffix ? text + '\u0000' + suffix : text;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const tree = this.parseSafely(text + suffix);
    this.parsedChunks++;
    this.cache.set(key, tree);
    if (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return tree;
  }
}

/**
 * micromark recurses per nesting level: thousands of nested list or quote markers exhaust the
 * stack. Such a chunk becomes one plain paragraph, so the rest of the document is still checked.
 */
function fallbackTree(text: string): Root {
  const end = endPoint(text);
  const position = { start: { line: 1, column: 1, offset: 0 }, end };
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position }], position }], position };
}

/** Copies a cached chunk tree with positions moved to where the chunk sits in the document. */
function shift(node: Positioned, lineDelta: number, offsetDelta: number): Positioned {
  const copy: Positioned & Record<string, unknown> = { ...(node as Record<string, unknown>) };
  if (node.position) {
    copy.position = {
      start: movePoint(node.position.start, lineDelta, offsetDelta),
      end: movePoint(node.position.end, lineDelta, offsetDelta),
    };
  }
  if (node.children) copy.children = node.children.map((c) => shift(c, lineDelta, offsetDelta));
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
