/** Human-readable times and durations for hovers, code lenses and command results. */
import { formatSignedDuration } from '../core/report/duration.js';

/** `45 min`, `2 h 5 min`, `3 d 4 h` (the core's short style); negative durations read `-…`. */
export function formatDuration(minutes: number): string {
  return formatSignedDuration(minutes, 'short');
}

/** `2020-05-19 14:05 UTC` (seconds shown only when not zero). */
export function formatUtc(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : ':' + seconds} UTC`;
}

/** The current instant as a timeline stamp, to the minute: `2026-11-23 16:09 UTC`. */
export function nowStamp(now: Date = new Date()): { date: string; time: string } {
  const iso = now.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
