/**
 * Which abbreviations belong to one clock (PST and PDT are both US Pacific time) and which of the
 * pair a clock shows on a given day, so that "PST" written in July can be questioned. The rules
 * are the current ones (US since 2007, EU and UK, Australia's south-east, New Zealand); the day
 * of a switch counts as either. GMT written for a day of British summer time is questioned too:
 * the writer meant either UTC or the UK's clock (BST), and only they know which.
 */
import { ZONE_ABBREVIATIONS, type Zone } from './zones.js';

type Rule = 'us' | 'eu' | 'au' | 'nz';

/** A clock with a standard and a daylight abbreviation. */
export interface Clock {
  region: string;
  standard: string;
  daylight: string;
  rule: Rule;
}

/** The seasonal clocks this reader knows, with their standard and daylight names. */
export const CLOCKS: readonly Clock[] = [
  { region: 'US Pacific', standard: 'PST', daylight: 'PDT', rule: 'us' },
  { region: 'US Mountain', standard: 'MST', daylight: 'MDT', rule: 'us' },
  { region: 'US Central', standard: 'CST', daylight: 'CDT', rule: 'us' },
  { region: 'US Eastern', standard: 'EST', daylight: 'EDT', rule: 'us' },
  { region: 'Alaska', standard: 'AKST', daylight: 'AKDT', rule: 'us' },
  { region: 'Atlantic', standard: 'AST', daylight: 'ADT', rule: 'us' },
  // GMT is also the name of UTC (see `clockOf`); as the UK's winter clock it has a summer half.
  { region: 'UK', standard: 'GMT', daylight: 'BST', rule: 'eu' },
  { region: 'Central European', standard: 'CET', daylight: 'CEST', rule: 'eu' },
  { region: 'Eastern European', standard: 'EET', daylight: 'EEST', rule: 'eu' },
  { region: 'Western European', standard: 'WET', daylight: 'WEST', rule: 'eu' },
  { region: 'Australian Eastern', standard: 'AEST', daylight: 'AEDT', rule: 'au' },
  { region: 'Australian Central', standard: 'ACST', daylight: 'ACDT', rule: 'au' },
  { region: 'New Zealand', standard: 'NZST', daylight: 'NZDT', rule: 'nz' },
];

const BY_NAME = new Map<string, Clock>(CLOCKS.flatMap((c) => [[c.standard, c] as const, [c.daylight, c] as const]));
/** The names of UTC itself. */
export const UTC_NAMES: ReadonlySet<string> = new Set(['UTC', 'GMT', 'UT', 'Z']);

/** The clock a zone name belongs to: its region, or the name itself for a fixed zone. */
export function clockOf(name: string): string {
  if (UTC_NAMES.has(name) || /^(?:UTC|GMT)?[+-]00:?00$/.test(name)) return 'UTC';
  return BY_NAME.get(name)?.region ?? name;
}

/** Day of month of the n-th (1-based; -1 = last) `weekday` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, days)).getUTCDay();
  return days - ((last - weekday + 7) % 7);
}

const key = (m: number, d: number): number => m * 100 + d;

/** True in daylight time, false in standard time, undefined on a switch day. */
function daylightOn(rule: Rule, y: number, m: number, d: number): boolean | undefined {
  const today = key(m, d);
  const [from, to] =
    rule === 'us'
      ? [key(3, nthWeekday(y, 3, 0, 2)), key(11, nthWeekday(y, 11, 0, 1))]
      : rule === 'eu'
        ? [key(3, nthWeekday(y, 3, 0, -1)), key(10, nthWeekday(y, 10, 0, -1))]
        : rule === 'au'
          ? [key(10, nthWeekday(y, 10, 0, 1)), key(4, nthWeekday(y, 4, 0, 1))]
          : [key(9, nthWeekday(y, 9, 0, -1)), key(4, nthWeekday(y, 4, 0, 1))];
  if (today === from || today === to) return undefined;
  // Southern clocks are on daylight time across the new year.
  return from < to ? today > from && today < to : today > from || today < to;
}

/** What a zone written on a day should have been, when it is the other half of its pair. */
export interface SeasonMismatch {
  written: string;
  expected: string;
  region: string;
  expectedOffset: number;
}

/** `PST` on `2024-07-14` → PDT expected. Undefined when the zone fits the day or has no pair. */
export function seasonMismatch(zone: string, date: string): SeasonMismatch | undefined {
  const clock = BY_NAME.get(zone);
  // Most zones (UTC) have no seasons: that is known before reading the date.
  if (!clock) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const daylight = daylightOn(clock.rule, Number(m[1]), Number(m[2]), Number(m[3]));
  if (daylight === undefined) return undefined;
  const expected = daylight ? clock.daylight : clock.standard;
  return expected === zone ? undefined : { written: zone, expected, region: clock.region, expectedOffset: ZONE_ABBREVIATIONS[expected] };
}

/**
 * The zone a clock named by its region ("Pacific time") shows on `date` (`YYYY-MM-DD`): its
 * daylight half in summer. Any other zone, or a day not known, is returned as it is.
 */
export function zoneOnDay(zone: Zone, date: string | undefined): Zone {
  if (!zone.seasonal || !date) return zone;
  const mismatch = seasonMismatch(zone.name, date);
  return mismatch ? { name: mismatch.expected, offset: mismatch.expectedOffset } : zone;
}
