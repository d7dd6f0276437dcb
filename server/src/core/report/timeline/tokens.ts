/**
 * The time (or date) an entry starts with. Only the start of an entry counts: a time mentioned
 * mid-sentence ("rolled back at 14:20") is part of the story, not the entry's time. Before the
 * token the reader skips emphasis and code marks, a task-list box, a link's `[`, `~` and `(`.
 *
 * Accepted, in any combination that reads left to right:
 * weekday (`Wed`, `Wednesday,`) · date (`2022-09-14`, `2022/09/14`, `May 21`, `May 21st, 2020`,
 * `21 May 2020`, `Apr-22-2022`, `22-Apr-2022`, US `01/05/2024` as month/day unless the first number cannot be a month,
 * a log stamp's `03-26` or `03/26` without a year, only when a time follows)
 * · separator (`T`, space, `, `, ` at `) · time (`14:05`, `4:19`, `14:05:09`, `2:05 PM`; dotted
 * `12.39UTC` or `4.52 pm` only when a zone or AM/PM follows; `2233` without a colon only after
 * a date or before a zone, `1936 UTC`), or a
 * range (`8:20 - 8:24`) · zone (`Z`, ` UTC`, ` PDT`, `+02:00`, ` (CEST)`, ` UTC+2`) · a date after
 * the time when none came before (`03:30 AM PST Sunday Oct 31st`).
 *
 * Something shaped like a time that no clock shows (`13:55 PM`, `23:00 AM`, `25:61`) is still a
 * token, with a `problem` that says why and no time: the entry is reported precisely, and the
 * rest of the timeline is read as usual.
 */
import { match, readDate, type DateOrder } from './date-tokens.js';
import { leadingDuration } from '../duration.js';
import { parseZone, ZONE_SOURCE, type Zone } from './zones.js';

export type { DateOrder } from './date-tokens.js';

/** What the start of an entry says about when it happened. Offsets are into the scanned text. */
export interface TimeToken {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  zone?: Zone;
  /** Where the rest of the entry begins: after closing marks and a separator such as ` - `. */
  rest: number;
  /** Why the time-shaped text at the start is not a time (then there is no hour or date). */
  problem?: string;
  /** How a time that was read is miswritten ("13:55 PM", read as 13:55). */
  note?: string;
  /** The words that say the time is not known (`unknown`, `??:??`, `TBD`), as written. */
  unknownTime?: string;
  /**
   * What the date's writing says of the order of day and month: `day-first` for `13/08/2021`,
   * `13.08.2021` or `13 August`, `month-first` for `08/13/2021` or `August 13`, `either` for a
   * numeric date both fields of which can be the month (`03/10/2021`, read month first here;
   * the document decides, see `resolve.ts`). None for ISO dates.
   */
  order?: DateOrder;
  /** The date as written, when its order is `either`: for a message that quotes it. */
  dateText?: string;
  /**
   * The time is written as a 12-hour clock shows it, without AM or PM (`1:52`, `12:16`, not
   * `01:52` or `13:52`): the afternoon when the timeline's order says so (see `resolve.ts`).
   */
  twelveHour?: true;
  /**
   * The entry is timed as an offset from an earlier entry (`+50 minutes`, `T+2h`), in minutes:
   * no hour or date of its own; `resolve.ts` counts it from the last entry with a clock time.
   */
  after?: number;
}

