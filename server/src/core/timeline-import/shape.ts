/**
 * How a report writes its timeline entries, learned from its first timed entry, so that imported
 * entries look like the author's: a list (`- 14:05 text`, with the author's marker, bold, date,
 * seconds, zone and separator), a table (which column holds the time, the date, the text), time
 * headings (`### 14:05` with the text below or beside), or plain lines.
 */
import type { Report, TimelineEntry } from '../report/types.js';
import { readLeadingToken } from '../report/timeline/tokens.js';
import { formatDate, formatTime, utcToWall, type ImportZone } from './clock.js';

/** The timeline's shape and the style of its times. */
export interface EntryStyle {
  shape: 'list' | 'table' | 'heading' | 'lines';
  /** List marker with its indent (`- `, `  * `), heading marks (`### `), or empty. */
  lead: string;
  /** What stands before and after the time (`**`, `** - `). */
  before: string;
  between: string;
  date: boolean;
  seconds: boolean;
  /** The zone is written on every entry. */
  zone: boolean;
  /** A heading entry with its text in the heading rather than below. */
  textInHeading: boolean;
  /** Tables: the number of columns and which hold the time, a separate date, the text. */
  columns?: { count: number; time: number; date?: number; text: number };
}

/** The style of a new timeline: a list with dates, and the zone on each entry unless declared. */
export function defaultStyle(declared: boolean): EntryStyle {
  return { shape: 'list', lead: '- ', before: '', between: ' ', date: true, seconds: false, zone: !declared, textInHeading: false };
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The style of `first`, the first timed entry of `report`'s timeline. */
export function styleOf(report: Report, first: TimelineEntry): EntryStyle {
  const line = report.lines.lineText(first.range.start.line);
  const style: EntryStyle = { shape: 'lines', lead: '', before: '', between: ' ', date: false, seconds: false, zone: first.zoneOnEntry, textInHeading: false };
  let body = line;
  const table = /^\s*\|/.test(line);
  const heading = /^(\s{0,3}#{1,6}\s+)(.*)$/.exec(line);
  const list = /^(\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)(.*)$/.exec(line);
  if (table) {
    style.shape = 'table';
    const cells = tableCells(line);
    const header = findHeader(report, first.range.start.line);
    const names = header ? tableCells(header) : [];
    const time = Math.max(0, cells.findIndex((c) => readLeadingToken(c)?.hour !== undefined));
    const dateCol = names.findIndex((n, i) => i !== time && /^\W*date\W*$/i.test(n));
    let text = names.findIndex((n, i) => i !== time && i !== dateCol && /\b(?:event|what|description|text|action|details?|happened|summary|message|notes?)\b/i.test(n));
    if (text < 0) text = [...cells.keys()].find((i) => i !== time && i !== dateCol) ?? time + 1;
    style.columns = { count: Math.max(cells.length, names.length, text + 1), time, text, ...(dateCol >= 0 ? { date: dateCol } : {}) };
    body = cells[time] ?? '';
  } else if (heading) {
    style.shape = 'heading';
    style.lead = heading[1];
    body = heading[2];
  } else if (list) {
    style.shape = 'list';
    style.lead = list[1].replace(/\[[xX]\]/, '[ ]');
    body = list[2];
  }
  const token = readLeadingToken(body);
  if (token) {
    style.before = body.slice(0, token.start);
    style.between = body.slice(token.end, token.rest) || ' ';
    style.date = token.year !== undefined;
    style.seconds = /\d:\d{2}:\d{2}/.test(body.slice(token.start, token.end));
    style.textInHeading = style.shape === 'heading' && body.slice(token.rest).trim() !== '';
    if (style.shape === 'table') style.between = '';
  }
  return style;
}

/** The header row of the table holding `line`: the line above its delimiter row. */
function findHeader(report: Report, line: number): string | undefined {
  for (let l = line; l > 0; l--) {
    if (/^\s*\|?\s*:?-{2,}/.test(report.lines.lineText(l))) return report.lines.lineText(l - 1);
    if (!/^\s*\|/.test(report.lines.lineText(l))) return undefined;
  }
  return undefined;
}

/** Keeps imported words from reading as Markdown: emphasis, code, links, HTML, table cells. */
export function escapeMarkdown(text: string, table: boolean): string {
  let out = text.replace(/[\\`*[\]<]/g, '\\$&').replace(/(?<!\w)_|_(?!\w)/g, '\\_');
  if (table) out = out.replace(/\|/g, '\\|');
  return out;
}

/**
 * The Markdown of one entry in `style`: a line (list, table row, plain line) or a heading block.
 * `withDate` writes the date even when the style has none (the entry is on another day).
 */
export function renderEntry(style: EntryStyle, utc: number, text: string, zone: ImportZone, withDate: boolean): string {
  const wall = utcToWall(utc, zone);
  const date = formatDate(wall);
  const clock = formatTime(wall, style.seconds);
  const zoneName = style.zone ? ` ${zone.name}` : '';
  const words = escapeMarkdown(text, style.shape === 'table');
  if (style.shape === 'table' && style.columns) {
    const cells: string[] = Array.from({ length: style.columns.count }, () => '');
    const separateDate = style.columns.date !== undefined;
    if (separateDate) cells[style.columns.date!] = date;
    cells[style.columns.time] = `${style.before}${(style.date || withDate) && !separateDate ? date + ' ' : ''}${clock}${zoneName}${closing(style.before)}`;
    cells[style.columns.text] = words;
    return `| ${cells.join(' | ')} |`;
  }
  const time = `${style.before}${style.date || withDate ? date + ' ' : ''}${clock}${zoneName}`;
  if (style.shape === 'heading') {
    return style.textInHeading ? `${style.lead}${time}${style.between}${words}` : `${style.lead}${time}${closing(style.before)}\n\n${words}`;
  }
  return `${style.lead}${time}${style.between}${words}`;
}

/** The closing marks that match opening ones (`**` for `**`, `` ` `` for `` ` ``). */
function closing(before: string): string {
  return [...before.replace(/[^*_`]/g, '')].reverse().join('');
}
