/**
 * Placing log entries in time and keeping the ones asked for: wall-clock readings put in UTC
 * with the log's zone, the window (`--since`, `--until`, or the report's impact start minus an
 * hour to its resolution), the nick and word filters, and the order of the result.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import type { Milestones } from '../report/types.js';
import { readInstant, wallToUtc, type ImportZone } from './clock.js';
import { ImportError, type LogEntry } from './types.js';

/** An entry whose instant is known. */
export type PlacedEntry = LogEntry & { utc: number };

/** Which entries to keep. Times are UTC milliseconds; `until` is exclusive. */
export interface EntryFilter {
  since?: number;
  until?: number;
  /** Keep only entries by one of these nicks (any case). */
  nicks?: readonly string[];
  /** Keep only entries whose text holds one of these words (any case). */
  words?: readonly string[];
}

/**
 * Gives every entry its instant: entries with a wall time are read in `zone`. Without a zone,
 * an {@link ImportError} of kind `zone` names the first file that needs one.
 */
export function placeEntries(entries: LogEntry[], zone: ImportZone | undefined, token?: CancellationToken): PlacedEntry[] {
  const out: PlacedEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const e = entries[i];
    if (e.utc !== undefined) out.push(e as PlacedEntry);
    else if (e.wall) {
      if (!zone) throw new ImportError(`${e.file} does not say which time zone its times are in; give it with --zone (an IANA name such as Europe/Berlin, or UTC, PDT, +02:00)`, 'zone');
      // Set in place: the entries are the import's own, and a copy of each costs on long logs.
      (e as PlacedEntry).utc = wallToUtc(e.wall, zone);
      out.push(e as PlacedEntry);
    }
  }
  return out;
}

/**
 * A time for `--since` or `--until`: ISO 8601 with a zone, or without one in `zone` (UTC when
 * none). Minutes without seconds cover their whole minute when they end a window.
 */
export function parseWindowTime(text: string, zone: ImportZone | undefined, end: boolean, flag: string): number {
  const read = readInstant(text.trim());
  if (!read) throw new ImportError(`${flag} "${text}" is not a date and time such as 2024-03-10T14:05Z or "2024-03-10 14:05"`, 'input');
  const utc = 'utc' in read ? read.utc : zone ? wallToUtc(read.wall, zone) : Date.UTC(read.wall.year, read.wall.month - 1, read.wall.day, read.wall.hour, read.wall.minute, read.wall.second);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
  const withSeconds = /\d:\d{2}:\d{2}/.test(text);
  return end ? utc + (dateOnly ? 86_400_000 : withSeconds ? 1000 : 60_000) : utc;
}

/**
 * The window a report asks for when the user gives none: from an hour before the impact start
 * to the end of the minute of the resolution, each side only when the report knows it.
 */
export function reportWindow(milestones: Milestones): { since?: number; until?: number } {
  const start = milestones.start;
  const resolved = milestones.resolved;
  const window: { since?: number; until?: number } = {};
  if (start?.utc !== undefined && start.absolute) window.since = start.utc - 3_600_000;
  if (resolved?.utc !== undefined && resolved.absolute) window.until = Math.floor(resolved.utc / 60_000) * 60_000 + 60_000;
  return window;
}

/**
 * The entries the filter keeps, in time order; a thread reply stays right after the entry it
 * follows in the source, so threads are not broken up by the sort.
 */
export function selectEntries(entries: readonly PlacedEntry[], filter: EntryFilter, token?: CancellationToken): PlacedEntry[] {
  const nicks = filter.nicks?.map((n) => n.toLowerCase());
  const words = filter.words?.map((w) => w.toLowerCase());
  const keyed: { entry: PlacedEntry; key: number; index: number }[] = [];
  let parentKey = 0;
  let parentKept = false;
  for (let i = 0; i < entries.length; i++) {
    if ((i & 0xfff) === 0) throwIfCancelled(token);
    const e = entries[i];
    const inWindow = (filter.since === undefined || e.utc >= filter.since) && (filter.until === undefined || e.utc < filter.until);
    const matches = (!nicks?.length || (e.nick !== undefined && nicks.includes(e.nick.toLowerCase()))) && (!words?.length || words.some((w) => e.text.toLowerCase().includes(w)));
    if (!e.reply) {
      parentKey = e.utc;
      parentKept = inWindow && matches;
    }
    // A reply goes with its thread when the thread is kept, and on its own time otherwise.
    if (!matches || (!inWindow && !(e.reply && parentKept))) continue;
    keyed.push({ entry: e, key: e.reply && parentKept ? parentKey : e.utc, index: i });
  }
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.entry);
}