// Words and marks that say a time is approximate: "~15:00", "about 15:00", "approx. 3 pm".
export const APPROX_WORDS = String.raw`(?:about|around|roughly|approx(?:\.|imately)?|circa|ca\.)[ \t]+`;
const APPROX = new RegExp(String.raw`(?:~|\u2248|${APPROX_WORDS}(?=\d))[ \t]*`, 'iy');
const TICK = '`';
const PREFIX = new RegExp(String.raw`(?:[ \t]+|\u2022|\*{1,3}|_{1,3}|${TICK}+|~|\u2248|\(|\[[ xX]\][ \t]+|\[(?=[\d*_${TICK}A-Za-z])|${APPROX_WORDS}(?=[\d*_${TICK}]))`, 'iy');
const MARKER_PREFIX = /\[(?:start|detected|mitigated|resolved)\][ \t]*/iy;
const WEEKDAY = /(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?[ \t]+/iy;
const DATE_TIME_SEPARATORS = [/T/iy, /[*_`]*,?[ \t]+(?:at[ \t]+)?[*_`]*/iy, /[*_`]*,?[ \t]*[-\u2013\u2014@|][ \t]*[*_`]*/y];
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?![\d])/y;
const DOTTED_TIME = /(\d{1,2})\.(\d{2})()(?![\d.])/y;
// "2022-01-08 2233", "2024-03-12 0616: wrong block": four digits without a colon are a time
// right after a date, or when a zone follows ("1936 UTC").
const COMPACT_TIME = /([01]\d|2[0-3])([0-5]\d)()(?=[ \t]|:[ \t]|Z(?![A-Za-z0-9])|$)/y;
const AM_PM = /[ \t]?([ap])\.?m\.?(?![A-Za-z])/iy;
// "11:21a", "12:28p": the letter alone, right after the minutes, in a hurried log.
const TIGHT_AM_PM = /([ap])(?![A-Za-z0-9'\u2019])/iy;
// "3am UTC", "around 11 PM": an hour alone is a time when AM or PM follows it.
const HOUR_AM_PM = new RegExp(String.raw`(\d{1,2})()()(?=${AM_PM.source})`, 'iy');
/**
 * The first clock time written anywhere in `text` ("The patch lands at 22:02."), as written:
 * the same clock the token reader reads at an entry's start (with seconds and AM/PM).
 */
export function clockTimeInText(text: string): string | undefined {
  return CLOCK_IN_TEXT.exec(text)?.[0];
}
const CLOCK_IN_TEXT = new RegExp(String.raw`(?<![\d:.])${TIME.source}(?!:)(?:${AM_PM.source})?`, 'i');
// The end of a time span ("14:05–14:20"): part of the token, so it is not read as text.
const SPAN_END = /[ \t]*(?:[-\u2013\u2014]|to)[ \t]*\d{1,2}:\d{2}(?::\d{2})?(?![\d])(?:[ \t]?[ap]\.?m\.?(?![A-Za-z]))?/iy;
const ATTACHED_ZONE = /(Z|[+\u2212-]\d{2}:?\d{2})(?![A-Za-z0-9])/y;
const SPACED_ZONE = new RegExp(`[*_\`]*[ \\t]*\\(?[ \\t]*(${ZONE_SOURCE})[ \\t]*\\)?(?![A-Za-z0-9])`, 'iy');
// A time the author says is not known, in the place of the time: "`unknown` -", "??:??", "TBD |".
// A word needs a separator or a mark after it ("Unknown users reported" is a sentence).
const UNKNOWN_MARK = /\?{1,2}:\?{1,2}|[xX]{2}:[xX]{2}|--:--/y;
const UNKNOWN_WORD = /(?:time\s+)?(?:unknown|tbd|tbc|n\/a)(?:\s+time)?(?![A-Za-z0-9])/iy;
const UNKNOWN_AFTER = /[*_`)\]]*(?:[ \t]*(?:[-\u2013\u2014|:][ \t]|$))/y;
const CLOSING = /(?:\]\([^)\s]*\)|[*_`)\]]+)+/y;
const SEPARATOR = /[ \t]*(?:[-\u2013\u2014:|,.]+[ \t]*)?/y;

interface TimePart {
  end: number;
  hour: number;
  minute: number;
  second: number;
  twelveHour?: true;
}

/** Something shaped like a time that no clock shows, and why. */
interface NotATime {
  end: number;
  problem: string;
}

/** A time that is read, with a note when it was written in a way no clock shows ("13:55 PM"). */
interface NotedTime extends TimePart {
  note?: string;
}

// An hour whose minutes are not written as two digits: "22:XX", "24:XX", "07:7:47" (a lone
// "10:1" is a ratio, not a time).
const PARTIAL_TIME = /(\d{1,2}):(?:([xX]{2}|\?{2})|\d:\d{2})(?![\dA-Za-z?])/y;

/** Why a time-shaped text whose minutes are not two digits is not a time. */
function partialTime(written: string, hour: number, unknownMinutes: boolean): string {
  if (hour > 23) return `"${written}" is not a time: hours run from 0 to 23, and the hour after 23:59 is 00:00 of the next day.`;
  if (unknownMinutes) return `"${written}" gives the hour but not the minute: write the minute, or "about ${String(hour).padStart(2, '0')}:00" when it is not known.`;
  return `"${written}" is not a time: minutes are written with two digits ("${written.replace(/:(\d)(?!\d)/, ':0$1')}").`;
}

