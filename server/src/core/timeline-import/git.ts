/**
 * `git log` output, for deploys and reverts: plain `git log` (`commit HASH`, `Author:`,
 * `Date:   Sun Mar 10 14:05:09 2024 +0100` or an ISO date, then the indented message), and
 * one-line formats with an ISO date (`git log --format='%h %aI %s'`, `%h|%ad|%s` with
 * `--date=iso`, or the date first). Git writes every date with its offset, so times are exact.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import { parseOffset } from '../report/iso-date.js';
import { monthNumber, readInstant, wallAsUtc, wallTime } from './clock.js';
import { splitLines, taskIds, type LogEntry, type ParsedSource, type SkippedLine } from './types.js';

const HASH = '([0-9a-f]{7,40})';
const ISO = String.raw`(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\s?(?:Z|[+-]\d{2}:?\d{2})))`;
const SEP = String.raw`\s*[|\t,;]\s*|\s+`;
const HASH_FIRST = new RegExp(`^${HASH}(?:${SEP})${ISO}(?:${SEP})(.*)$`);
const DATE_FIRST = new RegExp(`^${ISO}(?:${SEP})${HASH}(?:${SEP})(.*)$`);
const COMMIT = /^commit ([0-9a-f]{7,40})\b/;
const AUTHOR = /^Author:\s*(.*?)\s*(?:<[^>]*>)?\s*$/;
const DATE = /^(?:Author)?Date:\s+(.*)$/;
// "Sun Mar 10 14:05:09 2024 +0100", git's default date format.
const DEFAULT_DATE = /^\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})\s+([+-]\d{4})$/;

/** The first line's shape, for the detector. */
export function looksLikeGit(line: string): boolean {
  return COMMIT.test(line) || HASH_FIRST.test(line) || DATE_FIRST.test(line);
}

/** A date as git writes it; undefined when it is none. */
function gitDate(text: string): number | undefined {
  const t = text.trim();
  const d = DEFAULT_DATE.exec(t);
  if (d) {
    const month = monthNumber(d[1]);
    const wall = month ? wallTime(Number(d[6]), month, Number(d[2]), Number(d[3]), Number(d[4]), Number(d[5])) : undefined;
    const offset = parseOffset(`${d[7].slice(0, 3)}:${d[7].slice(3)}`);
    return wall && offset !== undefined ? wallAsUtc(wall) - offset * 60_000 : undefined;
  }
  const iso = readInstant(t.replace(/\s+([+-]\d{2}):?(\d{2})$/, '$1:$2'));
  return iso && 'utc' in iso ? iso.utc : undefined;
}

function entry(hash: string, utc: number, subject: string, file: string, line: number, author?: string): LogEntry {
  const e: LogEntry = { utc, text: `Commit ${hash.slice(0, 10)}${author ? ` by ${author}` : ''}: ${subject.trim()}`, file, line };
  if (author) e.nick = author;
  const tasks = taskIds(subject);
  if (tasks) e.tasks = tasks;
  return e;
}

/** Reads git log output in either shape (the first line decides). */
export function parseGit(file: string, text: string, token?: CancellationToken): ParsedSource {
  const entries: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  let ignored = 0;
  const lines = splitLines(text);
  let commit: { hash: string; line: number; author?: string; utc?: number; subject?: string } | undefined;
  const finish = (): void => {
    if (!commit) return;
    if (commit.utc === undefined) skipped.push({ file, line: commit.line, reason: 'commit without a readable Date: line' });
    else entries.push(entry(commit.hash, commit.utc, commit.subject ?? '', file, commit.line, commit.author));
    commit = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const line = lines[i];
    const c = COMMIT.exec(line);
    if (c) {
      finish();
      commit = { hash: c[1], line: i + 1 };
      continue;
    }
    if (commit) {
      const author = AUTHOR.exec(line);
      const date = DATE.exec(line);
      if (author) commit.author = author[1];
      else if (date) {
        commit.utc = gitDate(date[1]);
        if (commit.utc === undefined) skipped.push({ file, line: i + 1, reason: `"${date[1].trim()}" is not a date git writes` });
      } else if (/^\s{4}\S/.test(line) && commit.subject === undefined) commit.subject = line.trim();
      else if (line.trim() !== '' && !/^\s{4}/.test(line) && !/^(?:Merge|Commit|CommitDate|Signed-off-by):/.test(line)) ignored++;
      continue;
    }
    if (line.trim() === '') continue;
    const h = HASH_FIRST.exec(line);
    const d = h ? undefined : DATE_FIRST.exec(line);
    const [hash, date, subject] = h ? [h[1], h[2], h[3]] : d ? [d[2], d[1], d[3]] : [];
    const utc = date === undefined ? undefined : gitDate(date);
    if (hash === undefined || utc === undefined) {
      skipped.push({ file, line: i + 1, reason: 'not a commit line (`HASH DATE subject` with an ISO date)' });
      continue;
    }
    entries.push(entry(hash, utc, subject ?? '', file, i + 1));
  }
  finish();
  return { format: 'git', entries, skipped, ignored };
}
