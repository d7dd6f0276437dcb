/**
 * Time zones as incident timelines write them: `UTC`, `Z`, abbreviations such as `PDT` or
 * `CEST`, `UTC+2`, `GMT-07:00` and bare offsets `+02:00`. Abbreviations map to one fixed offset
 * each; where an abbreviation is ambiguous (CST, IST, BST) the reading most common in English
 * incident reports wins, and a writer who means another can write the offset instead.
 */
import { parseOffset } from '../iso-date.js';

/** A zone as read from the text: the name as written (normalized) and minutes east of UTC. */
export interface Zone {
  name: string;
  offset: number;
  /**
   * Named by its region only ("Pacific time"): `name` and `offset` are the standard half of the
   * pair, and an entry on a day of daylight time is read in the daylight half.
   */
  seasonal?: boolean;
}

/** Fixed offsets, in minutes east of UTC. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  UT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  SAST: 120,
  EEST: 180,
  MSK: 180,
  // Gulf Standard Time (UAE, Oman); the South Georgia reading is rare in incident reports.
  GST: 240,
  IST: 330,
  SGT: 480,
  HKT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  BRT: -180,
  ART: -180,
  AST: -240,
  ADT: -180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};

const ABBREVIATION_SOURCE = Object.keys(ZONE_ABBREVIATIONS)
  .filter((name) => name !== 'Z')
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A zone token, for embedding in other patterns. `UTC`/`GMT` with an offset come first so that
 * `UTC+2` is read whole; abbreviations are matched case-sensitively by the callers that need it.
 */
export const ZONE_SOURCE = `(?:(?:UTC|GMT)\\s?[+\\u2212-]\\s?\\d{1,2}(?::?\\d{2})?|[+\\u2212-]\\d{2}:?\\d{2}|${ABBREVIATION_SOURCE})`;

// A zone named by its region, as declarations spell it: "Pacific time", "Central European Summer
// Time", "US Eastern Standard Time", "UK time". Standard and daylight halves as in `seasons.ts`.
// One table gives both what a declaration may spell and what each spelling means.
const REGIONS: readonly { spelled: string; standard: string; daylight: string }[] = [
  { spelled: '(?:us\\s+)?pacific', standard: 'PST', daylight: 'PDT' },
  { spelled: '(?:us\\s+)?mountain', standard: 'MST', daylight: 'MDT' },
  { spelled: '(?:us\\s+)?central', standard: 'CST', daylight: 'CDT' },
  { spelled: '(?:us\\s+)?eastern', standard: 'EST', daylight: 'EDT' },
  { spelled: 'alaskan?', standard: 'AKST', daylight: 'AKDT' },
  { spelled: 'central\\s+european', standard: 'CET', daylight: 'CEST' },
  { spelled: 'eastern\\s+european', standard: 'EET', daylight: 'EEST' },
  { spelled: 'western\\s+european', standard: 'WET', daylight: 'WEST' },
  { spelled: '(?:uk|british)', standard: 'GMT', daylight: 'BST' },
];
const REGION_NAMES = REGIONS.map((r) => ({ ...r, re: new RegExp(`^${r.spelled}$`, 'i') }));
const SPELLED_SOURCE = `(?:${REGIONS.map((r) => r.spelled).join('|')})(?:\\s+(?:standard|daylight|summer))?\\s+time`;

/**
 * Zones named as the tz database names them ("US/Pacific", "America/New_York", "Europe/Berlin"),
 * as tools print them and as some reports declare them: each to the abbreviation of its standard
 * time, seasonal where the place keeps daylight time (read per day as for "Pacific time").
 */
