/**
 * Durations in words, for messages and for text a quick fix writes into a report.
 */

/** How {@link formatDuration} writes units: `4 hours 10 minutes` or `4 h 10 min`. */
export type DurationStyle = 'long' | 'short';

/**
 * Writes a number of minutes as days, hours and minutes, largest unit first, leaving out units
 * that are zero: `formatDuration(250)` is `4 hours 10 minutes`, `formatDuration(250, 'short')` is
 * `4 h 10 min`, `formatDuration(1500)` is `1 day 1 hour`. Fractions are rounded to the nearest
 * minute. Throws a RangeError for a negative or non-finite number: a duration from a timeline
 * that runs backwards is not one to print.
 */
export function formatDuration(minutes: number, style: DurationStyle = 'long'): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`not a duration in minutes: ${minutes}`);
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day', 'd', style));
  if (hours) parts.push(unit(hours, 'hour', 'h', style));
  if (mins || parts.length === 0) parts.push(unit(mins, 'minute', 'min', style));
  return parts.join(' ');
}

function unit(n: number, long: string, short: string, style: DurationStyle): string {
  return style === 'short' ? `${n} ${short}` : `${n} ${long}${n === 1 ? '' : 's'}`;
}