function readTime(text: string, at: number, afterDate = false): NotedTime | NotATime | undefined {
  const partial = match(PARTIAL_TIME, text, at);
  if (partial) return { end: at + partial[0].length, problem: partialTime(partial[0], Number(partial[1]), partial[2] !== undefined) };
  let m = match(TIME, text, at) ?? (afterDate ? match(COMPACT_TIME, text, at) : null);
  if (!m) {
    // "1936 UTC:", "0117Z": four digits are a time on their own when a zone says so.
    const compact = match(COMPACT_TIME, text, at);
    m = compact && readZone(text, at + compact[0].length) ? compact : null;
  }
  if (!m) {
    // "12.39UTC", "4.52 pm": a dotted time is a time only when a zone or AM/PM says so.
    m = match(DOTTED_TIME, text, at);
    if (m && !(match(AM_PM, text, at + m[0].length) || readZone(text, at + m[0].length))) m = null;
  }
  m ??= match(HOUR_AM_PM, text, at);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const mm = m[2] || '00';
  const minute = Number(mm);
  const second = m[3] ? Number(m[3]) : 0;
  let end = at + m[0].length;
  const ampm = match(AM_PM, text, end) ?? (m[2] ? match(TIGHT_AM_PM, text, end) : null);
  if (ampm) end += ampm[0].length;
  const written = text.slice(at, end).trim();
  if (minute > 59 || second > 59 || (!ampm && hour > 23)) {
    const next = hour === 24 && minute <= 59 ? ', and the hour after 23:59 is 00:00 of the next day' : '';
    return { end, problem: `"${written}" is not a time: hours run from 0 to 23 and minutes from 0 to 59${next}.` };
  }
  if (ampm) {
    if (hour > 12 && hour < 24 && ampm[1].toLowerCase() === 'p') {
      // "13:55 PM" can only mean 13:55: read it, and say how to write it.
      return { end, hour, minute, second, note: `"${written}" mixes a 24-hour time with PM: it is read as ${String(hour).padStart(2, '0')}:${mm}; write ${String(hour).padStart(2, '0')}:${mm} or ${hour - 12}:${mm} PM.` };
    }
    if (hour < 1 || hour > 12) {
      const suggestion = hour > 12 && hour < 24 ? ` (write ${String(hour).padStart(2, '0')}:${mm}, or ${hour - 12}:${mm} PM)` : '';
      return { end, problem: `"${written}" is not a time: a 12-hour clock with AM or PM runs from 1 to 12${suggestion}.` };
    }
    hour = (hour % 12) + (ampm[1].toLowerCase() === 'p' ? 12 : 0);
    return { end, hour, minute, second };
  }
  return hour >= 1 && hour <= 12 && !m[1].startsWith('0') ? { end, hour, minute, second, twelveHour: true } : { end, hour, minute, second };
}

const isTime = (t: NotedTime | NotATime | undefined): t is NotedTime => t !== undefined && !('problem' in t);

/** The words at `at` that say the time is not known, and where they end. */
function readUnknownTime(text: string, at: number): { words: string; end: number } | undefined {
  const mark = match(UNKNOWN_MARK, text, at);
  if (mark) return { words: mark[0], end: at + mark[0].length };
  const word = match(UNKNOWN_WORD, text, at);
  if (!word || !match(UNKNOWN_AFTER, text, at + word[0].length)) return undefined;
  return { words: word[0], end: at + word[0].length };
}

function readZone(text: string, at: number): { zone: Zone; end: number } | undefined {
  let m = match(ATTACHED_ZONE, text, at);
  if (!m) {
    m = match(SPACED_ZONE, text, at);
    // Abbreviations in capitals only: "14:05 est." is not Eastern time.
    if (m && !/^(?:utc|gmt)/i.test(m[1]) && m[1] !== m[1].toUpperCase()) m = null;
  }
  if (!m) return undefined;
  const zone = parseZone(m[1]);
  return zone ? { zone, end: at + m[0].length } : undefined;
}

/**
 * Reads the time token at the start of `text` (from `from`, on one line). Undefined when the
 * entry does not start with a date or a time.
 */
