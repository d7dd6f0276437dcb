/**
 * Gives each raw entry its date, zone and instant.
 *
 * - Date: the entry's own, else the last date seen (a date heading, a date-only entry, an entry
 *   with date and time), else the date of front matter `start`. A month and day without a year
 *   take the last year seen.
 *   A numeric date that can be read day first or month first (`03/10/2021`) is read in the
 *   order `ctx.dayFirst` gives (`date-order.ts`); when that is open, month first, and the first
 *   entry that takes its day from such a date says so.
 * - Untimed entries: under a date heading, an entry without a time (before the first timed entry
 *   of the day) or whose time is written as unknown is an entry of that day (`dateOnly`).
 * - Day rollover: an entry without a date of its own whose time is more than 12 hours earlier
 *   than the entry before it is read as the next day (`23:50`, then `00:10`). A smaller step
 *   back stays on the same day and is an out-of-order entry.
 * - Afternoon: of times written as a 12-hour clock shows them, without AM or PM (`11:54`,
 *   `12:16`, `1:52`, `3:31`), one more than 6 hours earlier than the one before it is read in
 *   the afternoon (`1:52` is 13:52) when that lands less than 6 hours before it or later: no one
 *   writes a step back of hours by mistake, while a clock face without AM/PM starts again
 *   after 12. A step back of minutes stays one (an out-of-order entry).
 * - Offsets: an entry timed as an offset (`+50 minutes`, `T+2h`) is that long after the last
 *   entry with a clock time (the row an offset table starts from), in its day and zone.
 * - Zone: the entry's own, else the declared one, else the last zone an entry wrote (a timeline
 *   that writes `14:05 PDT` once and bare times after it means PDT throughout).
 * - Instant (`utc`): set for every entry with a time, so that entries can always be ordered.
 *   With no zone the time is read as UTC (and `zone` stays undefined); with no date at all, it
 *   counts from a synthetic day, 1970-01-01 (and `date` stays undefined). Consumers that need a
 *   real instant check `date` and `zone`.
 */
import { daysInMonth, isoDay } from '../iso-date.js';
import type { LineIndex } from '../../text.js';
import type { TimelineEntry } from '../types.js';
import type { RawItem } from './entries.js';
import { impactBegunEarlier, problemTimeInEntry } from './impact-course.js';
import { findImpactGoesOn, findMilestoneCues, findMilestones } from './milestones.js';
import { hasDate, hasTime, type TimeToken } from './tokens.js';
import { zoneOnDay } from './seasons.js';
import type { Zone } from './zones.js';

/** A calendar day; `known` is false when the year (or the whole day) was made up for ordering. */
export interface Day {
  y: number;
  m: number;
  d: number;
  known: boolean;
  /** The report's own day (title, file name or front matter), before any entry gave one. */
  report?: true;
}

const SYNTHETIC_DAY: Day = { y: 1970, m: 1, d: 1, known: false };
const HOUR = 3_600_000;
const ROLLOVER = 12 * HOUR;
/** A step back longer than this between two 12-hour times is the afternoon, not a slip. */
const HALF_DAY_STEP = 6 * HOUR;

/** What resolution starts from. */
export interface ResolveContext {
  /** Turns the items' offsets into ranges. */
  lines: Pick<LineIndex, 'rangeOf'>;
  declared?: Zone;
  /** `YYYY-MM-DD` of front matter `start`. */
  startDate?: string;
  /** Whether numeric dates that could be read either way are day first (see `date-order.ts`). */
  dayFirst?: boolean;
}

/**
 * The calendar day a date token names. A date without a year takes the year of the day before
 * it, and the next year when the month falls back by more than half a year (December, then
 * "Jan 1"). Before any entry has a date, a month more than half a year after the report's own
 * month is of the year before ("[12-05]" under a report of March 26th, 2019: the work that set it
 * up). Undefined for a day the year does not have (Feb 29 of 2021).
 */
function dayOf(token: TimeToken, year: number | undefined, previous: Day | undefined, dayFirst: boolean | undefined): Day | undefined {
  // "03/10/2021" is read month first unless the timeline's other dates say otherwise.
  const [m, d] = token.order === 'either' && dayFirst ? [token.day!, token.month!] : [token.month!, token.day!];
  let y = token.year ?? year;
  if (token.year === undefined && y !== undefined && previous?.known && m < previous.m - 6) y += 1;
  else if (token.year === undefined && y !== undefined && previous?.report && y === previous.y && m > previous.m + 6) y -= 1;
  if (y === undefined) return { y: 2000, m, d, known: false };
  if (d > daysInMonth(y, m)) return undefined;
  return { y, m, d, known: true };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What to say of a date that can be read day first or month first when nothing tells which. */
function openOrder(token: TimeToken): string {
  const [a, b, y] = [token.month!, token.day!, token.year];
  // A date without its year is written with `YYYY` in its place.
  const iso = (m: number, d: number): string => (y === undefined ? isoDay(0, m, d).replace(/^0000/, 'YYYY') : isoDay(y, m, d));
  return `"${token.dateText}" can be ${MONTH_NAMES[a - 1]} ${b} or ${a} ${MONTH_NAMES[b - 1]}, and no other date of the timeline, the report's day or its time zone tells which: write it as ${iso(a, b)} or ${iso(b, a)}. It is read as ${MONTH_NAMES[a - 1]} ${b}.`;
}

function nextDay(day: Day): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), known: day.known };
}

