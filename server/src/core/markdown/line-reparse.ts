/**
 * A keystroke in a timeline entry changes one line of one chunk, and micromark over the whole
 * chunk (a day of a timeline, a few KB) is most of what the keystroke costs. When the changed
 * line is one item of a tight list, after the item before it (or a blank line) and before
 * another item, the line can be parsed alone: an item that starts and ends on its line,
 * followed by a sibling item, is closed by that sibling whatever it holds, and nothing in it
 * reaches the lines around it. The
 * chunk's tree is then the last one with that item replaced and everything after it moved by
 * the change in length: the tree a whole parse gives.
 *
 * Anything else (a line break typed or removed, the list marker touched, the last item, a first
 * item right under a paragraph, a loose list, a line that stops being one list item, footnotes, link definitions)
 * is left to the whole parse.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';

interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface Node {
  type: string;
  position?: { start: Point; end: Point };
  children?: Node[];
}

/**
 * The tree of chunk text `text`, from `old` (the tree of `oldText`) and a parse of the changed
 * line alone (`parseLine(line)` parses the line with the document's link definitions appended,
 * as the chunk is parsed); undefined when the change is not one that can be read this way.
 */
export function reparseListLine(oldText: string, old: Root, text: string, parseLine: (line: string) => Root): Root | undefined {
  // The changed span: common prefix and suffix, on one line of both texts.
  const shortest = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix < shortest && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  if (prefix === oldText.length && prefix === text.length) return undefined;
  const lineStart = oldText.lastIndexOf('\n', prefix - 1) + 1;
  const oldLineEnd = endOfLine(oldText, prefix);
  if (oldLineEnd < oldText.length - suffix || endOfLine(text, prefix) < text.length - suffix) return undefined;
  const lineEnd = endOfLine(text, prefix);
  const delta = text.length - oldText.length;
  const line = text.slice(lineStart, lineEnd);
  // Footnotes and link definitions reach other lines: a definition in an item (`- [a]: /x`)
  // turns `[text][a]` in its siblings into a link.
  const oldLine = oldText.slice(lineStart, oldLineEnd);
  if (line.includes('[^') || oldLine.includes('[^') || line.includes(']:') || oldLine.includes(']:') || line.includes('\r')) return undefined;

  // The old item on that line: one line, inside a tight list, with items on the lines around it.
  const at = old.children.findIndex((n) => offsetOf(n.position?.start) <= lineStart && offsetOf(n.position?.end) >= oldLineEnd);
  const list = old.children[at] as List | undefined;
  if (!list || list.type !== 'list' || list.spread) return undefined;
  const index = list.children.findIndex((item) => offsetOf(item.position?.start) === lineStart);
  const item = list.children[index];
  if (!item || index === list.children.length - 1 || item.spread || offsetOf(item.position?.end) !== oldLineEnd) return undefined;
  const lineNumber = item.position!.start.line;
  if (item.position!.end.line !== lineNumber || list.children[index + 1].position?.start.line !== lineNumber + 1) return undefined;
  // Above it, the item before, or (for the first item) a blank line: nothing the line can join.
  const above = index > 0 ? list.children[index - 1].position?.end.line === lineNumber - 1 : lineStart > 0 && /^[ \t]*$/.test(oldText.slice(oldText.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1));
  if (!above) return undefined;
  // The marker and the space after it are untouched (the item's content starts after them).
  const content = item.children[0]?.position?.start;
  if (!content || lineStart + content.column - 1 > prefix) return undefined;

  // The line alone must be one list of one item that ends on its line, of the same kind.
  const alone = parseLine(line);
  const parsedList = alone.children[0] as List | undefined;
  if (!parsedList || parsedList.type !== 'list' || parsedList.ordered !== list.ordered || parsedList.children.length !== 1) return undefined;
  const parsedItem = parsedList.children[0];
  if (parsedItem.spread || parsedItem.position?.start.line !== 1 || parsedItem.position.end.line !== 1 || offsetOf(parsedItem.position.end) !== line.length) return undefined;
  const next = alone.children[1];
  if (next && offsetOf(next.position?.start) < line.length) return undefined;

  const newItem = move(parsedItem, lineNumber - 1, lineStart) as ListItem;
  const after = (n: Node): Node => move(n, 0, delta);
  const newList: List = {
    ...list,
    children: [...list.children.slice(0, index), newItem, ...list.children.slice(index + 1).map((n) => after(n) as ListItem)],
    position: { start: list.position!.start, end: shifted(list.position!.end, 0, delta) },
  };
  return {
    ...old,
    children: [...old.children.slice(0, at), newList, ...old.children.slice(at + 1).map((n) => after(n) as RootContent)],
    position: old.position && { start: old.position.start, end: shifted(old.position.end, 0, delta) },
  };
}

const offsetOf = (p: Point | undefined): number => p?.offset ?? -1;

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function shifted(p: Point, lines: number, offset: number): Point {
  return { line: p.line + lines, column: p.column, offset: (p.offset ?? 0) + offset };
}

/** A copy of `node` and its subtree, every position moved by `lines` lines and `offset` characters. */
function move(node: Node, lines: number, offset: number): Node {
  const copy: Node = { ...node };
  if (node.position) copy.position = { start: shifted(node.position.start, lines, offset), end: shifted(node.position.end, lines, offset) };
  if (node.children) copy.children = node.children.map((c) => move(c, lines, offset));
  return copy;
}
