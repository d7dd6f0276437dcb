import type { Nodes, Root } from 'mdast';
import { scanProse } from '../../markdown/prose.js';
import { findTranscript, inMessage, type Transcript } from '../../markdown/transcript.js';
import { hasDate, readLeadingToken, type TimeToken } from '../../report/timeline/tokens.js';
import type { ReportRule } from '../rule.js';

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const PERIOD = `(?:week|weekend|month|quarter|year|${DAY})`;

/**
 * Dates that only make sense on the day they were written. "the last week of May" names a
 * week, so `last <period> of` is left alone.
 */
const RELATIVE = new RegExp(
  [
    '\\b(?:the day (?:before|after) )?(?:yesterday|today|tomorrow|tonight)(?:[\'’]s)?\\b',
    '\\blast night\\b',
    `\\bthis (?:morning|afternoon|evening|${PERIOD})\\b`,
    `\\b(?:last|next) ${PERIOD}\\b(?!\\s+of\\b)`,
    // Minutes ago is read against the moment the sentence tells of, never the day of writing.
    '\\b(?:\\d+|a|an|one|two|three|four|five|six|a few|a couple of|several) (?:hours?|days?|weeks?|months?|years?) ago\\b',
    '\\bearlier today\\b',
  ].join('|'),
  'gi',
);

/**
 * The relative phrases readable against the date of the heading they stand under: those that
 * count back, and the days next to it ("late tonight", "will decide tomorrow"). A week or a month
 * ahead ("next week") still wants its date: it names no day.
 */
const READ_AGAINST_DAY = /^(?:the day (?:before|after) )?(?:yesterday|today|tonight|tomorrow)|^(?:last|earlier|this (?:morning|afternoon|evening))|\bago$/i;

/** Yesterday, last week, this morning: relative dates in a permanent record. */
export const relativeDate: ReportRule = {
  meta: {
    id: 'style/relative-date',
    defaultSeverity: 'info',
    description: 'A relative date (yesterday, today, last week, this morning …) that will mean nothing once the day has passed.',
    tags: ['style'],
    fixable: 'none',
    target: 'report',
  },
  scope: 'chunk',
  check({ report, token }) {
    // Under a heading that is a date ("### 2024-03-05 14:10"), the past counts back from that day
    // and the days next to it are known; a plan a week ahead ("next week") still wants its day.
    // Both are read section by section (a section ends at the next heading), so that the rule says
    // the same of a chunk as of the whole document.
    // Most chunks hold no relative date at all: what the matches are checked against is worked
    // out only once there is one (this rule runs on every chunk typed in).
    const matches = scanProse(report.root, report.text, RELATIVE, { token });
    if (matches.length === 0) return [];
    const parts = headingSections(report.root, report.text);
    const dated = datedBlocks(report.root, report.text);
    const verse = verseBlocks(report.root, report.text);
    const pasted = pastedBlocks(report.root);
    const partOf = (at: number): HeadingSection | undefined => {
      let found: HeadingSection | undefined;
      for (const p of parts) if (p.start <= at) found = p;
      return found;
    };
    return matches
      // In an entry that starts with its date, "yesterday" is the day before that date.
      .filter((m) => !dated.some(([s, e]) => m.start >= s && m.end <= e))
      .filter((m) => !(partOf(m.start)?.dated && READ_AGAINST_DAY.test(m.text)))
      // A verse, somebody's quoted words, a block quote, a folded <details> block (a pasted e-mail,
      // a log) or a pasted chat message speak of their own day.
      .filter((m) => !verse.some(([s, e]) => m.start >= s && m.end <= e) && !quoted(report.text, m.start, m.end))
      // A pasted message's own stamp ("> priya [2 hours ago]") still lost its time.
      .filter((m) => !pasted.some(([s, e]) => m.start >= s && m.end <= e) || (report.text[m.start - 1] === '[' && report.text[m.end] === ']'))
      .filter((m) => !inMessage(partOf(m.start)?.chat, m.start, m.end))
      // "last week (2019-03-20)", "on May 4 (yesterday)": the date is given beside it.
      .filter((m) => !besideDate(report.text, m.start, m.end))
      .map((m) => ({
      message: `"${m.text}" is a relative date; an incident report is read long after it is written: give the date (e.g. 2020-05-19).`,
      range: report.lines.rangeOf(m.start, m.end),
    }));
  },
};

