/**
 * Parsing and extracting one PHP file: what the workspace scan's worker threads run. It needs the
 * parser and extraction only, never the rules (check.ts), so that a worker loads little code.
 */
import type { Range } from 'web-tree-sitter';
import type { CancellationToken } from '../types.js';
import { rangesToParse } from './body-ranges.js';
import { extractKeys, type BuilderNames } from './extract.js';
import type { PhpDocument, PhpParser } from './parser.js';
import type { FileKeys } from './types.js';

/**
 * Parses `text` and extracts its key sites; the syntax tree is freed before returning. Function
 * bodies that cannot hold a fact are not parsed (see body-ranges.ts); when the parts parsed do not
 * read cleanly, the whole file is parsed instead.
 */
export function analyzePhp(parser: PhpParser, file: string, text: string, builders: BuilderNames, token?: CancellationToken): FileKeys {
  return analyzeParts(parser, file, text, partsToParse(text, builders), builders, token);
}

/** The parts of `text` that {@link analyzePhp} parses (undefined: the whole text); plain data, to compute in another thread. */
export function partsToParse(text: string, builders: BuilderNames): Range[] | undefined {
  return rangesToParse(text, [...builders.localBuilders, ...builders.globalBuilders]);
}

/** {@link analyzePhp} with the parts to parse already chosen by {@link partsToParse}. */
export function analyzeParts(parser: PhpParser, file: string, text: string, ranges: Range[] | undefined, builders: BuilderNames, token?: CancellationToken): FileKeys {
  let tree = ranges ? parser.parseRanges(text, ranges) : parser.parse(text);
  if (ranges && tree.rootNode.hasError) {
    tree.delete();
    tree = parser.parse(text);
  }
  try {
    return extractKeys(parser, tree, text, file, builders, token);
  } finally {
    tree.delete();
  }
}

/** Extracts the key sites of an open document from its current (incrementally parsed) tree. */
export function analyzeDocument(parser: PhpParser, file: string, document: PhpDocument, builders: BuilderNames, token?: CancellationToken): FileKeys {
  return extractKeys(parser, document.tree, document.text, file, builders, token);
}
