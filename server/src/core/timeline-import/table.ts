/**
 * Any other history as a table: CSV (comma, semicolon or tab separated, quoted as RFC 4180 says)
 * or JSON (an array of objects, or one object per line) with a time column and a text column.
 * The columns are named with `--time-column` / `--text-column`, or found by their usual names.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import { jsonValues } from './alerts.js';
import { readInstant } from './clock.js';
import { ImportError, taskIds, type LogEntry, type ParsedSource, type SkippedLine } from './types.js';

/** The columns to read; each found by its usual names when not given. */
export interface TableColumns {
  time?: string;
  text?: string;
}

const TIME_NAMES = /^(?:time|timestamp|date|datetime|date_?time|when|at|created_?at|starts_?at|time_?utc|ts)$/i;
const TEXT_NAMES = /^(?:text|message|msg|summary|description|event|title|body|what|details?)$/i;

/** A row with the 1-based line it starts on. */
interface Row {
  cells: string[];
  line: number;
}

/** Splits CSV text into rows; quoted cells may hold separators, quotes (`""`) and line breaks. */
export function csvRows(text: string, separator: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) rows.push({ cells: [...cells, cell], line: rowLine });
  return rows;
}

/** The separator of a CSV header line: the most frequent of `,`, `;` and tab. */
function separatorOf(header: string): string {
  const count = (s: string): number => header.split(s).length - 1;
  return [',', ';', '\t'].reduce((best, s) => (count(s) > count(best) ? s : best), ',');
}

/** True when the first line reads as a CSV header with a time-like column (for the detector). */
export function looksLikeCsv(line: string): boolean {
  const cells = line.split(separatorOf(line)).map((c) => c.trim().replace(/^"|"$/g, ''));
  return cells.length > 1 && cells.some((c) => TIME_NAMES.test(c));
}

function pick(names: readonly string[], given: string | undefined, usual: RegExp, flag: string, what: string): number {
  const i = given === undefined ? names.findIndex((n) => usual.test(n.trim())) : names.findIndex((n) => n.trim().toLowerCase() === given.toLowerCase());
  if (i < 0) {
    const listed = names.map((n) => `"${n}"`).join(', ');
    throw new ImportError(given === undefined ? `no ${what} column found among ${listed}; name it with ${flag}` : `no column "${given}" among ${listed} (${flag})`, 'format');
  }
  return i;
}

function entryOf(time: string, text: string, file: string, line: number, skipped: SkippedLine[]): LogEntry | undefined {
  const when = readInstant(time);
  if (!when) {
    skipped.push({ file, line, reason: `"${time.trim()}" is not a time (ISO 8601 or seconds since the epoch)` });
    return undefined;
  }
  const words = text.replace(/\s+/g, ' ').trim();
  if (words === '') {
    skipped.push({ file, line, reason: 'the text column is empty' });
    return undefined;
  }
  const e: LogEntry = { text: words, file, line, ...when };
  const tasks = taskIds(words);
  if (tasks) e.tasks = tasks;
  return e;
}

/** Reads a CSV file with a header line. */
export function parseCsv(file: string, text: string, columns: TableColumns, token?: CancellationToken): ParsedSource {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const rows = csvRows(text, separatorOf(firstLine));
  if (rows.length === 0) return { format: 'csv', entries: [], skipped: [], ignored: 0 };
  const header = rows[0].cells;
  const t = pick(header, columns.time, TIME_NAMES, '--time-column', 'time');
  const x = pick(header, columns.text, TEXT_NAMES, '--text-column', 'text');
  const entries: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  for (let i = 1; i < rows.length; i++) {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const { cells, line } = rows[i];
    if (cells.length !== header.length) {
      skipped.push({ file, line, reason: `${cells.length} cells where the header has ${header.length}` });
      continue;
    }
    const e = entryOf(cells[t], cells[x], file, line, skipped);
    if (e) entries.push(e);
  }
  return { format: 'csv', entries, skipped, ignored: 0 };
}

/** A value at a dotted path (`labels.alertname`), as text. */
function at(object: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(object, path)) return object[path];
  let v: unknown = object;
  for (const key of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Reads JSON: an array of objects, an object holding one such array, or one object per line. */
export function parseJsonTable(file: string, text: string, columns: TableColumns, token?: CancellationToken): ParsedSource {
  const values = jsonValues(text);
  if (!values) throw new ImportError(`${file}: not JSON, nor one JSON object per line`, 'format');
  let rows: { value: unknown; line: number }[] = values;
  if (values.length === 1) {
    const v = values[0].value;
    const list = Array.isArray(v) ? v : typeof v === 'object' && v !== null ? Object.values(v).find(Array.isArray) : undefined;
    rows = (list ?? [v]).map((value) => ({ value, line: 0 }));
  }
  const objects = rows.filter((r): r is { value: Record<string, unknown>; line: number } => typeof r.value === 'object' && r.value !== null && !Array.isArray(r.value));
  const keys = [...new Set(objects.slice(0, 50).flatMap((r) => Object.keys(r.value)))];
  const timeKey = columns.time ?? keys[pick(keys, undefined, TIME_NAMES, '--time-column', 'time')];
  const textKey = columns.text ?? keys[pick(keys, undefined, TEXT_NAMES, '--text-column', 'text')];
  const entries: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  rows.forEach((r, i) => {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const line = r.line || i + 1;
    const o = r.value;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      skipped.push({ file, line, reason: 'not an object' });
      return;
    }
    const time = at(o as Record<string, unknown>, timeKey);
    const words = at(o as Record<string, unknown>, textKey);
    if (time === undefined || words === undefined) {
      skipped.push({ file, line, reason: `no "${time === undefined ? timeKey : textKey}"` });
      return;
    }
    const e = entryOf(String(time), String(words), file, line, skipped);
    if (e) entries.push(e);
  });
  return { format: 'json', entries, skipped, ignored: 0 };
}
