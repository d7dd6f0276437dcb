/** Human-readable times and durations for hovers, code lenses and command results. */

/** `45 min`, `2 h 5 min`, `3 d 4 h`; negative durations read `-…`. */
export function formatDuration(minutes: number): string {
  if (minutes < 0) return '-' + formatDuration(-minutes);
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  return mins ? `${hours} h ${mins} min` : `${hours} h`;
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
