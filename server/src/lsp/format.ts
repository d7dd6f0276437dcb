/** Human-readable times and durations for hovers, code lenses and command results. */
import { formatSignedDuration } from '../core/report/duration.js';
import { clockTime, utcDate } from '../core/report/iso-date.js';

/** `45 min`, `2 h 5 min`, `3 d 4 h` (the core's short style); negative durations read `-…`. */
export function formatDuration(minutes: number): string {
  return formatSignedDuration(minutes, 'short');
}

/** The current instant as a timeline stamp, to the minute: `2026-11-23 16:09 UTC`. */
export function nowStamp(now: Date = new Date()): { date: string; time: string } {
  return { date: utcDate(now.getTime()), time: clockTime(now.getUTCHours(), now.getUTCMinutes()) };
}
