/**
 * IRC logs as clients and bouncers write them:
 *
 * - `[14:05] <nick> text`, `[14:05:09] <@nick> text` (ZNC, HexChat, mIRC, many bots), also with
 *   a date inside the brackets (`[2024-03-10 14:05:09] <nick> text`);
 * - `14:05 <nick> text` with `-!-` status lines and `--- Day changed Sun Mar 10 2024` (irssi);
 * - `2024-03-10 14:05:09<TAB>nick<TAB>text` with `-->`, `<--`, `--` status columns (WeeChat).
 *
 * Lines without a date take it from the last day-change or log-opened line, else from a date in
 * the file name (`#ops.2024-03-10.log`, `ops_20240310.log`); a time earlier than the one before
 * without a day change means the log passed midnight. Times carry no zone unless the line writes
 * one (`14:05:09Z`, `+01:00`): the import then needs the zone from the user.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import { monthNumber, nextDay, wallAsUtc, wallTime } from './clock.js';
import { parseOffset } from '../report/iso-date.js';
import { splitLines, taskIds, type LogEntry, type ParsedSource, type SkippedLine, type WallTime } from './types.js';

const BRACKETED = /^\[(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?\]\s?(.*)$/;
const TABBED = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?\t([^\t]*)\t(.*)$/;
const BARE = /^(\d{2}):(\d{2})(?::(\d{2}))?\s+(.*)$/;
const MESSAGE = /^<\s*[@+%&~]?([^>\s]+)\s*>\s?(.*)$/;
const ACTION = /^\*\s+([^\s*]+)\s+(.*)$/;
const STATUS = /^(?:-!-|\*{2,3}|-->|<--|--|=!=|-\w+-\s)/;
const STATUS_NICK = /^(?:-->|<--|--|=!=|)$/;
// "--- Day changed Sun Mar 10 2024", "--- Log opened Sun Mar 10 14:00:00 2024",
// "**** BEGIN LOGGING AT Sun Mar 10 14:00:00 2024".
const DAY_LINE = /^(?:---\s+(?:Day changed|Log opened|Log closed)|\*{4}\s+(?:BEGIN|ENDING) LOGGING AT)\s+(?:\w{3},?\s+)?(\w{3,9})\s+(\d{1,2})\s+(?:\d{2}:\d{2}(?::\d{2})?\s+)?(\d{4})\b/i;
const FILE_DATE = /(?:^|[^\d])(\d{4})-?(\d{2})-?(\d{2})(?:[^\d]|$)/;

/** The first line's shape, for the detector. */
export function looksLikeIrc(line: string): boolean {
  const b = BRACKETED.exec(line);
  if (b) return MESSAGE.test(b[8]) || ACTION.test(b[8]) || STATUS.test(b[8]);
  if (TABBED.test(line) || DAY_LINE.test(line)) return true;
  const bare = BARE.exec(line);
  return bare !== null && (MESSAGE.test(bare[4]) || STATUS.test(bare[4]));
}

