import type { ResolvedConfig } from './config/config.js';
import type { MarkdownParser } from './markdown/parse.js';
import { ReportSession, type ReportCheck } from './report/session.js';
import type { CancellationToken } from './types.js';

export type { ReportCheck } from './report/session.js';
export { ReportSession, type SessionStats } from './report/session.js';
export { effectiveSeverity } from './rules/run.js';

/**
 * Parses and checks one incident report from scratch (a fresh {@link ReportSession}, closed
 * after the check: the parser's cache keeps none of its trees). A rule that throws is reported as a finding of its own
 * instead of taking the whole check down: one bad document never silences the others. To check
 * the versions of an edited document, keep one `ReportSession` per document instead.
 */
export function checkReport(file: string, text: string, parser: MarkdownParser, config: ResolvedConfig, token?: CancellationToken): ReportCheck {
  const session = new ReportSession(parser);
  try {
    return session.check(file, text, config, token);
  } finally {
    session.close();
  }
}
