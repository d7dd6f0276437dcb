/**
 * A line scan for the headings of a Markdown text (ATX `## Title` and setext `Title\n===`),
 * skipping front matter and fenced code. Enough to tell what a document is about without
 * parsing it; the report model itself uses the real parser.
 */

/** One heading as written. */
export interface ScannedHeading {
  /** 0-based line of the heading text. */
  line: number;
  depth: number;
  /** The heading's text, emphasis and closing hashes removed. */
  text: string;
  /** True for an underlined heading (its underline is on the next line). */
  setext: boolean;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines that cannot be the text of a setext heading: list items, quotes, tables, HTML, indented code. */
const NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[-*+>|<]|\d+[.)])(?:\s|$))/;

/** The headings of `text` in order. */
export function scanHeadings(text: string): ScannedHeading[] {
  const lines = text.split(/\r?\n/);
  const out: ScannedHeading[] = [];
  let i = 0;
  if (/^\uFEFF?---[ \t]*$/.test(lines[0] ?? '')) {
    for (i = 1; i < lines.length && !/^(?:---|\.\.\.)[ \t]*$/.test(lines[i]); i++);
    i++;
  }
  let fence: string | undefined;
  let previousIsText = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      previousIsText = false;
      continue;
    }
    if (f) {
      fence = f[1];
      previousIsText = false;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      out.push({ line: i, depth: atx[1].length, text: clean(atx[2] ?? ''), setext: false });
      previousIsText = false;
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && previousIsText) {
      out.push({ line: i - 1, depth: underline[1][0] === '=' ? 1 : 2, text: clean(lines[i - 1]), setext: true });
      previousIsText = false;
      continue;
    }
    // Only a single line of paragraph text is taken as a setext heading's text: enough for titles.
    previousIsText = line.trim() !== '' && !NOT_PARAGRAPH.test(line) && !(i > 0 && lines[i - 1].trim() !== '' && !out.some((h) => h.line === i - 1));
  }
  return out;
}

function clean(text: string): string {
  return text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}