function format(day: Day): string | undefined {
  if (!day.known) return undefined;
  return isoDay(day.y, day.m, day.d);
}

/**
 * What one entry carries over to the next: the day and year last seen, the zone an entry last
 * wrote, the instant of the entry before (for the day rollover). Resolving a run of items from
 * the same state always gives the same entries and the same state after them.
 */
export interface ResolveState {
  day?: Day;
  year?: number;
  carried?: Zone;
  lastUtc?: number;
  /** The entry before was written as a 12-hour clock shows it (`TimeToken.twelveHour`). */
  lastTwelve?: boolean;
  /**
   * The day was set by a date heading (or a lone date) and no entry has moved off it since:
   * `fresh` before the first timed entry under it, `timed` after one.
   */
  headed?: 'fresh' | 'timed';
  /** What to tell of a date heading whose order of day and month is open, on the next entry. */
  open?: string;
  /** An open date was told on an entry: once per timeline, since the fix is the same for all. */
  told?: boolean;
  /** The last entry with a clock time, which offsets (`+50 minutes`) count from. */
  anchor?: { utc: number; zone?: Zone; known: boolean };
}

/** The state before the first item: the day of front matter `start`, if any. */
export function initialState(startDate: string | undefined): ResolveState {
  const fm = startDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate) : null;
  const day: Day | undefined = fm ? { y: Number(fm[1]), m: Number(fm[2]), d: Number(fm[3]), known: true, report: true } : undefined;
  return { day, year: day?.y };
}

/** A string that is equal for two states exactly when resolving from them gives the same result. */
export function stateKey(state: ResolveState): string {
  const { day, year, carried, lastUtc, lastTwelve, headed, open, told, anchor } = state;
  const from = anchor ? `${anchor.utc}${anchor.zone ? `${anchor.zone.name}${anchor.zone.offset}` : ''}${anchor.known ? '' : '?'}` : '';
  return `${day ? `${day.y}-${day.m}-${day.d}${day.known ? '' : '?'}${day.report ? 'r' : ''}` : ''}|${year ?? ''}|${carried ? `${carried.name}${carried.offset}` : ''}|${lastUtc ?? ''}${lastTwelve ? '12' : ''}|${headed ?? ''}|${open ?? ''}|${told ? 't' : ''}|${from}`;
}

/** Resolves raw entries in document order. */
export function resolveEntries(items: readonly RawItem[], ctx: ResolveContext): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  resolveItems(items, ctx, initialState(ctx.startDate), entries);
  return entries;
}

/**
 * Resolves a run of items that continues from `state` (the state after the items before them),
 * appends their entries to `entries`, and leaves `state` as it is after the run. `ctx.startDate`
 * is not read: it is part of the initial state.
 */
