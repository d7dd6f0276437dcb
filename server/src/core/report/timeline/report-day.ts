/**
 * The day of the incident when the timeline does not say it: front matter `start`, else a date
 * in the title (`20-10-2025 - Outage`), else a date in the file name (`2025-09-29-flags-down.md`), else the first date
 * in the report's opening paragraphs. Only a full date (with its year) counts. A timeline that
 * writes its own dates always wins over this. A report filed under a year and month folder
 * (`2026/01/outage.md`) gives its month, which still tells `08-01-2026` (8 January) from 1 August.
 */
import { daysInMonth, isoDay, parseIsoInstant } from '../iso-date.js';
import type { FrontMatter, Section } from '../types.js';

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
  [/(?<!\d)(\d{4})[-_/.](\d{2})[-_/.](\d{2})(?!\d)/, (m) => [+m[1], +m[2], +m[3]]],
  [new RegExp(`\\b${MONTH}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})\\b`, 'i'), (m) => [+m[3], MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2]]],
  [new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[ \\t_-]+${MONTH}[ \\t_-]+(\\d{4})\\b`, 'i'), (m) => [+m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]]],
];

/** A numeric date with its year last: `20-10-2025`, `10/20/2025`, `04.03.2026`. */
const NUMERIC = /(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d./-])/;

/**
 * The order of a numeric date's first two fields: the one that cannot be a month tells; when both
 * can, the reading that falls in `month` (`YYYY-MM`, the report's folder), if one does.
 */
function numericDate(m: RegExpExecArray, month: string | undefined): [number, number, number] | undefined {
  const [a, b, y] = [+m[1], +m[3], +m[4]];
  if (a > 12 && b <= 12) return [y, b, a];
  if (b > 12 && a <= 12) return [y, a, b];
  if (a === b) return [y, a, b];
  if (month === isoDay(y, a, 1).slice(0, 7)) return [y, a, b];
  if (month === isoDay(y, b, 1).slice(0, 7)) return [y, b, a];
  return undefined;
}

/**
 * The first full date written in `text`, as `YYYY-MM-DD`. A numeric one (`20-10-2025`) counts
 * when its order of day and month is plain, or `month` (`YYYY-MM`) decides it.
 */
export function findFullDate(text: string, month?: string): string | undefined {
  let best: { at: number; day: string } | undefined;
  const consider = (at: number, [y, mo, d]: [number, number, number]): void => {
    if (!(y >= 1970 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return;
    if (!best || at < best.at) best = { at, day: isoDay(y, mo, d) };
  };
  for (const [re, parts] of PATTERNS) {
    const m = re.exec(text);
    if (m) consider(m.index, parts(m));
  }
  const m = NUMERIC.exec(text);
  const numeric = m && numericDate(m, month);
  if (numeric) consider(m.index, numeric);
  return best?.day;
}

/** Offset of the start of the line after `line` (0-based). */
function offsetAfter(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i <= line; i++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

/** The day of the incident from outside the timeline (see the module comment); `month` is {@link reportMonth} of `file`, passed by a caller that needs it too. */
export function reportDay(title: string | undefined, file: string | undefined, sections: readonly Section[], frontMatter: FrontMatter | undefined, text: string, month = reportMonth(file)): string | undefined {
  const start = parseIsoInstant(frontMatter?.data?.start);
  if (start) return start.date;
  const fromTitle = title ? findFullDate(title, month) : undefined;
  if (fromTitle) return fromTitle;
  const name = file?.split(/[\\/]/).pop();
  const fromName = name ? findFullDate(name, month) : undefined;
  if (fromName) return fromName;
  // The opening: what comes before the second section.
  const openingStart = frontMatter ? offsetAfter(text, frontMatter.range.end.line) : 0;
  const openingEnd = sections[1]?.heading.position?.start.offset ?? text.length;
  return findFullDate(text.slice(openingStart, Math.max(openingStart, Math.min(openingEnd, openingStart + 4000))), month);
}

/** A year and month folder pair in a path (`…/2026/01/…`); the last one counts. */
const MONTH_FOLDER = /(?:^|[\\/])((?:19|20|21)\d{2})[\\/](0[1-9]|1[0-2])[\\/]/g;

/**
 * The month the report's path files it under, as `YYYY-MM`: `2026/01/lb-cert.md` → `2026-01`.
 * Only a folder pair counts, not a date in the file name (that is {@link reportDay}'s).
 */
export function reportMonth(file: string | undefined): string | undefined {
  let month: string | undefined;
  for (const m of file?.matchAll(MONTH_FOLDER) ?? []) month = `${m[1]}-${m[2]}`;
  return month;
}