const TZ_NAMES: ReadonlyMap<string, { name: string; seasonal?: true }> = new Map(
  (
    [
      ['PST', true, 'US/Pacific America/Los_Angeles America/Vancouver America/Tijuana'],
      ['MST', true, 'US/Mountain America/Denver America/Edmonton America/Boise'],
      ['MST', false, 'US/Arizona America/Phoenix'],
      ['CST', true, 'US/Central America/Chicago America/Winnipeg America/Mexico_City'],
      ['EST', true, 'US/Eastern America/New_York America/Toronto America/Detroit America/Montreal'],
      ['AKST', true, 'US/Alaska America/Anchorage'],
      ['HST', false, 'US/Hawaii Pacific/Honolulu'],
      ['AST', true, 'America/Halifax Canada/Atlantic'],
      ['GMT', true, 'Europe/London Europe/Dublin'],
      ['WET', true, 'Europe/Lisbon Atlantic/Canary'],
      [
        'CET',
        true,
        'Europe/Berlin Europe/Paris Europe/Amsterdam Europe/Brussels Europe/Madrid Europe/Rome Europe/Vienna Europe/Zurich Europe/Stockholm Europe/Oslo Europe/Copenhagen Europe/Prague Europe/Warsaw Europe/Budapest Europe/Belgrade Europe/Luxembourg Europe/Bratislava Europe/Ljubljana Europe/Zagreb Europe/Malta',
      ],
      ['EET', true, 'Europe/Helsinki Europe/Athens Europe/Kiev Europe/Kyiv Europe/Bucharest Europe/Sofia Europe/Riga Europe/Tallinn Europe/Vilnius'],
      ['MSK', false, 'Europe/Moscow'],
      ['GST', false, 'Asia/Dubai'],
      ['IST', false, 'Asia/Kolkata Asia/Calcutta'],
      ['SGT', false, 'Asia/Singapore'],
      ['HKT', false, 'Asia/Hong_Kong'],
      ['JST', false, 'Asia/Tokyo'],
      ['KST', false, 'Asia/Seoul'],
      ['AWST', false, 'Australia/Perth'],
      ['AEST', true, 'Australia/Sydney Australia/Melbourne Australia/Hobart Australia/Canberra'],
      ['AEST', false, 'Australia/Brisbane'],
      ['ACST', true, 'Australia/Adelaide'],
      ['ACST', false, 'Australia/Darwin'],
      ['NZST', true, 'Pacific/Auckland'],
      ['BRT', false, 'America/Sao_Paulo'],
      ['ART', false, 'America/Argentina/Buenos_Aires America/Buenos_Aires'],
      ['SAST', false, 'Africa/Johannesburg'],
      ['UTC', false, 'Etc/UTC Etc/GMT Etc/Universal Etc/Zulu'],
    ] as const
  ).flatMap(([name, seasonal, names]) => names.split(' ').map((n) => [n.toLowerCase(), seasonal ? { name, seasonal: true as const } : { name }] as const)),
);
/** A tz database name as written: an area, a slash, a place (one more level for some). */
const TZ_NAME_SOURCE = String.raw`(?:US|America|Europe|Asia|Australia|Pacific|Africa|Atlantic|Canada|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?`;

/** Reads a zone named as the tz database names it ("US/Pacific"); undefined for a name it does not know. */
export function parseTzName(text: string): Zone | undefined {
  const known = TZ_NAMES.get(text.trim().toLowerCase());
  return known && { name: known.name, offset: ZONE_ABBREVIATIONS[known.name], ...(known.seasonal ? { seasonal: true } : {}) };
}

/** Reads a zone named by its region ("Pacific time", "Eastern Standard Time"); undefined otherwise. */
export function parseSpelledZone(text: string): Zone | undefined {
  const m = /^(.*?)(?:\s+(standard|daylight|summer))?\s+time$/i.exec(text.trim().replace(/\s+/g, ' '));
  const region = m && REGION_NAMES.find(({ re }) => re.test(m[1]));
  if (!m || !region) return undefined;
  const half = m[2]?.toLowerCase();
  const name = half === 'daylight' || half === 'summer' ? region.daylight : region.standard;
  return { name, offset: ZONE_ABBREVIATIONS[name], ...(half ? {} : { seasonal: true }) };
}

