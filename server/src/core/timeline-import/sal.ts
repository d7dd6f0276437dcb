/**
 * The Wikimedia Server Admin Log as wikitext: `== 2024-03-10 ==` day headings, then one
 * `* HH:MM nick: message` line per action, or the same inside `{{safesubst:SAL entry|1=…}}`.
 * Its times are UTC. Newest-first pages are fine: entries are sorted later.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import { wallAsUtc, wallTime } from './clock.js';
import { splitLines, taskIds, type LogEntry, type ParsedSource, type SkippedLine, type WallTime } from './types.js';

const DAY = /^(={2,4})\s*(\d{4})-(\d{2})-(\d{2})\s*\1\s*$/;
const ENTRY = /^\*+\s*(\d{1,2}):(\d{2})\s+([^\s:]+?):?\s+(.*)$/;
const TEMPLATE = /^\*?\s*\{\{\s*(?:safesubst:|subst:)?\s*SAL[ _]entry\s*\|\s*(?:1\s*=\s*)?(.*)\}\}\s*$/i;
/** Lines of a SAL page that are not entries: other headings, comments, categories, blank. */
const FURNITURE = /^(?:\s*$|=|<!--|\[\[Category:|__\w+__|\{\{(?!\s*(?:safesubst:|subst:)?\s*SAL[ _]entry))/i;

/** True when the line reads as a SAL day heading or entry (for the detector). */
export function looksLikeSal(line: string): boolean {
  return DAY.test(line) || TEMPLATE.test(line) || /^\*\s*\d{1,2}:\d{2}\s+\S+:\s/.test(line);
}

/** Reads a SAL page. Entries before the first day heading cannot be dated and are reported. */
export function parseSal(file: string, text: string, token?: CancellationToken): ParsedSource {
  const entries: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  let day: WallTime | undefined;
  let ignored = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const line = lines[i];
    const heading = DAY.exec(line);
    if (heading) {
      day = wallTime(Number(heading[2]), Number(heading[3]), Number(heading[4]));
      if (!day) skipped.push({ file, line: i + 1, reason: `"${line.trim()}" is not a real date` });
      continue;
    }
    const template = TEMPLATE.exec(line);
    const m = ENTRY.exec(template ? '* ' + template[1] : line);
    if (!m) {
      if (FURNITURE.test(line)) ignored += line.trim() === '' ? 0 : 1;
      else skipped.push({ file, line: i + 1, reason: 'not a SAL entry (`* HH:MM nick: message`)' });
      continue;
    }
    if (!day) {
      skipped.push({ file, line: i + 1, reason: 'entry before any `== YYYY-MM-DD ==` day heading' });
      continue;
    }
    const at = wallTime(day.year, day.month, day.day, Number(m[1]), Number(m[2]));
    if (!at) {
      skipped.push({ file, line: i + 1, reason: `"${m[1]}:${m[2]}" is not a time` });
      continue;
    }
    const message = m[4].trim();
    const entry: LogEntry = { utc: wallAsUtc(at), text: `${m[3]}: ${message}`, nick: m[3], file, line: i + 1 };
    const tasks = taskIds(message);
    if (tasks) entry.tasks = tasks;
    entries.push(entry);
  }
  return { format: 'sal', entries, skipped, ignored };
}