export function resolveItems(items: readonly RawItem[], ctx: ResolveContext, state: ResolveState, entries: TimelineEntry[]): void {
  let { day, year, carried, lastUtc, lastTwelve, headed, open, told, anchor } = state;
  const undecided = (t: TimeToken | undefined): boolean => t?.order === 'either' && ctx.dayFirst === undefined;
  for (const item of items) {
    if (item.kind === 'date') {
      open = undecided(item.token) && !told ? openOrder(item.token) : undefined;
      if (open) told = true;
      day = dayOf(item.token, year, day, ctx.dayFirst) ?? day;
      if (day?.known) year = day.y;
      lastUtc = undefined;
      headed = day ? 'fresh' : undefined;
      continue;
    }
    const entry: TimelineEntry = {
      text: item.text,
      range: ctx.lines.rangeOf(item.start, item.end),
      hasTime: false,
      dateOnly: false,
      zoneOnEntry: false,
      milestones: item.milestones ?? findMilestones(item.text, item.rest, item.emphasis),
      cues: item.cues ?? findMilestoneCues(item.text, item.rest, item.emphasis),
    };
    const goesOn = item.goesOn === undefined ? findImpactGoesOn(item.rest) : item.goesOn;
    if (goesOn) entry.goesOn = goesOn;
    const earlier = item.begunEarlier === undefined ? impactBegunEarlier(item.rest) : item.begunEarlier;
    if (earlier) entry.begunEarlier = earlier;
    entries.push(entry);
    const token = item.token;
    const dateToken = item.dateToken ?? (token && hasDate(token) ? token : undefined);
    if (dateToken && undecided(dateToken) && !told) {
      entry.timeProblem = openOrder(dateToken);
      told = true;
      open = undefined;
    } else if (open) {
      // The first entry of a date heading whose order is open says so.
      entry.timeProblem = open;
      open = undefined;
    }
    if (token) entry.timeRange = ctx.lines.rangeOf(token.start, token.end);
    if (!token || (token.unknownTime !== undefined && !hasDate(token))) {
      // Under a date heading, an entry without a time before the first timed one, or whose time
      // the author says is not known, is an untimed entry of that day, as a reader takes it.
      if (day && (headed === 'fresh' || (headed && token))) {
        entry.dateOnly = true;
        entry.date = format(day);
      } else if (token) {
        entry.timeProblem = `The time of this entry is written as "${token.unknownTime}" and no date heading above it gives its day: put it under the heading of its day, or say what it came after.`;
      }
      continue;
    }
    if (token.problem) {
      // Not a time at all ("13:55 PM"): the entry stays without one, and says why.
      entry.timeProblem = `${token.problem} The rest of the timeline is read without this entry's time.`;
      continue;
    }
    if (token.after !== undefined) {
      if (!anchor) {
        entry.timeProblem = 'This entry is timed as an offset ("+50 minutes") and no entry before it has a clock time to count from: give the first entry its time ("2022-09-14 14:05 UTC").';
        continue;
      }
      const utc = anchor.utc + token.after * 60_000;
      const local = new Date(utc + (anchor.zone?.offset ?? 0) * 60_000);
      const d: Day = { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(), known: anchor.known };
      lastUtc = utc;
      lastTwelve = false;
      day = d;
      entry.hasTime = true;
      entry.date = format(d);
      entry.utc = utc;
      entry.zone = anchor.zone?.name;
      continue;
    }
    const own = dateToken ? dayOf(dateToken, year, day, ctx.dayFirst) : undefined;
    if (dateToken && !own) {
      // An impossible date: the entry stays without a time, and unparseable-time reports it.
      entry.timeRange = undefined;
      continue;
    }
    if (own?.known) year = own.y;
    if (own && !(day && own.y === day.y && own.m === day.m && own.d === day.d)) headed = undefined;
    if (!hasTime(token)) {
      entry.dateOnly = true;
      entry.date = format(own!);
      day = own;
      lastUtc = undefined;
      continue;
    }
    if (token.note) entry.timeProblem = token.note;
    if (token.zone) carried = token.zone;
    let d = own ?? day ?? SYNTHETIC_DAY;
    // Only a seasonal zone needs the day, and most are not: no date string per entry then.
    const zone = token.zone ?? (ctx.declared?.seasonal ? zoneOnDay(ctx.declared, format(d)) : ctx.declared) ?? carried;
    // Compared as instants, so that "23:00 PDT" then "06:10 UTC" rolls over as it should.
    let utc = Date.UTC(d.y, d.m - 1, d.d, token.hour!, token.minute!, token.second ?? 0) - (zone?.offset ?? 0) * 60_000;
    // The afternoon reading, when it lands near the entry before and the morning one hours back.
    if (!own && lastUtc !== undefined && lastTwelve && token.twelveHour && token.hour! < 12 && utc < lastUtc - HALF_DAY_STEP && utc + ROLLOVER >= lastUtc - HALF_DAY_STEP) {
      utc += ROLLOVER;
    } else if (!own && lastUtc !== undefined && utc < lastUtc - ROLLOVER) {
      d = nextDay(d);
      utc += 24 * HOUR;
      headed = undefined;
    }
    lastUtc = utc;
    lastTwelve = token.twelveHour === true;
    anchor = { utc, zone, known: d.known };
    day = d;
    if (headed) headed = 'timed';
    entry.hasTime = true;
    entry.date = format(d);
    entry.utc = utc;
    entry.zone = zone?.name;
    entry.zoneOnEntry = token.zone !== undefined;
    // A time the entry's words put the problem at, earlier the same day (or the evening before).
    const said = problemTimeInEntry(item.rest);
    if (said) {
      let back = token.hour! * 60 + token.minute! - said.minutes;
      if (back < 0) back += 24 * 60;
      if (back > 0 && back <= 12 * 60) entry.problemAt = { utc: utc - back * 60_000, words: said.words };
    }
  }
  state.day = day;
  state.year = year;
  state.carried = carried;
  state.lastUtc = lastUtc;
  state.lastTwelve = lastTwelve;
  state.headed = headed;
  state.open = open;
  state.told = told;
  state.anchor = anchor;
}