export function readLeadingToken(text: string, from = 0): TimeToken | undefined {
  let at = from;
  for (let guard = 0; guard < 12; guard++) {
    const marker = match(MARKER_PREFIX, text, at);
    const prefix = marker ?? match(PREFIX, text, at);
    if (!prefix || prefix[0].length === 0) break;
    at += prefix[0].length;
  }
  const start = at;
  const weekday = match(WEEKDAY, text, at);
  if (weekday) at += weekday[0].length;
  let date = readDate(text, at);
  let time: NotedTime | undefined;
  let notATime: NotATime | undefined;
  if (date) {
    for (const separator of DATE_TIME_SEPARATORS) {
      const sep = match(separator, text, date.end);
      const approx = sep ? match(APPROX, text, date.end + sep[0].length) : undefined;
      const read = sep ? readTime(text, date.end + sep[0].length + (approx ? approx[0].length : 0), true) : undefined;
      if (isTime(read)) time = read;
      else if (read) notATime = read;
      if (read) break;
    }
    if (!time && !notATime && text[date.end] === '/') {
      // "2023-01-04/11:34": a plain date and a plain time; the joint changes neither, so it is
      // read as written, with no note (see the unparseable-time doc page).
      const read = readTime(text, date.end + 1, true);
      if (isTime(read)) time = read;
    }
  } else {
    const read = readTime(text, at);
    if (isTime(read)) time = read;
    else if (read) notATime = read;
  }
  if (notATime && !time) {
    const closing = match(CLOSING, text, notATime.end);
    const after = notATime.end + (closing ? closing[0].length : 0);
    const separator = match(SEPARATOR, text, after);
    return { start, end: notATime.end, rest: after + (separator ? separator[0].length : 0), problem: notATime.problem };
  }
  if (!time) {
    // "`unknown` - messages expire", "2022-04-21 ??:?? x": the place of the time, without one.
    const sep = date ? match(DATE_TIME_SEPARATORS[1], text, date.end) : undefined;
    const unknown = readUnknownTime(text, date ? date.end + (sep ? sep[0].length : 0) : at);
    if (unknown) {
      const token: TimeToken = { start, end: unknown.end, rest: restAfter(text, unknown.end), unknownTime: unknown.words };
      if (date) Object.assign(token, { year: date.year, month: date.month, day: date.day, order: date.order, dateText: date.text });
      return token;
    }
  }
  if (!date && !time) return undefined;
  const token: TimeToken = { start, end: time ? time.end : date!.end, rest: 0 };
  if (date) {
    token.year = date.year;
    token.month = date.month;
    token.day = date.day;
    if (date.order) token.order = date.order;
    if (date.text) token.dateText = date.text;
  }
  if (time) {
    token.hour = time.hour;
    token.minute = time.minute;
    token.second = time.second;
    if (time.note) token.note = time.note;
    if (time.twelveHour) token.twelveHour = true;
    const span = match(SPAN_END, text, time.end);
    const after = span ? time.end + span[0].length : time.end;
    token.end = after;
    const zone = readZone(text, after);
    if (zone) {
      token.zone = zone.zone;
      token.end = zone.end;
    }
    if (!date) {
      // "03:30 AM PST Sunday Oct 31st": the day after the time.
      const lead = match(/[ \t]*,?[ \t]*(?:on[ \t]+)?/y, text, token.end);
      let at2 = token.end + (lead ? lead[0].length : 0);
      const weekday2 = match(WEEKDAY, text, at2);
      if (weekday2) at2 += weekday2[0].length;
      date = readDate(text, at2);
      if (date) {
        token.year = date.year;
        token.month = date.month;
        token.day = date.day;
        if (date.order) token.order = date.order;
        if (date.text) token.dateText = date.text;
        token.end = date.end;
      }
    }
  }
  token.rest = restAfter(text, token.end);
  return token;
}

/** Where the rest of an entry begins after a token ending at `end`: past closing marks and a separator. */
function restAfter(text: string, end: number): number {
  let rest = end;
  const closing = match(CLOSING, text, rest);
  if (closing) rest += closing[0].length;
  const separator = match(SEPARATOR, text, rest);
  if (separator) rest += separator[0].length;
  return rest;
}

