/**
 * ISO 8601 dates and instants as written in front matter (`2020-05-19`, `2020-05-19 00:28`,
 * `2020-05-19T00:28:00Z`, `2020-05-19T02:28+02:00`). YAML may hand us a Date for unquoted
 * timestamps under some schemas, so Dates are accepted too.
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

/** `YYYY-MM-DD` of a calendar day (`month` 1–12). */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
