import { parseIsoInstant } from '../../report/iso-date.js';
import { milestoneEntry } from '../../report/timeline/index.js';
import { entryLineRange } from '../../report/timeline/sort.js';
import type { Milestone } from '../../report/types.js';
import type { RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const PAIRS: readonly { field: string; milestone: Milestone; name: string }[] = [
  { field: 'start', milestone: 'start', name: 'impact start' },
  { field: 'end', milestone: 'resolved', name: 'resolution' },
];

function describeMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} hours` : `${hours} h ${minutes % 60} min`;
}

function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/**
 * Front matter `start` / `end` more than a minute away from the timeline's impact start /
 * resolution. A timeline time with no zone is only compared with a front matter value that has
 * none either (both are then read the same way); a front matter date without a time is
 * compared by day.
 */
export const metadataMismatch: ReportRule = {
  meta: {
    id: 'timeline/metadata-mismatch',
    defaultSeverity: 'warning',
    description: 'Front matter start or end disagrees with the impact start or resolution in the timeline.',
    tags: ['timeline', 'metadata'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const fm = report.frontMatter;
    if (!fm?.data) return [];
    const findings: RuleFinding[] = [];
    for (const { field, milestone, name } of PAIRS) {
      const iso = parseIsoInstant(fm.data[field]);
      const range = fm.fields[field];
      const entry = milestoneEntry(report.timeline, milestone);
      if (!iso || !range || !entry || entry.date === undefined || entry.utc === undefined) continue;
      const related = [{ file: report.file, range: entryLineRange(report.lines, entry), message: `The timeline's ${name}.` }];
      if (iso.hasTime) {
        if (entry.zone === undefined && iso.hasZone) continue;
        const diff = Math.abs(entry.utc - iso.utc);
        if (diff <= 60_000) continue;
        findings.push({
          message: `Front matter \`${field}\` (${formatUtc(iso.utc)}) is ${describeMinutes(diff)} away from the timeline's ${name} (${formatUtc(entry.utc)}).`,
          range,
          related,
        });
      } else if (iso.date !== entry.date) {
        findings.push({ message: `Front matter \`${field}\` (${iso.date}) is not the day of the timeline's ${name} (${entry.date}).`, range, related });
      }
    }
    return findings;
  },
};
