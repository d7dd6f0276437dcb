import { entryLineRange, sortTimelineFix } from '../../report/timeline/sort.js';
import { APPROX_WORDS } from '../../report/timeline/tokens.js';
import type { TimelineEntry } from '../../report/types.js';
import type { Fix, RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

/** Right before a time, the mark or word that says it is approximate: "~16:50", "about 16:50". */
const APPROXIMATE = new RegExp(String.raw`(?:[~\u2248]|\b${APPROX_WORDS})[ \t*_\`]*$`, 'i');
/** How far an approximate time may fall before the exact one above it and still be in order. */
const APPROXIMATE_SLACK_MS = 60_000;

/** True when `entry` happened before `previous`; false when the two cannot be compared. */
function earlier(entry: TimelineEntry, previous: TimelineEntry): boolean {
  if (entry.utc !== undefined && previous.utc !== undefined) return entry.utc < previous.utc;
  if (entry.date !== undefined && previous.date !== undefined) return entry.date < previous.date;
  return false;
}

/** A timeline entry earlier than the entry before it. */
export const outOfOrder: ReportRule = {
  meta: {
    id: 'timeline/out-of-order',
    defaultSeverity: 'warning',
    description: 'A timeline entry is earlier than the entry before it.',
    tags: ['timeline'],
    fixable: 'suggestion',
    target: 'report',
  },
  check({ report }) {
    const findings: RuleFinding[] = [];
    const written = (e: TimelineEntry): string => {
      const r = e.timeRange;
      return r ? report.text.slice(report.lines.offsetAt(r.start), report.lines.offsetAt(r.end)).replace(/[*_`]/g, '').trim() : '';
    };
    const approximate = (e: TimelineEntry): boolean => {
      if (!e.timeRange) return false;
      const at = report.lines.offsetAt(e.timeRange.start);
      return APPROXIMATE.test(report.text.slice(Math.max(0, at - 16), at));
    };
    // "~16:50" under "16:50:25" is the same moment, told less exactly. Asked only of an entry
    // that is earlier than the one before it.
    const roughly = (entry: TimelineEntry, before: TimelineEntry): boolean =>
      entry.utc !== undefined && before.utc !== undefined && before.utc - entry.utc <= APPROXIMATE_SLACK_MS && (approximate(entry) || approximate(before));
    let previous: TimelineEntry | undefined;
    let fix: Fix | undefined | null = null;
    const { entries } = report.timeline;
    // An indexed loop: it runs over every entry in every version (see `zone-mismatch.ts`).
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.utc === undefined && entry.date === undefined) continue;
      if (previous && earlier(entry, previous) && !roughly(entry, previous)) {
        if (fix === null) fix = sortTimelineFix(report);
        findings.push({
          message: `This entry ("${written(entry)}") is earlier than the entry before it ("${written(previous)}"): a timeline reads top to bottom in time order.`,
          range: entryLineRange(report.lines, entry),
          related: [{ file: report.file, range: entryLineRange(report.lines, previous), message: 'The entry before it.' }],
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
      previous = entry;
    }
    return findings;
  },
};
