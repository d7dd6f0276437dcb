/**
 * Durations in words: how the project writes them (messages, hovers, lenses, exports, the text
 * output, text a quick fix writes into a report) and how it reads the ones a report states
 * ("lasted about nine hours", "time to detection: 5 minutes"). Every place that prints or reads a
 * duration goes through this module.
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

/**
 * {@link formatDuration} for a difference that may be negative (an entry before the impact
 * start): `-5 min`, with `sign` in front. Empty for a non-finite number.
 */
export function formatSignedDuration(minutes: number, style: DurationStyle = 'short', sign = '-'): string {
  if (!Number.isFinite(minutes)) return '';
  return minutes < 0 ? sign + formatDuration(-minutes, style) : formatDuration(minutes, style);
}

function unit(n: number, long: string, short: string, style: DurationStyle): string {
  return style === 'short' ? `${n} ${short}` : `${n} ${long}${n === 1 ? '' : 's'}`;
}

/** A duration found in text: minutes and the [start, end) offsets of the words that say it. */
export interface StatedDuration {
  minutes: number;
  start: number;
  end: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90,
};
const NUMBER = `(?:\\d+(?:[.,]\\d+)?|\\b(?:${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})\\b)`;
const UNIT = '(?:d(?:ays?)?|h(?:(?:ou)?rs?)?|m(?:in(?:ute)?s?)?)';
const AND_A_HALF = '(?:\\s+and\\s+a\\s+half|\\s*\u00bd)';
/** One amount and unit: `5 minutes`, `2.5h`, `eleven and a half hours`, `an hour`, `90 mins`. */
const PART = `(${NUMBER})(${AND_A_HALF})?\\s*(?:-\\s*)?(${UNIT})(?![A-Za-z])(${AND_A_HALF})?`;
const DURATION = new RegExp(`\\b(?:half\\s+an?\\s+hour|${PART}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+)${PART}){0,2})`, 'gi');
const PART_ONE = new RegExp(PART, 'gi');

function amount(word: string): number {
  const n = NUMBER_WORDS[word.toLowerCase()];
  return n ?? Number(word.replace(',', '.'));
}

function unitMinutes(u: string): number {
  const c = u[0].toLowerCase();
  return c === 'd' ? 1440 : c === 'h' ? 60 : 1;
}

/**
 * Every duration written in `text`, in order: `5 minutes`, `1h 20m`, `1 hour and 20 minutes`,
 * `about nine hours` (the number only), `eleven and a half hours`, `half an hour`, `2.5 hours`.
 * A bare number without a unit is not a duration.
 */
export function findDurations(text: string): StatedDuration[] {
  const found: StatedDuration[] = [];
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    let minutes = 0;
    if (/^half/i.test(m[0])) minutes = 30;
    else {
      PART_ONE.lastIndex = 0;
      for (let p = PART_ONE.exec(m[0]); p; p = PART_ONE.exec(m[0])) {
        const per = unitMinutes(p[3]);
        minutes += (amount(p[1]) + (p[2] || p[4] ? 0.5 : 0)) * per;
      }
    }
    if (Number.isFinite(minutes) && minutes > 0) found.push({ minutes: Math.round(minutes), start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The first duration at the very start of `text` (after spaces), if any. */
export function leadingDuration(text: string): StatedDuration | undefined {
  const first = findDurations(text)[0];
  return first && text.slice(0, first.start).trim() === '' ? first : undefined;
}