/** Reads a zone token; undefined when it is not one or its offset is out of range. */
export function parseZone(text: string): Zone | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  const upper = t.toUpperCase();
  if (Object.hasOwn(ZONE_ABBREVIATIONS, upper)) return { name: upper === 'Z' ? 'UTC' : upper, offset: ZONE_ABBREVIATIONS[upper] };
  const named = /^(UTC|GMT)\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (named) {
    const offset = parseOffset(`${named[2]}${named[3].padStart(2, '0')}:${named[4] ?? '00'}`);
    return offset === undefined ? undefined : { name: `${named[1].toUpperCase()}${named[2]}${named[3]}${named[4] ? ':' + named[4] : ''}`, offset };
  }
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (numeric) {
    const offset = parseOffset(`${numeric[1]}${numeric[2]}:${numeric[3]}`);
    return offset === undefined ? undefined : { name: `${numeric[1]}${numeric[2]}:${numeric[3]}`, offset };
  }
  return undefined;
}

/** A zone declared for the whole timeline, with offsets into the text it was found in. */
export interface ZoneDeclaration {
  zone: Zone;
  start: number;
  end: number;
}

// A zone as a declaration writes it: a token, a region's name, or a tz database name.
const DECLARED_SOURCE = `(?:${TZ_NAME_SOURCE}|${ZONE_SOURCE}|${SPELLED_SOURCE})`;

// "All times in UTC", "Times are in CEST", "(Times UTC)", "All timestamps are UTC+2", and the
// zone's name spelled out before its abbreviation: "All times in Central European Time (CET)".
const TIMES_IN = new RegExp(
  `\\b(?:all\\s+)?(?:times|timestamps|time\\s+stamps|hours)\\s+(?:(?:are|is|were|shown|given|listed|written|expressed|displayed)\\s+)*(?:(?:in|as)\\s+)?(?:the\\s+)?(?:(?:[a-z]+\\s+){1,4}\\(\\s*)?[*_\`]*\\[?[*_\`]*(${DECLARED_SOURCE})(?![A-Za-z0-9])`,
  'gi',
);
// "All events are documented in UTC time", "Entries are listed in [UTC](…)": the events of the
// timeline said to be written in a zone. The zone may be a link to its definition.
const EVENTS_IN = new RegExp(
  `\\b(?:all\\s+)?(?:events|entries|dates\\s+and\\s+times)\\s+(?:(?:are|were|is)\\s+)?(?:(?:documented|given|listed|written|recorded|shown|expressed|displayed|reported|logged)\\s+)?in\\s+(?:the\\s+)?[*_\`]*\\[?[*_\`]*(${DECLARED_SOURCE})(?![A-Za-z0-9])`,
  'gi',
);
// "All UTC times", "PDT timestamps below".
const ZONE_TIMES = new RegExp(`\\b(?:all\\s+)?(${DECLARED_SOURCE})\\s+(?:times|timestamps)\\b`, 'gi');
// "Time zone: UTC", "Timezone is PST", "TZ=UTC".
const TIMEZONE_IS = new RegExp(`\\b(?:time\\s*zone|tz)\\s*(?:is\\s+|:\\s*|=\\s*)?[*_\`]*(${DECLARED_SOURCE})(?![A-Za-z0-9])`, 'gi');
// A heading or column header such as "Timeline (UTC)" or "Time (PDT)".
const PARENTHESIZED = new RegExp(`[([]\\s*(?:(?:all\\s+)?times?\\s+(?:are\\s+)?(?:in\\s+)?)?(${DECLARED_SOURCE})\\s*[)\\]]`, 'gi');
// A timeline heading that names the zone after a dash or a comma: "Issue Timeline - UTC",
// "Timeline, Pacific time".
const TIMELINE_ZONE = new RegExp(`\\btimeline[*_\`]*\\s*[-\\u2013\\u2014:,|]\\s*[*_\`]*(?:in\\s+)?(${DECLARED_SOURCE})(?![A-Za-z0-9])`, 'gi');

