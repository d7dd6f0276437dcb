import { clockOf, seasonMismatch } from '../../report/timeline/seasons.js';
import { entryLineRange } from '../../report/timeline/sort.js';
import { ZONE_ABBREVIATIONS } from '../../report/timeline/zones.js';
import type { TimelineEntry } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? '\u2212' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? ':' + String(abs % 60).padStart(2, '0') : ''}`;
};

/** The zone most entries write, when the timeline declares none. */
function usualZone(entries: readonly TimelineEntry[]): string | undefined {
  const counts = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.zoneOnEntry && e.zone) counts.set(clockOf(e.zone), (counts.get(clockOf(e.zone)) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return sorted.length > 1 && sorted[0][1] > sorted[1][1] ? sorted[0][0] : undefined;
}

/**
 * A zone on an entry that is not the timeline's ("MST" among "PST" entries), or a zone that does
 * not fit the season of its day ("PST" in July, when the Pacific clocks show PDT). Each problem is
 * reported once per zone, on the first place it is written; the entries are still read in the
 * zone they name.
 */
export const zoneMismatch: ReportRule = {
  meta: {
    id: 'timeline/zone-mismatch',
    defaultSeverity: 'warning',
    description: 'A timeline time is in a different zone than the rest of the timeline, or in a zone that does not fit the season of its day.',
    tags: ['timeline'],
    target: 'report',
    fixable: 'none',
  },
  check({ report }) {
    const { entries, declaredZone } = report.timeline;
    const findings: RuleFinding[] = [];
    const reference = declaredZone ? clockOf(declaredZone.name) : usualZone(entries);
    // Zones already reported, as another zone than the timeline's and as out of season.
    const other = new Set<string>();
    const season = new Set<string>();
    // Indexed loops: they run over every entry in every version, and an iterator allocates a
    // result per entry until the JIT has optimized the loop.
    for (let i = 0; reference && i < entries.length; i++) {
      const e = entries[i];
      if (!e.zoneOnEntry || !e.zone) continue;
      const clock = clockOf(e.zone);
      if (clock === reference || other.has(e.zone)) continue;
      other.add(e.zone);
      const declared = declaredZone ? `the zone declared for the timeline (${declaredZone.name})` : `the zone the other entries use (${reference})`;
      findings.push({
        message: `This time is in ${e.zone}, not in ${declared}: if it is a typo, correct it; the entry is read in ${e.zone}.`,
        range: e.timeRange ?? entryLineRange(report.lines, e),
        ...(declaredZone ? { related: [{ file: report.file, range: declaredZone.range, message: 'The declared zone.' }] } : {}),
      });
    }
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (!e.zone || !e.date || season.has(e.zone) || other.has(e.zone)) continue;
      const mismatch = seasonMismatch(e.zone, e.date);
      if (!mismatch) continue;
      season.add(e.zone);
      const range = e.zoneOnEntry || !declaredZone ? (e.timeRange ?? entryLineRange(report.lines, e)) : declaredZone.range;
      // GMT is also UTC's name: in British summer it says UTC or the UK clock, and only the writer knows which.
      const fix = clockOf(e.zone) === 'UTC' ? `write UTC if the times are UTC, or ${mismatch.expected} if they are what ${mismatch.region} clocks showed` : 'write the zone the clocks showed';
      findings.push({
        message: `${e.zone} is ${ZONE_ABBREVIATIONS[e.zone] > (mismatch.expectedOffset ?? 0) ? 'daylight' : 'standard'} time, but on ${e.date} ${mismatch.region} clocks show ${mismatch.expected} (${offsetText(mismatch.expectedOffset)}): ${fix}. The times are read in ${e.zone} (${offsetText(ZONE_ABBREVIATIONS[e.zone])}).`,
        range,
      });
    }
    return findings;
  },
};
