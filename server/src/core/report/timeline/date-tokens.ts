/**
 * The dates an entry's token may start with (see `tokens.ts`): ISO `2022-09-14` and
 * `2022/09/14`, US `01/05/2024` (month first unless the first number cannot be a month), dotted
 * `13.08.2021`, a month and day without a year before a time (`[03-26 23:04]`, `03/26 23:04`), and month names
 * either side of the day (`May 21st, 2020`, `21 May 2020`, `Apr-22-2022`, `22-Apr-2022`).
 */
import { daysInMonth } from '../iso-date.js';

/** How a date orders its day and month (see `TimeToken.order` in `tokens.ts`). */
export type DateOrder = 'day-first' | 'month-first' | 'either';

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
/** A month's name, whole or cut short ("Sept", "March"): a regex source. */
export const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH = `(${MONTH_NAME})\\.?`;
const ISO_DATE = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/y;
const US_DATE = /(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/y;
// Day, month and year with dots, as most of Europe writes them: "13.08.2021".
const DOTTED_DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/y;
// A month and day without a year, as a log stamp writes them: "[03-26 23:04]", "03/26 23:04".
// Only with a time right after it, so "10-12 nodes" stays a range of numbers.
const NUMERIC_MONTH_DAY = /(\d{2})([-/])(\d{2})(?=[ \t]+\d{1,2}:\d{2}(?!\d))/y;
// The year after a month and day: of this century or the last, and not a clock of four digits
// with its zone ("Feb 8 0117 UTC", "Feb 7 1506 UTC").
const YEAR = String.raw`((?:19|20)\d{2})(?![ \t]*(?:Z|UTC|GMT)(?![A-Za-z]))`;
// A colon after the day ends a label ("Oct 30th: first wave begins"); "May 21:30" is a time.
// The parts are apart by spaces or joined by dashes: "Apr 22, 2022", "Apr-22-2022", "22-Apr-2022".
const MONTH_DAY = new RegExp(`${MONTH}(?:[ \\t]+|-)(\\d{1,2})(?:st|nd|rd|th)?(?:(?:,?[ \\t]+|-)${YEAR})?(?![\\dA-Za-z])(?!:\\d)`, 'iy');
const DAY_MONTH = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?(?:[ \\t]+|-)${MONTH}(?:(?:,?[ \\t]+|-)${YEAR})?(?![\\dA-Za-z])`, 'iy');

/** `re` (a sticky pattern) matched exactly at `at`. */
export function match(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** A date read at the start of a token: where it ends, and its parts. */
export interface DatePart {
  end: number;
  year?: number;
  month: number;
  day: number;
  order?: DateOrder;
  text?: string;
}

/** The date written at `at` in any of the shapes above, or undefined. */
export function readDate(text: string, at: number): DatePart | undefined {
  let m = match(ISO_DATE, text, at);
  if (m) return checkDate({ end: at + m[0].length, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = match(US_DATE, text, at);
  if (m) return numericDate(m, at, m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]));
  m = match(DOTTED_DATE, text, at);
  if (m) return checkDate({ end: at + m[0].length, year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), order: 'day-first' });
  m = match(NUMERIC_MONTH_DAY, text, at);
  if (m) return numericDate(m, at);
  m = match(MONTH_DAY, text, at);
  // Lower-case "may" is the verb ("may 2 hosts be affected"), not the month.
  if (m && m[1] !== 'may') return checkDate({ end: at + m[0].length, month: MONTHS[m[1].slice(0, 3).toLowerCase()], day: Number(m[2]), year: m[3] ? Number(m[3]) : undefined, order: 'month-first' });
  m = match(DAY_MONTH, text, at);
  if (m && m[2] !== 'may') return checkDate({ end: at + m[0].length, day: Number(m[1]), month: MONTHS[m[2].slice(0, 3).toLowerCase()], year: m[3] ? Number(m[3]) : undefined, order: 'day-first' });
  return undefined;
}

/**
 * Two numbers, then maybe a year (`m[1]` and `m[3]`): month first, as in the US, unless the first
 * cannot be a month (25/12/2024); when both can, the document decides (`order: 'either'`).
 */
function numericDate(m: RegExpExecArray, at: number, year?: number): DatePart | undefined {
  const [a, b] = [Number(m[1]), Number(m[3])];
  const end = at + m[0].length;
  const y = year === undefined ? {} : { year };
  if (a > 12 && b <= 12) return checkDate({ end, ...y, month: b, day: a, order: 'day-first' });
  return checkDate({ end, ...y, month: a, day: b, ...(b > 12 ? { order: 'month-first' as const } : { order: 'either' as const, text: m[0] }) });
}

function checkDate(d: DatePart): DatePart | undefined {
  if (d.month < 1 || d.month > 12 || d.day < 1) return undefined;
  // Without a year, February 29th must stay possible: 2000 was a leap year.
  return d.day <= daysInMonth(d.year ?? 2000, d.month) ? d : undefined;
}
