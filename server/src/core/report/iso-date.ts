/**
 * ISO 8601 dates and instants: read as written in front matter (`2020-05-19`, `2020-05-19 00:28`,
 * `2020-05-19T00:28:00Z`, `2020-05-19T02:28+02:00`; YAML may hand us a Date for unquoted
 * timestamps under some schemas, so Dates are accepted too), and written the one way the project
 * writes dates and times everywhere: messages, hovers, exports, drafted timelines. Instants are
 * written in UTC, so that a text reads the same wherever it is produced.
 */

/** A parsed ISO date or instant. */
export interface IsoInstant {
  /** Milliseconds since the epoch, UTC. A value without zone is read as UTC. */
  utc: number;
  /** `YYYY-MM-DD` as written. */
  date: string;
  hasTime: boolean;
  /** True when the text named its zone (`Z` or an offset). */
  hasZone: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Parses an ISO 8601 date or date-time; undefined when the text is not one or names an impossible date. */
export function parseIsoInstant(value: unknown): IsoInstant | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return { utc: value.getTime(), date: value.toISOString().slice(0, 10), hasTime: true, hasZone: true };
  }
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const offset = parseOffset(zone);
    if (offset === undefined) return undefined;
    utc -= offset * 60_000;
  }
  return { utc, date: `${y}-${mo}-${d}`, hasTime: h !== undefined, hasZone: zone !== undefined };
}

/** `+02:00`, `-0700`, `+05` → minutes east of UTC; undefined when out of range. */
export function parseOffset(text: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Days in a month of the proleptic Gregorian calendar (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a calendar day (`month` 1–12). */
export function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `HH:MM` of a clock time, or `HH:MM:SS` when `second` is given. */
export function clockTime(hour: number, minute: number, second?: number): string {
  return `${pad(hour)}:${pad(minute)}${second === undefined ? '' : ':' + pad(second)}`;
}

/** `2020-05-19T00:28:00Z`: ISO 8601 in UTC, without milliseconds unless there are some. */
export function isoUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `00:28` of an instant in UTC, or `00:28:15` when it falls between minutes. */
export function utcClock(ms: number): string {
  const d = new Date(ms);
  const second = d.getUTCSeconds();
  return clockTime(d.getUTCHours(), d.getUTCMinutes(), second === 0 ? undefined : second);
}

/** `2020-05-19 00:28` (UTC, no zone suffix): for tables whose header already says UTC. */
export function shortUtc(ms: number): string {
  return `${utcDate(ms)} ${utcClock(ms)}`;
}

/** `2020-05-19 00:28 UTC`. */
export function displayUtc(ms: number): string {
  return shortUtc(ms) + ' UTC';
}
