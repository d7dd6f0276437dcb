/** How the keystroke benchmark analyses a version: the server's way, one state per document. */
import { checkReport } from '../server/src/core/check.js';
import type { ResolvedConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';

export function createEngine(config: ResolvedConfig): { check(text: string): number } {
  const parser = new MarkdownParser();
  return { check: (text) => checkReport('bench.md', text, parser, config).findings.length };
}
