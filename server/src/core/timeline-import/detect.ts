/**
 * Which format a source is in, when the user does not say: JSON by its keys (Alertmanager,
 * Slack, any other table), text by the first lines that fit a format.
 */
import type { CancellationToken } from '../types.js';
import { jsonValues, looksLikeAlertmanager, parseAlertmanager } from './alerts.js';
import { looksLikeGit, parseGit } from './git.js';
import { looksLikeIrc, parseIrc } from './irc.js';
import { looksLikeSal, parseSal } from './sal.js';
import { looksLikeSlack, parseSlack } from './slack.js';
import { looksLikeCsv, parseCsv, parseJsonTable, type TableColumns } from './table.js';
import { ImportError, type ParsedSource, type SourceFile, type SourceFormat } from './types.js';

/** One thing the user named: a file, or a folder (a Slack export) with its files. */
export interface SourceInput {
  name: string;
  files: SourceFile[];
}

/** The formats the detector tries, in the order it tries them, for messages. */
export const DETECTED_FORMATS = 'Alertmanager JSON, Slack export, JSON table, git log, SAL wikitext, IRC log, CSV with a time column';

const LINE_SNIFFERS: readonly [SourceFormat, (line: string) => boolean][] = [
  ['git', looksLikeGit],
  ['sal', looksLikeSal],
  ['irc', looksLikeIrc],
  ['csv', looksLikeCsv],
];

/** How many non-blank lines the detector reads before giving up. */
const SNIFF_LINES = 20;

/** The format of `input`; throws an {@link ImportError} naming what was tried and the first line. */
export function detectFormat(input: SourceInput): SourceFormat {
  if (input.files.length > 1 || looksLikeSlack(input.files)) {
    if (looksLikeSlack(input.files)) return 'slack';
    throw new ImportError(`${input.name}: a folder is read as a Slack export, but it has no users.json nor channel day files (CHANNEL/YYYY-MM-DD.json)`, 'format');
  }
  const file = input.files[0];
  if (!file) throw new ImportError(`${input.name}: no files to read`, 'input');
  const head = file.text.trimStart();
  // `[21:48] <nick>` starts like JSON too: only text that parses as JSON is JSON.
  if ((head.startsWith('{') || head.startsWith('[')) && jsonValues(head)) return looksLikeAlertmanager(head) ? 'alerts' : 'json';
  let first: string | undefined;
  let seen = 0;
  for (const line of file.text.split(/\r?\n/, 2000)) {
    if (line.trim() === '') continue;
    first ??= line;
    for (const [format, fits] of LINE_SNIFFERS) if (fits(line)) return format;
    if (++seen >= SNIFF_LINES) break;
  }
  if (first === undefined) throw new ImportError(`${file.name}: the file is empty`, 'format');
  const shown = first.length > 80 ? first.slice(0, 77) + '...' : first;
  throw new ImportError(`${file.name}: not in a known format (tried ${DETECTED_FORMATS}); the first line that fits none is "${shown}"`, 'format');
}

/** Reads `input` in `format` (`auto`: detected). */
export function parseSource(input: SourceInput, format: SourceFormat | 'auto', columns: TableColumns, token?: CancellationToken): ParsedSource {
  const chosen = format === 'auto' ? detectFormat(input) : format;
  if (chosen === 'slack') return parseSlack(input.files, token);
  if (input.files.length !== 1) throw new ImportError(`${input.name}: a folder can only be a Slack export (--from slack)`, 'input');
  const { name, text } = input.files[0];
  switch (chosen) {
    case 'sal':
      return parseSal(name, text, token);
    case 'irc':
      return parseIrc(name, text, token);
    case 'git':
      return parseGit(name, text, token);
    case 'alerts':
      // Alert history that is not Alertmanager's is a table with a time and a text column.
      if (looksLikeAlertmanager(text)) return parseAlertmanager(name, text, token);
      return jsonValues(text) ? parseJsonTable(name, text, columns, token) : parseCsv(name, text, columns, token);
    case 'csv':
      return parseCsv(name, text, columns, token);
    case 'json':
      return parseJsonTable(name, text, columns, token);
  }
}
