/**
 * Which comes first in a numeric date such as `03/10/2021`, day or month, decided for a whole
 * timeline as a careful reader decides it: from the dates of the same timeline that can only be
 * read one way (`29/09/2021`, `13 August`, `August 13`), then from the report's day (the file
 * name or title says 2021-10-03: `03/10/2021` is that day) or month (a `2021/10/` folder), then
 * from the zone the times are in (a European or other non-US zone writes the day first, a US zone
 * the month). When nothing
 * tells, the order stays open: such dates are read month first and the entries that take their
 * day from one say so.
 */
import type { RawItem } from './entries.js';
import { CLOCKS, UTC_NAMES } from './seasons.js';
import type { TimeToken } from './tokens.js';
import type { Zone } from './zones.js';

/** How many dates of a timeline show each order; `either` is the first date that could be both. */
export interface DateOrderCount {
  dayFirst: number;
  monthFirst: number;
  either?: { y?: number; a: number; b: number };
}

/** Counts the orders the dates of `items` show. */
export function countDateOrders(items: readonly RawItem[]): DateOrderCount {
  const count: DateOrderCount = { dayFirst: 0, monthFirst: 0 };
  const add = (t: TimeToken | undefined): void => {
    if (t?.order === 'day-first') count.dayFirst++;
    else if (t?.order === 'month-first') count.monthFirst++;
    else if (t?.order === 'either') count.either ??= { y: t.year, a: t.month!, b: t.day! };
  };
  for (const item of items) {
    add(item.token);
    if (item.kind === 'entry') add(item.dateToken);
  }
  return count;
}

/** Adds `more` (the counts of a later part of the timeline) to `into`. */
export function addDateOrders(into: DateOrderCount, more: DateOrderCount | undefined): void {
  if (!more) return;
  into.dayFirst += more.dayFirst;
  into.monthFirst += more.monthFirst;
  into.either ??= more.either;
}

// Zones of clocks that write the month first; any other named zone but UTC writes the day first.
const MONTH_FIRST_ZONES = new Set([...CLOCKS.filter((c) => c.rule === 'us').flatMap((c) => [c.standard, c.daylight]), 'HST']);
const NO_LOCALE = UTC_NAMES;

const DAY = 86_400_000;

/**
 * The order of the timeline's `either` dates: true for day first, false for month first,
 * undefined when nothing tells (or there is no such date). `reportDay` is `YYYY-MM-DD`, or
 * `YYYY-MM` when only the month is known (the report's folder): the reading that lands within a
 * few days of that day, or inside that month, wins when only one does.
 */
export function decideDayFirst(count: DateOrderCount, reportDay: string | undefined, zone: Zone | undefined): boolean | undefined {
  const { either } = count;
  if (!either) return undefined;
  if (count.dayFirst > 0 && count.monthFirst === 0) return true;
  if (count.monthFirst > 0 && count.dayFirst === 0) return false;
  const known = reportDay ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(reportDay) : null;
  if (known) {
    const [y, m] = [Number(known[1]), Number(known[2])];
    // The known span: one day, or the whole month.
    const from = Date.UTC(y, m - 1, known[3] ? Number(known[3]) : 1);
    const to = known[3] ? from : Date.UTC(y, m, 0);
    const away = (t: number): number => (t < from ? from - t : t > to ? t - to : 0);
    const year = either.y ?? y;
    const monthFirst = away(Date.UTC(year, either.a - 1, either.b));
    const dayFirst = away(Date.UTC(year, either.b - 1, either.a));
    // A month is already a span: 1 April is not in a March folder, though it is near.
    const near = known[3] ? 7 * DAY : 0;
    if (Math.min(monthFirst, dayFirst) <= near && Math.max(monthFirst, dayFirst) > near) return dayFirst < monthFirst;
  }
  if (zone && !NO_LOCALE.has(zone.name) && !/^(?:UTC|GMT)?[+-]/.test(zone.name)) return !MONTH_FIRST_ZONES.has(zone.name);
  return undefined;
}
