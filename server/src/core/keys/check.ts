/**
 * Checking PHP files for cache key misuse: parse and extract one file into the index, then run
 * the key rules on a file against the whole index.
 */
import type { ResolvedConfig } from '../config/config.js';
import { KEY_RULES } from '../rules/index.js';
import { runRules } from '../rules/run.js';
import type { CancellationToken, Finding } from '../types.js';
import { rangesToParse } from './body-ranges.js';
import { extractKeys, type BuilderNames } from './extract.js';
import type { KeyIndex } from './key-index.js';
import type { PhpDocument, PhpParser } from './parser.js';
import { isTestFile } from './test-code.js';
import type { FileKeys } from './types.js';

/**
 * Parses `text` and extracts its key sites; the syntax tree is freed before returning. Function
 * bodies that cannot hold a fact are not parsed (see body-ranges.ts); when the parts parsed do not
 * read cleanly, the whole file is parsed instead.
 */
export function analyzePhp(parser: PhpParser, file: string, text: string, builders: BuilderNames, token?: CancellationToken): FileKeys {
  const ranges = rangesToParse(text, [...builders.localBuilders, ...builders.globalBuilders]);
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

/**
 * Runs the enabled key rules on one indexed file. Findings keep the core `Finding` shape; a rule
 * that throws becomes a finding of its own, and suppression comments in the file are honoured.
 * Test code (`keys.testFiles`) gets no finding.
 */
export function checkPhpFile(index: KeyIndex, file: string, config: ResolvedConfig, token?: CancellationToken): Finding[] {
  const entry = index.get(file);
  if (!entry || isTestFile(file, config.keys.testFiles)) return [];
  const sites = index.sitesIn(file);
  const findings = runRules(KEY_RULES, { file, sites, index, config, token }, {
    file,
    config,
    suppressions: entry.suppressions,
    errorRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    token,
  });
  // Key findings leave out empty fixes and related lists, as their JSON and LSP forms expect.
  for (const finding of findings) {
    if (!finding.fixes) delete finding.fixes;
    if (!finding.related?.length) delete finding.related;
  }
  return findings;
}