/**
 * Paragraphs, list items and table rows whose first line starts with a calendar date ("July 23
 * 4:10 AM", "2025-07-23 04:10 – …"), as [start, end) offsets.
 */
function datedBlocks(root: Root, text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'listItem' || node.type === 'tableRow') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const firstLine = text.slice(start, end).split('\n', 1)[0].replace(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\|\s*)?/, '');
      const token = readLeadingToken(firstLine);
      if (token && hasDate(token) && token.day !== undefined) {
        out.push([start, end]);
        return;
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

/** A stretch of the text from one top-level heading (or the start) to the next. */
interface HeadingSection {
  start: number;
  /** The heading's words start with a calendar date. */
  dated: boolean;
  /** The pasted chat log in the stretch, its offsets in the whole text. */
  chat?: Transcript;
}

/** The text cut at its top-level headings, each stretch with what the rule needs to know of it. */
function headingSections(root: Root, text: string): HeadingSection[] {
  const starts = [0, ...root.children.filter((n) => n.type === 'heading').map((n) => n.position?.start.offset ?? 0)];
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const first = root.children.find((n) => n.type === 'heading' && n.position?.start.offset === start);
    const line = first ? text.slice(start, first.position?.end.offset ?? start).replace(/^#+[ \t]*/, '') : '';
    const found = findTranscript(text.slice(start, end));
    const chat = found && { start: found.start + start, speakers: found.speakers.map(([s, e]): [number, number] => [s + start, e + start]) };
    return { start, dated: first !== undefined && isDay(readLeadingToken(line)), ...(chat ? { chat } : {}) };
  });
}

function isDay(token: TimeToken | undefined): boolean {
  return token !== undefined && hasDate(token) && token.day !== undefined;
}

/** A parenthesis that holds only a calendar date, right after `end` or closing right at `start`. */
function besideDate(text: string, start: number, end: number): boolean {
  const after = /^[ \t]*\(([^()\n]{4,40})\)/.exec(text.slice(end, end + 48));
  if (after) {
    const token = readLeadingToken(after[1]);
    if (isDay(token) && token!.end >= after[1].trimEnd().length) return true;
  }
  const open = text.lastIndexOf('(', start);
  if (open < 0 || start - open > 2 || !/^\s*\)/.test(text.slice(end))) return false;
  const before = text.slice(Math.max(0, open - 40), open).trimEnd();
  const lineStart = before.lastIndexOf('\n') + 1;
  const words = before.slice(lineStart);
  // The date ends right before the parenthesis: read each start of the last few words.
  for (let i = words.length - 1; i >= 0; i--) {
    if (i > 0 && !/\s/.test(words[i - 1])) continue;
    const token = readLeadingToken(words.slice(i));
    if (isDay(token) && token!.end >= words.length - i) return true;
  }
  return false;
}

/** Lines of verse: short, each opening with a capital (or a quote), as poems are set. */
const VERSE_LINE = /^[ \t]*(?:>[ \t]*)?["'“‘(]?[A-Z][^\n]{0,74}$/;

/**
 * Paragraphs set as verse, as [start, end) offsets: two or more lines, every one short and opening
 * with a capital. Prose wrapped at a fixed width has lines that open in lower case.
 */
function verseBlocks(root: Root, text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const lines = text.slice(start, end).split('\n');
      if (lines.length >= 2 && lines.every((line) => VERSE_LINE.test(line.trimEnd()))) out.push([start, end]);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(root);
  return out;
}

/**
 * Block quotes, and what stands between `<details>` and `</details>` at the top level: material
 * pasted into the report (an e-mail, a reply, a log), as [start, end) offsets.
 */
function pastedBlocks(root: Root): [number, number][] {
  const out: [number, number][] = [];
  let open: number | undefined;
  const walk = (node: Nodes): void => {
    if (node.type === 'blockquote') {
      out.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of root.children) {
    if (node.type === 'html') {
      if (open === undefined && /^\s*<details\b/i.test(node.value) && !/<\/details>/i.test(node.value)) open = node.position?.start.offset;
      else if (open !== undefined && /<\/details>/i.test(node.value)) {
        out.push([open, node.position?.end.offset ?? open]);
        open = undefined;
      }
      continue;
    }
    walk(node);
  }
  return out;
}

/** True when `[start, end)` stands inside double quotation marks on its line: somebody's own words. */
function quoted(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const eol = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, eol < 0 ? text.length : eol);
  const opens = (before.match(/["“”]/g) ?? []).length;
  return opens % 2 === 1 && /["”]/.test(after);
}
