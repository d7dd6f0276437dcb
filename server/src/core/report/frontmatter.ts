import type { Root } from 'mdast';
import { isMap, parseDocument } from 'yaml';
import type { LineIndex } from '../text.js';
import type { FrontMatter } from './types.js';

/** Reads the YAML front matter node of `root`, if the document has one. */
export function readFrontMatter(root: Root, lines: LineIndex): FrontMatter | undefined {
  const node = root.children[0];
  if (!node || node.type !== 'yaml') return undefined;
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  // The YAML body starts on the line after the opening `---`.
  const bodyOffset = lines.lineStart(lines.positionAt(start).line + 1);
  const fm: FrontMatter = { raw: node.value, range: lines.rangeOf(start, end), fields: {} };
  const doc = parseDocument(node.value, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    fm.error = {
      message: e.message.split('\n')[0],
      range: lines.rangeOf(bodyOffset + e.pos[0], bodyOffset + Math.max(e.pos[1], e.pos[0])),
    };
    return fm;
  }
  if (doc.contents === null) {
    fm.data = {};
    return fm;
  }
  if (!isMap(doc.contents)) {
    fm.error = { message: 'front matter must be a mapping of keys to values', range: fm.range };
    return fm;
  }
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key && typeof key.value === 'string' && key.range) {
      const line = lines.positionAt(bodyOffset + key.range[0]).line;
      fm.fields[key.value] = lines.lineRange(line);
    }
  }
  // Dates stay strings: YAML's timestamp type would silently pick a zone for `2020-05-19 00:28`.
  const data = doc.toJS() as unknown;
  fm.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return fm;
}
