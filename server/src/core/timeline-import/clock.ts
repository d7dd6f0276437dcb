/**
 * Zones for the import: a log's zone given as an IANA name (`Europe/Berlin`, DST by the rules of
 * the ICU data Node ships) or as the report readers write zones (`UTC`, `PDT`, `+02:00`, read by
 * {@link parseZone}: one fixed offset each), wall-clock readings placed in UTC, and instants shown
 * on the clock of a zone.
 */
import { parseZone } from '../report/timeline/zones.js';
import { clockTime, daysInMonth, isoDay, parseIsoInstant } from '../report/iso-date.js';
import type { WallTime } from './types.js';

/** A zone to read or write times in. */
export interface ImportZone {
  /** As the user or the report wrote it, normalized: `UTC`, `PDT`, `Europe/Berlin`. */
  name: string;
  /** Minutes east of UTC at the instant `utc`. */
  offsetAt(utc: number): number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return undefined;
  }
  formatters.set(zone, f);
  return f;
}

/** Minutes east of UTC of an IANA zone at `utc`, from the ICU data. */
function ianaOffset(f: Intl.DateTimeFormat, utc: number): number {
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(utc)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((shown - Math.floor(utc / 1000) * 1000) / 60_000);
}

/**
 * Reads a zone: an abbreviation, `UTC±H`, an offset, or an IANA name. Undefined when it is none.
 * Offsets of IANA zones are looked up once per hour of time and kept.
 */
export function resolveImportZone(text: string): ImportZone | undefined {
  const fixed = parseZone(text);
  if (fixed) return { name: fixed.name, offsetAt: () => fixed.offset };
  const name = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+$/.test(name) && name !== 'UTC') return undefined;
  const f = formatterFor(name);
  if (!f) return undefined;
  const canonical = f.resolvedOptions().timeZone;
  const cache = new Map<number, number>();
  return {
    name: canonical,
    offsetAt(utc: number): number {
      // Every zone in use changes its offset on a whole quarter hour.
      const key = Math.floor(utc / 900_000);
      let offset = cache.get(key);
      if (offset === undefined) {
        offset = ianaOffset(f, key * 900_000);
        cache.set(key, offset);
      }
      return offset;
    },
  };
}

/** The wall time as if it were UTC, in milliseconds. */
export function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * The instant a wall-clock reading names in `zone`. A reading that the clock skips when it moves
 * forward is read with the offset before the change; one the clock shows twice when it moves back
 * is the first of the two: logs are written as events happen, and the first is what a reader of
 * an unmarked log assumes.
 */
export function wallToUtc(w: WallTime, zone: ImportZone): number {
  const local = wallAsUtc(w);
  const before = zone.offsetAt(local - 86_400_000);
  const after = zone.offsetAt(local + 86_400_000);
  // Try the offset in force before the day's change first, so the repeated hour reads as the first.
  for (const offset of before === after ? [before] : [before, after]) {
    const utc = local - offset * 60_000;
    if (zone.offsetAt(utc) === offset) return utc;
  }
  return local - before * 60_000;
}

/** The wall clock of `zone` at `utc`. */
export function utcToWall(utc: number, zone: ImportZone): WallTime {
  const d = new Date(utc + zone.offsetAt(utc) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** `YYYY-MM-DD`. */
export function formatDate(w: WallTime): string {
  return isoDay(w.year, w.month, w.day);
}

/** `HH:MM`, or `HH:MM:SS` with `seconds`. */
export function formatTime(w: WallTime, seconds = false): string {
  return clockTime(w.hour, w.minute, seconds ? w.second : undefined);
}

/** A wall time when the numbers are a real date and time, else undefined. */
export function wallTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallTime | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return undefined;
  return { year, month, day, hour, minute, second: Math.min(second, 59) };
}

/** The calendar day after `w` (same clock time). */
export function nextDay(w: WallTime): WallTime {
  const d = new Date(wallAsUtc(w) + 86_400_000);
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Mar`, `march` → 3; undefined when not a month name. */
export function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/**
 * A time as a source or the user writes it: ISO 8601 with or without zone (`2024-03-10T14:05Z`,
 * `2024-03-10 14:05:09+01:00`, `2024-03-10 14:05`), RFC 3339 with fractions, or seconds or
 * milliseconds since the epoch. Gives an instant when the zone is written, a wall time when not.
 */
export function readInstant(text: string): { utc: number } | { wall: WallTime } | undefined {
  const t = text.trim();
  if (/^\d{9,10}(?:\.\d+)?$/.test(t)) return { utc: Math.round(Number(t) * 1000) };
  if (/^\d{12,13}$/.test(t)) return { utc: Number(t) };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i.exec(t);
  if (!m) return undefined;
  if (m[7]) {
    const iso = parseIsoInstant(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${/^(?:utc|gmt)$/i.test(m[7]) ? 'Z' : m[7].length === 3 ? m[7] + ':00' : m[7]}`);
    return iso && { utc: iso.utc };
  }
  const wall = wallTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return wall && { wall };
}
