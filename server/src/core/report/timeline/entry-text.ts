/**
 * The words of a timeline entry as the milestone readers see them: plain text, the text after
 * its time, its emphasised spans; from the parsed nodes or from one line of source.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readLeadingToken, readOffsetToken } from './tokens.js';

/** Where a parsed node starts and ends in the text it was parsed from. */
export const nodeStart = (n: { position?: { start: { offset?: number } } }): number => n.position?.start.offset ?? 0;
export const nodeEnd = (n: { position?: { end: { offset?: number } } }): number => n.position?.end.offset ?? 0;

/** The plain text after the time token that starts `plain`, or all of it. */
export function restOf(plain: string): string {
  const t = readLeadingToken(plain) ?? readOffsetToken(plain);
  return t ? plain.slice(t.rest) : plain;
}

/** The plain text of each bold or italic span among `nodes` (not inside nested lists). */
export function emphasisOf(nodes: readonly Nodes[]): string[] {
  const found: string[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'strong' || n.type === 'emphasis') found.push(toString(n));
    else if ('children' in n && n.type !== 'list') for (const c of n.children) visit(c as Nodes);
  };
  for (const n of nodes) visit(n);
  return found;
}

/** The bold or italic spans of one line of Markdown source (a line of a code block read as an entry). */
export function emphasisInSource(line: string): string[] {
  // Bounded spans: milestone phrases are short, and an unbounded lazy match is quadratic.
  return [...line.matchAll(/(\*\*|__|\*|_)(?=\S)(.{1,80}?)(?<=\S)\1/g)].map((m) => m[2]);
}

/** One line of Markdown source as plain text: link text kept, emphasis and code marks dropped. */
export function plainLine(line: string): string {
  return line
    .replace(/!?\[([^\]]{0,500})\]\([^)\s]{0,2000}\)/g, '$1')
    .replace(/[*`]+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])/g, '')
    .trim();
}