/** The day a file name gives (`ops.2024-03-10.log`), if any. */
export function dateFromFileName(name: string): WallTime | undefined {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = FILE_DATE.exec(base);
  return m ? wallTime(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

interface Line {
  date?: WallTime;
  hour: number;
  minute: number;
  second: number;
  zone?: string;
  nick: string;
  body: string;
  /** `* nick does something`: the text is the nick and the words, without a colon. */
  action?: boolean;
}

function readLine(line: string): Line | 'status' | undefined {
  // The first character tells the shapes apart: `[` bracketed, a digit tabbed or bare.
  const first = line.charCodeAt(0);
  const t = first >= 48 && first <= 57 && line.charCodeAt(4) === 45 ? TABBED.exec(line) : null;
  if (t) {
    const nickColumn = t[8].trim();
    if (STATUS_NICK.test(nickColumn)) return 'status';
    const date = wallTime(Number(t[1]), Number(t[2]), Number(t[3]));
    if (!date) return undefined;
    if (nickColumn === '*') {
      const action = /^(\S+)\s+(.*)$/.exec(t[9]);
      return action ? { date, hour: Number(t[4]), minute: Number(t[5]), second: Number(t[6]), zone: t[7], nick: action[1], body: action[2], action: true } : undefined;
    }
    return { date, hour: Number(t[4]), minute: Number(t[5]), second: Number(t[6]), zone: t[7], nick: nickColumn.replace(/^[@+%&~]/, ''), body: t[9] };
  }
  const b = first === 91 ? BRACKETED.exec(line) : null;
  const bare = b ? undefined : BARE.exec(line);
  if (!b && !bare) return undefined;
  const rest = b ? b[8] : bare![4];
  const time = b ? { hour: Number(b[4]), minute: Number(b[5]), second: Number(b[6] ?? 0), zone: b[7] } : { hour: Number(bare![1]), minute: Number(bare![2]), second: Number(bare![3] ?? 0) };
  const date = b && b[1] ? wallTime(Number(b[1]), Number(b[2]), Number(b[3])) : undefined;
  if (b && b[1] && !date) return undefined;
  const message = MESSAGE.exec(rest);
  if (message) return { ...time, date, nick: message[1], body: message[2] };
  const action = ACTION.exec(rest);
  if (action) return { ...time, date, nick: action[1], body: action[2], action: true };
  if (STATUS.test(rest)) return 'status';
  return undefined;
}

/**
 * Reads an IRC log. A message's text is `nick: text` (an action: `nick does something`). Status
 * lines (joins, quits, modes, topics) are counted as ignored; lines in no known shape are reported.
 */
export function parseIrc(file: string, text: string, token?: CancellationToken): ParsedSource {
  const entries: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  let ignored = 0;
  let day = dateFromFileName(file);
  let previous = -1;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const raw = lines[i];
    if (raw.length === 0 || raw.trim() === '') continue;
    const dayLine = raw.charCodeAt(0) === 91 ? null : DAY_LINE.exec(raw);
    if (dayLine) {
      const month = monthNumber(dayLine[1]);
      const d = month ? wallTime(Number(dayLine[3]), month, Number(dayLine[2])) : undefined;
      if (d) {
        day = d;
        previous = -1;
      } else skipped.push({ file, line: i + 1, reason: 'a day line with no real date' });
      continue;
    }
    const read = readLine(raw);
    if (read === 'status') {
      ignored++;
      continue;
    }
    if (!read) {
      skipped.push({ file, line: i + 1, reason: 'not an IRC message line (`[HH:MM] <nick> text`)' });
      continue;
    }
    if (read.hour > 23 || read.minute > 59 || read.second > 59) {
      skipped.push({ file, line: i + 1, reason: 'the time is not a time of day' });
      continue;
    }
    let date = read.date;
    if (!date) {
      if (!day) {
        skipped.push({ file, line: i + 1, reason: 'no date: none in the line, the file name or a day-change line before it' });
        continue;
      }
      const minutes = read.hour * 60 + read.minute;
      // Logs are written in order: a clock that goes back without a day line passed midnight.
      if (previous >= 0 && minutes < previous) day = nextDay(day);
      previous = minutes;
      date = day;
    }
    const wall: WallTime = { year: date.year, month: date.month, day: date.day, hour: read.hour, minute: read.minute, second: read.second };
    const body = read.body.trim();
    const text = read.action ? `${read.nick} ${body}` : `${read.nick}: ${body}`;
    const entry: LogEntry = { text, nick: read.nick, file, line: i + 1 };
    if (read.zone) {
      const offset = /^z$/i.test(read.zone) ? 0 : parseOffset(read.zone.length === 5 && !read.zone.includes(':') ? `${read.zone.slice(0, 3)}:${read.zone.slice(3)}` : read.zone);
      if (offset === undefined) {
        skipped.push({ file, line: i + 1, reason: `"${read.zone}" is not a zone offset` });
        continue;
      }
      entry.utc = wallAsUtc(wall) - offset * 60_000;
    } else entry.wall = wall;
    const tasks = taskIds(body);
    if (tasks) entry.tasks = tasks;
    entries.push(entry);
  }
  return { format: 'irc', entries, skipped, ignored };
}
