/**
 * Phabricator task ids in running text (`T253405`, `phab:T253405`). Exports turn them into links;
 * this module only finds them, in a single text leaf of the mdast.
 */

/** A piece of a text leaf: plain text, or a task id. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'task'; text: string; task: string };

// At least three digits: `T2` or `T10` are more often instance types or team names than tasks.
const TASK = /(?<![\p{L}\p{N}_/#-])(?:phab:)?(T[1-9]\d{2,})(?![\p{L}\p{N}_])/gu;

/** Splits `text` into plain runs and task ids, in order. */
export function splitTaskIds(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(TASK)) {
    const at = m.index ?? 0;
    if (at > last) pieces.push({ kind: 'text', text: text.slice(last, at) });
    pieces.push({ kind: 'task', text: m[0], task: m[1] });
    last = at + m[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** The Phabricator task a URL points at (`https://phabricator.wikimedia.org/T253405`), if any. */
export function taskOfUrl(url: string): string | undefined {
  const m = /^https?:\/\/phabricator\.wikimedia\.org\/(T[1-9]\d*)\/?$/.exec(url.trim());
  return m ? m[1] : undefined;
}

/** The web address of a task. */
export function taskUrl(task: string): string {
  return `https://phabricator.wikimedia.org/${task}`;
}
