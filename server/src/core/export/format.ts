import { formatSignedDuration } from '../report/duration.js';

/** `45 min`, `1 h 32 min`, `2 d 3 h 5 min`; negative durations keep their sign (`−5 min`). */
export function formatMinutes(minutes: number): string {
  return formatSignedDuration(minutes, 'short', '\u2212');
}