// The time written after the event: "Report received (13 August, ~15:00 UTC)", "Rolled back — 15:05 UTC".
const TRAILING_GROUP = /\(([^()]{1,80})\)[ \t.;]*$/;
const TRAILING_DASH = /[ \t][-\u2013\u2014][ \t]*([^-\u2013\u2014]{1,60}?)[ \t.;]*$/;

/**
 * Reads a time written at the end of `text` (one line) after the event instead of before it: in
 * parentheses, or after a dash. Only a token with a time of day counts, and after a dash it must
 * be all that follows. Offsets are into `text`; `rest` is where the token starts.
 */
export function readTrailingToken(text: string): TimeToken | undefined {
  const group = TRAILING_GROUP.exec(text);
  if (group) {
    const at = group.index + 1;
    const t = readLeadingToken(group[1]);
    if (t && hasTime(t)) return { ...t, start: at + t.start, end: at + t.end, rest: group.index };
  }
  const dash = TRAILING_DASH.exec(text);
  if (dash) {
    const at = dash.index + dash[0].indexOf(dash[1]);
    const t = readLeadingToken(dash[1]);
    if (t && hasTime(t) && dash[1].slice(t.end).replace(/[*_`)\]]/g, '').trim() === '') return { ...t, start: at + t.start, end: at + t.end, rest: dash.index };
  }
  return undefined;
}

// A short label before the entry's time: "Incident Start: 2023-01-05 14:00 UTC", "**Detected:** 14:05".
// At most four words, none of them a digit, so a sentence with a colon is not a label.
const FIELD_LABEL = /[ \t]*[*_`]*([A-Za-z][A-Za-z'/&()-]*(?:[ \t]+[A-Za-z'/&()-]+){0,3})[*_`]*[ \t]*:[*_`]*[ \t]+/y;

/**
 * Reads the time after a short label at the start of `text` (one line), as a list of labelled
 * fields writes it: "Time of Detection: 2023-01-05 14:00 UTC". Only a token with a time of day
 * counts. Offsets are into `text`; `rest` is where the label starts, so its words stay with the
 * entry (they often name the milestone).
 */
export function readLabelledToken(text: string): TimeToken | undefined {
  const label = match(FIELD_LABEL, text, 0);
  if (!label) return undefined;
  const t = readLeadingToken(text, label[0].length);
  return t && (hasTime(t) || t.problem) ? { ...t, rest: 0 } : undefined;
}

// The sign of an offset from an earlier entry: "+50 minutes", "+1 hrs", "T+2h", "T + 90 min",
// also in brackets, which Markdown source often escapes: "[+7.5 hrs]", "\\[+1 hrs]".
const OFFSET_SIGN = /[ \t]*[*_`]*(?:\\?\[[ \t]*)?(?:T[ \t]?)?\+[ \t]?(?=\d)/iy;

/**
 * Reads an entry's time written as an offset from an earlier entry at the start of `text` (one
 * line): `+50 minutes`, `+1 hrs`, `T+2h`. The length is read as every stated duration is
 * (`duration.ts`). Offsets are into `text`.
 */
export function readOffsetToken(text: string): TimeToken | undefined {
  const sign = match(OFFSET_SIGN, text, 0);
  if (!sign) return undefined;
  const length = leadingDuration(text.slice(sign[0].length));
  if (!length || length.start !== 0) return undefined;
  const end = sign[0].length + length.end;
  return { start: sign[0].search(/[T+]/i), end, rest: restAfter(text, end), after: length.minutes };
}

/**
 * Reads a value that is only a date and/or time, as a header table cell or a labelled field
 * holds it (`` `2021-03-05 23:27` ``, `**Mar-05-2021 11:27pm UTC**`, `Tuesday 14th October 2025,
 * 08:20 UTC`): the token, when nothing but marks and punctuation follows it. Undefined for a value
 * with other words ("2021-03-05, after the deploy"), which is a sentence, not a time.
 */
export function readTimeValue(text: string): TimeToken | undefined {
  const t = readLeadingToken(text);
  if (!t || t.problem || (!hasTime(t) && !hasDate(t))) return undefined;
  return /^[\s*_`)\].,;:]*$/.test(text.slice(t.end)) ? t : undefined;
}

/** True when the token names a time of day, not only a date. */
export function hasTime(token: TimeToken): boolean {
  return token.hour !== undefined;
}

/** True when the token names a calendar day (with or without a year). */
export function hasDate(token: TimeToken): boolean {
  return token.month !== undefined;
}
