import { formatSignedDuration } from '../report/duration.js';

/**
 * Small formatting helpers shared by the exports: UTC instants and durations as people read them.
 * Everything is rendered in UTC so that an export reads the same wherever it is produced.
 */

/** `2020-05-19T00:28:00Z`: ISO 8601 in UTC, without milliseconds unless there are some. */
export function isoUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}

/** `2020-05-19 00:28` (UTC, no zone suffix): for tables whose header already says UTC. */
export function shortUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(17, 19);
  return iso.slice(0, 10) + ' ' + iso.slice(11, 16) + (seconds === '00' ? '' : ':' + seconds);
}

/** `2020-05-19 00:28 UTC`. */
export function displayUtc(ms: number): string {
  return shortUtc(ms) + ' UTC';
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `45 min`, `1 h 32 min`, `2 d 3 h 5 min`; negative durations keep their sign (`−5 min`). */
export function formatMinutes(minutes: number): string {
  return formatSignedDuration(minutes, 'short', '\u2212');
}
