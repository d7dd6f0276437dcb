/** How the keystroke benchmark analyses a version: the server's way, one session per document. */
import type { ResolvedConfig } from '../server/src/core/config/config.js';
import { MarkdownParser } from '../server/src/core/markdown/parse.js';
import { ReportSession } from '../server/src/core/report/session.js';

export function createEngine(config: ResolvedConfig): { check(text: string): number } {
  const session = new ReportSession(new MarkdownParser());
  return { check: (text) => session.check('bench.md', text, config).findings.length };
}
