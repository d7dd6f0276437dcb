/**
 * The prose of a Markdown document: its text nodes, without code, inline code, raw HTML or front
 * matter. Rules that look for words (placeholders, blameful or relative wording) scan these, so a
 * log line quoted in a code block never produces a finding.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import { throwIfCancelled, type CancellationToken } from '../types.js';

/** A text node with its place in the document. */
export interface ProseText {
  node: Text;
  /** Offsets of the node's source in the document (cut to the `from`/`to` options). */
  start: number;
  end: number;
  /** The source (`text.slice(start, end)`): escapes and entities as written. */
  source: string;
  /** The nearest paragraph, heading or table cell around the node. */
  block?: Parent;
}

/** A match of a pattern in the prose, with its exact offsets. */
export interface ProseMatch {
  start: number;
  end: number;
  /** The matched source text. */
  text: string;
  /** The regular expression's match, for its groups. */
  match: RegExpExecArray;
}

const SKIPPED = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath', 'definition', 'footnoteDefinition']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Options of {@link forEachProse}. */
export interface ProseOptions {
  /** Only text from this offset on: a text node that starts earlier is cut here. */
  from?: number;
  /** Only text before this offset: a text node that ends later is cut here. */
  to?: number;
  token?: CancellationToken;
}

/** Calls `visit` for every prose text node of `root`, in document order. */
export function forEachProse(root: Root, text: string, visit: (t: ProseText) => void, options: ProseOptions = {}): void {
  const from = options.from ?? 0;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  let visited = 0;
  const walk = (node: Nodes, block: Parent | undefined): void => {
    if (SKIPPED.has(node.type)) return;
    const pos = node.position;
    const start = pos?.start.offset;
    const end = pos?.end.offset;
    if (start === undefined || end === undefined) return;
    if (end <= from || start >= to) return;
    if (node.type === 'text') {
      if ((++visited & 1023) === 0) throwIfCancelled(options.token);
      const s = Math.max(start, from);
      const e = Math.min(end, to);
      visit({ node, start: s, end: e, source: text.slice(s, e), block });
      return;
    }
    // An autolink's text is its address, not prose.
    if (node.type === 'link' && isAutolink(node)) return;
    if ('children' in node) {
      const inner = BLOCKS.has(node.type) ? (node as Parent) : block;
      for (const child of node.children) walk(child as Nodes, inner);
    }
  };
  walk(root, undefined);
}

function isAutolink(node: Nodes & { type: 'link' }): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const label = node.children[0].value;
  return label === node.url || 'mailto:' + label === node.url || 'http://' + label === node.url;
}

/**
 * Every match of `pattern` (which must have the `g` flag) in the prose of `root`. Matches are
 * looked for within one text node at a time, in its source, so offsets are exact.
 */
export function scanProse(root: Root, text: string, pattern: RegExp, options: ProseOptions = {}): ProseMatch[] {
  if (!pattern.global) throw new Error('scanProse needs a global pattern');
  const matches: ProseMatch[] = [];
  forEachProse(
    root,
    text,
    ({ start, source }) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        matches.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0], match: m });
      }
    },
    options,
  );
  return matches;
}

/**
 * Plain text of block and inline nodes: blocks are separated by line breaks, table cells by a
 * space, raw HTML (comments, template hints) is left out. Unlike `mdast-util-to-string`, list
 * items do not run into each other.
 */
export function plainText(nodes: readonly Nodes[]): string {
  return nodes
    .map(nodeText)
    .filter((s) => s.length > 0)
    .join('\n')
    .trim();
}

function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'html':
    case 'yaml':
    case 'definition':
      return '';
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      break;
  }
  if (!('children' in node)) return '';
  const children = node.children as Nodes[];
  if (node.type === 'tableRow') return children.map(nodeText).join(' ').trim();
  if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'footnoteDefinition') {
    return plainText(children);
  }
  return children.map(nodeText).join('');
}
