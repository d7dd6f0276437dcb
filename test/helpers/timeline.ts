/** Builds reports from Markdown snippets for the timeline tests. */
import { defaultConfig } from '../../server/src/core/config/config.js';
import { MarkdownParser } from '../../server/src/core/markdown/parse.js';
import { buildReport } from '../../server/src/core/report/model.js';
import type { Report, TimelineEntry } from '../../server/src/core/report/types.js';

const parser = new MarkdownParser();

/** A report whose Timeline section holds `body`, with optional front matter lines. */
export function reportWith(body: string, frontMatter?: string, before = ''): Report {
  const fm = frontMatter === undefined ? '' : `---\n${frontMatter}\n---\n`;
  return buildReport('report.md', `${fm}# Incident\n\n${before}## Timeline\n\n${body}\n\n## Detection\n\nA user.\n`, parser, defaultConfig());
}

/** The entries of a timeline body. */
export function entriesOf(body: string, frontMatter?: string): TimelineEntry[] {
  return reportWith(body, frontMatter).timeline.entries;
}

/** An entry's instant as ISO text, for readable assertions. */
export function iso(entry: TimelineEntry | undefined): string | undefined {
  return entry?.utc === undefined ? undefined : new Date(entry.utc).toISOString().slice(0, 16) + 'Z';
}

/** The text a range covers in `report`. */
export function textAt(report: Report, range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined): string | undefined {
  if (!range) return undefined;
  return report.text.slice(report.lines.offsetAt(range.start), report.lines.offsetAt(range.end));
}
