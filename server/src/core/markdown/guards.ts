/**
 * Cheap checks, before parsing, for the Markdown that makes micromark slow or deep: its cost
 * grows with the square of the emphasis and bracket delimiters of one inline run, with the
 * nesting depth of block quotes and lists, and with the cells of a table row. A chunk that
 * trips a guard is not parsed; the report says which section was too complex to check.
 * Honest reports stay far below every limit (a timeline entry has a handful of delimiters).
 */

/** Limits of {@link complexityOf}; the defaults are the ones the checker uses. */
export interface GuardLimits {
  /** Delimiters (`*` `_` `` ` `` `~` `[` `]` `<`) in one paragraph, table row or list item's first lines. */
  delimiters: number;
  /** Block quote and list markers in front of one line. */
  depth: number;
  /** Indentation (columns) of a list item: nested lists cost more with every level. */
  indent: number;
  /** Cells of one table row. */
  cells: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { delimiters: 300, depth: 16, indent: 64, cells: 100 };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_START = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Container markers in front of a line: `> > - 1. text`. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;

/** Why `text` is too complex to parse, or undefined when it is fine. */
export function complexityOf(text: string, limits: GuardLimits = DEFAULT_GUARD_LIMITS): string | undefined {
  let delimiters = 0;
  let fence: string | undefined;
  // Front matter is YAML, not Markdown: its own reader bounds it (`report/frontmatter.ts`).
  if (/^---[ \t]*(?:\r?\n)/.test(text)) fence = '---';
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    if (fence === '---') {
      if (at > 4 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line)) fence = undefined;
      if (end === text.length) break;
      continue;
    }
    // Code is not parsed for inlines: a long log excerpt is no risk.
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined) {
      if (end === text.length) break;
      continue;
    }
    if (line.trim() === '' || LIST_START.test(line) || line.trimStart().startsWith('|')) delimiters = 0;
    const containers = CONTAINERS.exec(line);
    if (containers) {
      let depth = 0;
      for (const c of containers[0]) if (c === '>' || c === '-' || c === '*' || c === '+' || c === '.' || c === ')') depth++;
      if (depth > limits.depth) return `${depth} nested block quotes or lists on one line`;
      if (LIST_START.test(line) && indentOf(line) > limits.indent) return `a list item indented ${indentOf(line)} columns (nested too deep)`;
    }
    let cells = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      // * _ [ ] ` ~ <
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 126 || c === 60) delimiters++;
      else if (c === 124) cells++;
    }
    if (delimiters > limits.delimiters) return `more than ${limits.delimiters} emphasis, code or link delimiters in one paragraph`;
    if (cells > limits.cells) return `a table row of more than ${limits.cells} cells`;
    if (end === text.length) break;
  }
  return undefined;
}

function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}
