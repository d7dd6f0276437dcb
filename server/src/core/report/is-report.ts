/**
 * Which Markdown files are incident reports. One decision shared by the CLI's directory walk and
 * the language server: a file is a report when its path (relative to the workspace root) matches
 * one of the report globs, or when its front matter says `type: incident`.
 */
import picomatch from 'picomatch';

const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];

/** True for file names with a Markdown extension. */
export function isMarkdownPath(path: string): boolean {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * A matcher for report globs (relative to the workspace root, `/`-separated). Build it once per
 * configuration: compiling globs costs more than matching.
 */
export function globMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true });
  return (relativePath) => match(relativePath.replace(/\\/g, '/').replace(/^\.?\//, ''));
}

/**
 * True when `text` starts with a YAML front matter block that has `type: incident`. A cheap line
 * test, so that deciding whether a file is a report never needs a full parse.
 */
export function hasIncidentFrontMatter(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Line breaks are LF, CRLF or a lone CR (old Mac files).
  if (!/^---[ \t]*(?:\r\n?|\n)/.test(body)) return false;
  const close = /(?:\r\n?|\n)(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|$)/.exec(body.slice(3));
  const block = close ? body.slice(3, 3 + close.index) : body.slice(3, 3 + 4096);
  return /^type:[ \t]*["']?incident["']?[ \t]*(?:#.*)?$/im.test(block.replace(/\r\n?/g, '\n'));
}

/** The whole decision: a Markdown file matching the globs or declaring itself an incident. */
export function reportMatcher(globs: readonly string[]): (relativePath: string, text: string) => boolean {
  const matches = globMatcher(globs);
  return (relativePath, text) => isMarkdownPath(relativePath) && (matches(relativePath) || hasIncidentFrontMatter(text));
}
