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
  // The YAML parser recurses per level and expands aliases: bound both before it runs.
  const deep = nestingProblem(node.value);
  if (deep) {
    fm.error = { message: deep, range: fm.range };
    return fm;
  }
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message =
      error instanceof ReferenceError
        ? `front matter uses aliases (*name) that would expand to too many values (more than ${MAX_ALIASES} alias uses per node)`
        : `front matter cannot be read: ${(error as Error).message.split('\n')[0]}`;
    fm.error = { message, range: fm.range };
    return fm;
  }
  fm.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return fm;
}

/** The states of the report itself, as front matter `status` gives them (the wiki's `{{irdoc}}` knows these). */
export const REPORT_STATUSES: readonly string[] = ['draft', 'review', 'final'];

/**
 * The states of the incident, which many sites keep in the same `status` field instead
 * ("status: resolved", as status pages word them): a true statement, not a typo.
 */
export const INCIDENT_STATUSES: readonly string[] = ['investigating', 'identified', 'monitoring', 'mitigated', 'resolved', 'closed', 'ongoing', 'open'];

/** The report's own state named by a front matter `status`, lower-cased, or undefined when it names none. */
export function reportStatus(status: string): string | undefined {
  const s = status.trim().toLowerCase();
  return REPORT_STATUSES.includes(s) ? s : undefined;
}

/** Levels of nesting (indentation, brackets, sequence dashes) front matter may have. */
export const MAX_YAML_DEPTH = 64;
const MAX_ALIASES = 100;

/**
 * Why front matter is too deep to parse, or undefined. Real front matter is a flat mapping with a
 * few lists; a YAML structure hundreds of levels deep only makes the parser slow or overflow.
 */
function nestingProblem(raw: string): string | undefined {
  const tooDeep = `front matter is nested more than ${MAX_YAML_DEPTH} levels deep`;
  let flow = 0;
  let quote: string | undefined;
  for (const line of raw.split(/\r?\n/)) {
    const indent = /^[ \t-]*/.exec(line)![0];
    if (indent.length > MAX_YAML_DEPTH * 2 || (indent.match(/-/g)?.length ?? 0) > MAX_YAML_DEPTH) return tooDeep;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
      else if (c === '[' || c === '{') {
        if (++flow > MAX_YAML_DEPTH) return tooDeep;
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    }
    if (quote === "'") quote = undefined;
  }
  return undefined;
}
