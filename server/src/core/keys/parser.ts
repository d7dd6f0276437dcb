/**
 * The PHP parser: web-tree-sitter with the tree-sitter-php grammar. The core reads no files, so
 * the caller hands over the bytes of both WebAssembly modules (see node/php-wasm.ts). Parsing
 * tolerates half-typed code: a syntax error yields ERROR nodes, never an exception.
 */
import { Edit, Language, Parser, Query, type Point, type Range as TreeRange, type Tree } from 'web-tree-sitter';
import { LineIndex } from '../text.js';
import type { Range } from '../types.js';

/**
 * The two WebAssembly modules the parser needs, as bytes or compiled: threads that share one
 * compiled module share its machine code, so each compiles and optimizes it only once.
 */
export interface PhpWasm {
  /** `web-tree-sitter.wasm`, the parser runtime. */
  treeSitter: Uint8Array | CompiledWasm;
  /** `tree-sitter-php.wasm`, the grammar. */
  php: Uint8Array | CompiledWasm;
}

/** A compiled `WebAssembly.Module` (the type libraries of this project do not describe WebAssembly). */
export type CompiledWasm = object;

/** The parts of the global `WebAssembly` used here. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => CompiledWasm;
  Instance: new (module: CompiledWasm, imports: object) => { exports: object };
}

const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Compiles wasm bytes into a module that threads can share. */
export function compileWasm(bytes: Uint8Array): CompiledWasm {
  return new wasmApi.Module(bytes);
}

// The runtime is a process-wide singleton: initialising it twice at once would instantiate twice.
let runtime: Promise<void> | undefined;

/** A loaded PHP grammar with its parser; create once per process with {@link PhpParser.load}. */
export class PhpParser {
  private readonly queries = new Map<string, Query>();

  private constructor(
    readonly language: Language,
    private readonly parser: Parser,
  ) {}

  /** Initialises the runtime (once) and loads the grammar. */
  static async load(wasm: PhpWasm): Promise<PhpParser> {
    const options = wasm.treeSitter instanceof Uint8Array ? { wasmBinary: wasm.treeSitter } : { instantiateWasm: instantiateWith(wasm.treeSitter) };
    runtime ??= Parser.init(options as object).catch((error: unknown) => {
      runtime = undefined;
      throw new Error(`cannot start the tree-sitter runtime: ${(error as Error).message ?? String(error)}`);
    });
    await runtime;
    const language = wasm.php instanceof Uint8Array ? await Language.load(wasm.php) : Language.loadSync(wasm.php as never);
    const parser = new Parser();
    parser.setLanguage(language);
    return new PhpParser(language, parser);
  }

  /**
   * Parses `text`; with `oldTree` (already edited to match `text`) only the changed parts are
   * re-parsed. The caller owns the tree and must `delete()` it: trees live in WebAssembly memory.
   */
  parse(text: string, oldTree?: Tree): Tree {
    const tree = this.parser.parse(text, oldTree ?? null);
    if (!tree) throw new Error('the PHP parser returned no tree');
    return tree;
  }

  /**
   * Parses only `ranges` of `text` (in order, not overlapping); nodes keep their positions in the
   * whole text. The caller owns the tree, as with {@link parse}.
   */
  parseRanges(text: string, ranges: TreeRange[]): Tree {
    const tree = this.parser.parse(rangeReader(text, ranges), null, { includedRanges: ranges });
    if (!tree) throw new Error('the PHP parser returned no tree');
    return tree;
  }

  /** A compiled query, cached by its source. */
  query(source: string): Query {
    let q = this.queries.get(source);
    if (!q) {
      q = new Query(this.language, source);
      this.queries.set(source, q);
    }
    return q;
  }
}

/**
 * The text of `ranges` for the parser, a range at a time. Given the text itself, web-tree-sitter
 * copies the next 10 KB into its input buffer, a character at a time, at every place the parser
 * asks for text, and those 10 KB run on over the text left out between ranges: on MediaWiki's
 * `includes/` it copied about five times the text of the ranges. Here each answer stops at the
 * end of its range (and the parser asks again at the next one).
 */
function rangeReader(text: string, ranges: readonly TreeRange[]): (index: number) => string {
  let at = 0;
  return (index) => {
    // The parser moves forward through the ranges; a step back (a lookahead reset) searches again.
    if (at >= ranges.length || index < ranges[at].startIndex) at = 0;
    while (at < ranges.length && ranges[at].endIndex <= index) at++;
    const end = at < ranges.length && ranges[at].startIndex <= index ? ranges[at].endIndex : Math.min(text.length, index + 1);
    return text.slice(index, end);
  };
}

/** Emscripten's hook for a module compiled elsewhere: instantiate it with the runtime's imports. */
function instantiateWith(module: CompiledWasm) {
  return (imports: object, receive: (instance: object, module: CompiledWasm) => void) => {
    const instance = new wasmApi.Instance(module, imports);
    receive(instance, module);
    return instance.exports;
  };
}

/** An LSP-style content change: a range replaced by text, or (no range) the whole new text. */
export interface ContentChange {
  range?: Range;
  text: string;
}

/**
 * An open PHP file: its text and syntax tree, kept in step with edits. Each change edits the old
 * tree so that the next parse reuses everything outside the changed ranges.
 */
export class PhpDocument {
  private current: Tree;

  constructor(
    private readonly parser: PhpParser,
    private content: string,
  ) {
    this.current = parser.parse(content);
  }

  get text(): string {
    return this.content;
  }

  get tree(): Tree {
    return this.current;
  }

  /** Applies changes in order (as LSP sends them) and re-parses once. */
  update(changes: readonly ContentChange[]): void {
    let text = this.content;
    let incremental = true;
    for (const change of changes) {
      if (!change.range) {
        text = change.text;
        incremental = false;
        continue;
      }
      const lines = new LineIndex(text);
      const start = lines.offsetAt(change.range.start);
      const oldEnd = Math.max(start, lines.offsetAt(change.range.end));
      const next = text.slice(0, start) + change.text + text.slice(oldEnd);
      if (incremental) {
        const startPosition = lines.positionAt(start);
        this.current.edit(
          new Edit({
            startIndex: start,
            oldEndIndex: oldEnd,
            newEndIndex: start + change.text.length,
            startPosition: point(startPosition),
            oldEndPosition: point(lines.positionAt(oldEnd)),
            newEndPosition: advance(point(startPosition), change.text),
          }),
        );
      }
      text = next;
    }
    const old = this.current;
    this.current = this.parser.parse(text, incremental ? old : undefined);
    old.delete();
    this.content = text;
  }

  /** Frees the tree. */
  dispose(): void {
    this.current.delete();
  }
}

function point(p: { line: number; character: number }): Point {
  return { row: p.line, column: p.character };
}

/** Where `start` ends up after `inserted` is typed at it. */
function advance(start: Point, inserted: string): Point {
  const breaks = inserted.match(/\r\n|\r|\n/g);
  if (!breaks) return { row: start.row, column: start.column + inserted.length };
  const last = Math.max(inserted.lastIndexOf('\n'), inserted.lastIndexOf('\r'));
  return { row: start.row + breaks.length, column: inserted.length - last - 1 };
}