// A column header such as "Date and time in CET" or "Time, UTC".
const HEADER_TIME = new RegExp(`\\b(?:date\\s*(?:and|&|\\/)\\s*)?time\\s*(?:,|in|\\(|-)\\s*(?:the\\s+)?(${DECLARED_SOURCE})(?![A-Za-z0-9])`, 'gi');

/**
 * Finds a zone declaration in `text` (a paragraph's or heading's source). With `parenthesized`,
 * a bare zone in parentheses counts too, which is only safe in headings and column headers.
 * Abbreviations must be written in capitals, so English words are never read as zones.
 */
export function findZoneDeclaration(text: string, parenthesized = false): ZoneDeclaration | undefined {
  const patterns = parenthesized ? [TIMES_IN, EVENTS_IN, ZONE_TIMES, TIMEZONE_IS, PARENTHESIZED, HEADER_TIME, TIMELINE_ZONE] : [TIMES_IN, EVENTS_IN, ZONE_TIMES, TIMEZONE_IS];
  let best: ZoneDeclaration | undefined;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const written = m[1];
      const spelled = parseSpelledZone(written) ?? parseTzName(written);
      if (!spelled && !/^(?:utc|gmt)/i.test(written) && written !== written.toUpperCase()) continue;
      const zone = spelled ?? parseZone(written);
      if (!zone) continue;
      if (!best || m.index < best.start) best = { zone, start: m.index, end: m.index + m[0].length };
      break;
    }
  }
  return best;
}

// A clock time with a named zone before or after it, in running text: "from UTC 05:13",
// "at 14:05 CEST". Offsets alone ("+02:00") are left out: in prose they are often not zones.
const NAMED_ZONE = `(?:(?:UTC|GMT)(?:\\s?[+\u2212-]\\s?\\d{1,2}(?::?\\d{2})?)?|${ABBREVIATION_SOURCE})`;
const ZONED_TIME = new RegExp(`(?<![A-Za-z0-9])(?:(${NAMED_ZONE})\\s(\\d{1,2}):(\\d{2})|(\\d{1,2}):(\\d{2})\\s?(${NAMED_ZONE}))(?![A-Za-z0-9])`, 'g');

/** How far a time in prose may be from an entry's and still tell of the same moment ("at approximately 01:55 UTC" for the entry at 01:54). */
const SAME_MOMENT_MINUTES = 10;

function nearClock(clock: ReadonlySet<number>, minutes: number): boolean {
  if (clock.has(minutes)) return true;
  for (let d = 1; d <= SAME_MOMENT_MINUTES; d++) {
    if (clock.has((minutes + d) % 1440) || clock.has((minutes - d + 1440) % 1440)) return true;
  }
  return false;
}

/**
 * A zone that `text` writes next to one of the `clock` times (minutes after midnight), or a few
 * minutes from one: prose outside a timeline that says "outages beginning from UTC 05:13"
 * tells the zone of the timeline's bare 05:13, and a summary that puts the start "at
 * approximately 01:55 UTC" tells the zone of entries at 01:52 and 01:56. Abbreviations must be
 * written in capitals.
 */
export function findZonedTime(text: string, clock: ReadonlySet<number>): ZoneDeclaration | undefined {
  // Every match holds a clock time; most prose holds none, and the zone alternation is long.
  if (!/\d:\d\d/.test(text)) return undefined;
  ZONED_TIME.lastIndex = 0;
  for (let m = ZONED_TIME.exec(text); m; m = ZONED_TIME.exec(text)) {
    const written = m[1] ?? m[6];
    const minutes = Number(m[2] ?? m[4]) * 60 + Number(m[3] ?? m[5]);
    const zone = nearClock(clock, minutes) && written === written.toUpperCase() ? parseZone(written) : undefined;
    if (zone) return { zone, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
