import { formatDuration } from '../../report/duration.js';
import { displayUtc, parseIsoInstant } from '../../report/iso-date.js';
import { MILESTONE_INFO, minutesBetween } from '../../report/timeline/index.js';
import { selectMilestones } from '../../report/timeline/select.js';
import { entryLineRange } from '../../report/timeline/sort.js';
import type { Milestone, MilestoneFact, Milestones, Report, StatedFact } from '../../report/types.js';
import type { RelatedLocation, RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const PAIRS: readonly { field: string; milestone: Milestone }[] = [
  { field: 'start', milestone: 'start' },
  { field: 'end', milestone: 'resolved' },
];


const describe = (minutes: number): string => formatDuration(minutes);

/** A stated figure and the timeline's are the same within max(5 minutes, 20%). */
function agrees(stated: number, timeline: number, floor = 5, share = 0.2): boolean {
  return Math.abs(stated - timeline) <= Math.max(floor, share * Math.max(stated, timeline));
}

function related(report: Report, facts: (MilestoneFact | undefined)[]): RelatedLocation[] {
  return facts
    .filter((f): f is MilestoneFact => f?.entry !== undefined)
    .map((f) => ({ file: report.file, range: entryLineRange(report.lines, f.entry!), message: `The timeline's ${MILESTONE_INFO[f.milestone].name}.` }));
}

function frontMatterFindings(report: Report, own: Milestones): RuleFinding[] {
  const fm = report.frontMatter;
  if (!fm?.data) return [];
  const findings: RuleFinding[] = [];
  for (const { field, milestone } of PAIRS) {
    const iso = parseIsoInstant(fm.data[field]);
    const range = fm.fields[field];
    const entry = own[milestone]?.entry;
    if (!iso || !range || !entry || entry.date === undefined || entry.utc === undefined) continue;
    const name = MILESTONE_INFO[milestone].name;
    const rel = [{ file: report.file, range: entryLineRange(report.lines, entry), message: `The timeline's ${name}.` }];
    if (iso.hasTime) {
      if (entry.zone === undefined && iso.hasZone) continue;
      const diff = Math.abs(entry.utc - iso.utc);
      if (diff <= 60_000) continue;
      findings.push({
        message: `Front matter \`${field}\` (${displayUtc(iso.utc)}) is ${describe(Math.round(diff / 60_000))} away from the timeline's ${name} (${displayUtc(entry.utc)}).`,
        range,
        related: rel,
      });
    } else if (iso.date !== entry.date) {
      findings.push({ message: `Front matter \`${field}\` (${iso.date}) is not the day of the timeline's ${name} (${entry.date}).`, range, related: rel });
    }
  }
  return findings;
}

/**
 * A milestone the author placed with a marker. One read from the words of an entry is this
 * checker's reading: where the author states another time, the statement is taken (see
 * `selectMilestones`) and nothing in the report contradicts it.
 */
const marked = (fact: MilestoneFact | undefined): fact is MilestoneFact => fact?.source === 'marker';

function statedFinding(report: Report, own: Milestones, s: StatedFact): RuleFinding | undefined {
  if (s.kind === 'time' && s.milestone && s.utc !== undefined) {
    const mine = own[s.milestone];
    if (!marked(mine) || mine.utc === undefined || mine.absolute !== (s.absolute ?? false)) return undefined;
    const diff = Math.round(Math.abs(mine.utc - s.utc) / 60_000);
    if (diff <= 5) return undefined;
    return {
      message: `The report states the ${MILESTONE_INFO[s.milestone].name} as ${displayUtc(s.utc)} ("${s.words}"), ${describe(diff)} away from the timeline's (${displayUtc(mine.utc)}).`,
      range: s.range,
      related: related(report, [mine]),
    };
  }
  if (s.kind === 'metric' && s.milestone && s.minutes !== undefined) {
    const from = own[s.from ?? 'start'];
    const to = own[s.milestone];
    if (!marked(from) || !marked(to)) return undefined;
    const minutes = minutesBetween(from, to);
    if (minutes === undefined || agrees(s.minutes, minutes)) return undefined;
    const label = MILESTONE_INFO[s.milestone].metricLabel!.toLowerCase();
    const since = s.from && s.from !== 'start' ? ` counted from the ${MILESTONE_INFO[s.from].name}` : '';
    return {
      message: `The report states a ${label} of ${describe(s.minutes)}${since} ("${s.words}"), but the timeline gives ${describe(minutes)}.`,
      range: s.range,
      related: related(report, [from, to]),
    };
  }
  if (s.kind === 'duration' && s.minutes !== undefined) {
    const timed = report.timeline.entries.filter((e) => e.utc !== undefined);
    const start = own.start;
    const ends = [own.mitigated, own.resolved].filter((f): f is MilestoneFact => f?.utc !== undefined);
    const spans = marked(start) ? ends.filter(marked).map((f) => minutesBetween(start, f)).filter((m): m is number => m !== undefined) : [];
    // Without milestones, the span of the timeline's own times.
    if (spans.length === 0 && timed.length >= 2 && !start && ends.length === 0) {
      const first = timed[0];
      const last = timed[timed.length - 1];
      if ((first.date === undefined) === (last.date === undefined)) spans.push(Math.round((last.utc! - first.utc!) / 60_000));
    }
    if (spans.length === 0 || spans.some((m) => agrees(s.minutes!, m, 15, 0.25))) return undefined;
    const nearest = spans.reduce((a, b) => (Math.abs(a - s.minutes!) <= Math.abs(b - s.minutes!) ? a : b));
    return {
      message: `The report says the impact lasted ${describe(s.minutes)} ("${s.words}"), but the timeline spans ${describe(nearest)}.`,
      range: s.range,
      related: related(report, [start, ...ends]),
    };
  }
  return undefined;
}

/**
 * Front matter `start` / `end`, and times, metrics and durations stated in prose, that disagree
 * with the timeline. The timeline's own milestones are used, never front matter or the
 * statements themselves: front matter is compared with markers and the words of entries alike,
 * a statement in prose only with markers (or, in a timeline without milestones, with its span).
 */
export const metadataMismatch: ReportRule = {
  meta: {
    id: 'timeline/metadata-mismatch',
    defaultSeverity: 'warning',
    description: 'Front matter, or a time, duration or metric stated in prose, disagrees with the timeline.',
    tags: ['timeline', 'metadata'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const { timeline } = report;
    if (!timeline.section) return [];
    const own = selectMilestones({ entries: timeline.entries, statements: [], lines: report.lines, timelineOnly: true });
    const findings = frontMatterFindings(report, own);
    for (const s of timeline.stated) {
      // Where a stated window ends ("09:14 to 11:02") may be the full recovery, after the
      // timeline's mitigation: not a contradiction.
      if (s.window && s.milestone !== 'start') continue;
      const finding = statedFinding(report, own, s);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
