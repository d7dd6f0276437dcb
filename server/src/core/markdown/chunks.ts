/**
 * Splits Markdown into independently parseable chunks. micromark's cost grows faster than the
 * document, so a large report is parsed one chunk at a time and an edit re-parses only the chunk
 * it touched. A chunk boundary is a zero-indent ATX heading outside front matter, fenced code and
 * HTML blocks: such a line always starts a new top-level block, so parsing the pieces apart
 * gives the same tree as parsing the whole.
 */

/** A slice of the document that starts at the beginning of a line. */
export interface Chunk {
  text: string;
  /** Offset of the chunk's first character in the document. */
  offset: number;
  /** 0-based line of the chunk's first character in the document. */
  line: number;
}

const HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(?:[-*+] +|\d{1,9}[.)] +|> ?)*( *)(`{3,}|~{3,})(.*)$/;
const HTML_RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
const HTML_BLOCK_OPEN =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/;
const BULLET = /^[-*+][ \t]+\S/;

/**
 * A section longer than this (a timeline of thousands of entries) is cut further, at a
 * zero-indent bullet item or at a zero-indent line after a blank line. Both always start a new
 * top-level block; the only difference from a whole parse is that one long list may come back
 * as several consecutive lists holding the same items.
 */
export const SOFT_CHUNK_LIMIT = 16 * 1024;

type Mode =
  | { kind: 'normal' }
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'until'; close: RegExp }
  | { kind: 'html-blank' }
  | { kind: 'frontmatter' };

/** The result of {@link splitChunks}. */
export interface Split {
  chunks: Chunk[];
  /** Link reference definition lines; references resolve across the whole document. */
  definitions: string[];
}

/** Splits `text` at top-level ATX headings (see the module comment). */
export function splitChunks(text: string): Split {
  const chunks: Chunk[] = [];
  const definitions: string[] = [];
  let mode: Mode = { kind: 'normal' };
  let chunkStart = 0;
  let chunkLine = 0;
  let offset = 0;
  let line = 0;
  let previousBlank = true;
  while (offset < text.length || (offset === 0 && text.length === 0)) {
    let end = text.indexOf('\n', offset);
    const next = end === -1 ? text.length : end + 1;
    if (end === -1) end = text.length;
    let content = text.slice(offset, end);
    if (content.endsWith('\r')) content = content.slice(0, -1);

    switch (mode.kind) {
      case 'frontmatter':
        if (/^(?:---|\.\.\.)\s*$/.test(content)) mode = { kind: 'normal' };
        break;
      case 'fence': {
        const m = mayFence(content) ? FENCE.exec(content) : null;
        if (m && m[2][0] === mode.char && m[2].length >= mode.length && m[3].trim() === '') mode = { kind: 'normal' };
        break;
      }
      case 'until':
        if (mode.close.test(content)) mode = { kind: 'normal' };
        break;
      case 'html-blank':
        if (content.trim() === '') mode = { kind: 'normal' };
        break;
      case 'normal': {
        if (line === 0 && /^---\s*$/.test(content)) {
          mode = { kind: 'frontmatter' };
          break;
        }
        const softSplit =
          offset - chunkStart >= SOFT_CHUNK_LIMIT && (BULLET.test(content) || (previousBlank && /^[^\s]/.test(content)));
        const heading = content.charCodeAt(0) === 0x23 /* # */ && HEADING.test(content);
        if ((heading || softSplit) && offset > chunkStart) {
          chunks.push({ text: text.slice(chunkStart, offset), offset: chunkStart, line: chunkLine });
          chunkStart = offset;
          chunkLine = line;
          if (heading) break;
        }
        const fence = mayFence(content) ? FENCE.exec(content) : null;
        if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
          mode = { kind: 'fence', char: fence[2][0], length: fence[2].length };
          break;
        }
        if (content.includes('<')) mode = htmlMode(content) ?? mode;
        if (content.includes(']:') && DEFINITION.test(content)) definitions.push(content);
        break;
      }
    }
    if (text.length === 0) break;
    previousBlank = content.trim() === '';
    offset = next;
    line++;
  }
  if (chunkStart < text.length || chunks.length === 0) {
    chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine });
  }
  return { chunks, definitions };
}

/** Cheap test before {@link FENCE}: a fence line holds three backticks or tildes in a row. Most lines hold neither. */
function mayFence(content: string): boolean {
  return content.includes('```') || content.includes('~~~');
}

function htmlMode(content: string): Mode | undefined {
  const raw = HTML_RAW_OPEN.exec(content);
  if (raw) {
    const close = new RegExp('</' + raw[1] + '>', 'i');
    return close.test(content) ? undefined : { kind: 'until', close };
  }
  const trimmed = content.trimStart();
  if (trimmed.startsWith('<!--')) return trimmed.includes('-->', 4) ? undefined : { kind: 'until', close: /-->/ };
  if (trimmed.startsWith('<?')) return trimmed.includes('?>', 2) ? undefined : { kind: 'until', close: /\?>/ };
  if (trimmed.startsWith('<![CDATA[')) return trimmed.includes(']]>') ? undefined : { kind: 'until', close: /\]\]>/ };
  if (/^<![A-Za-z]/.test(trimmed)) return trimmed.includes('>') ? undefined : { kind: 'until', close: />/ };
  if (HTML_BLOCK_OPEN.test(content)) return { kind: 'html-blank' };
  return undefined;
}
