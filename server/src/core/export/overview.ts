/**
 * The overview of many incidents: one row per report (date, title, status, time to detect and
 * resolve, actionables, open problems), medians and 90th percentiles, incidents per month, and
 * actionables per owner. "Now" is a parameter, so the age of a draft is testable.
 */
import type { OwnersList } from '../owners/list.js';
import type { Report } from '../report/types.js';
import { isoDay, isoUtc, parseIsoInstant, utcDate } from '../report/iso-date.js';
import { readMetadata } from './metadata.js';
import { ownerLoads, ownerProblems, type OwnerLoad } from './overview-owners.js';

export type { OwnerLoad } from './overview-owners.js';

/** How long a report may stay a draft before the overview calls it a problem. */
export const STALE_DRAFT_DAYS = 30;

/** One report given to {@link buildOverview}. */
export interface OverviewInput {
  /** Path shown and linked, relative to the overview's folder where possible. */
  file: string;
  report: Report;
  /** The owners list of the report's configuration, when the workspace has one. */
  owners?: OwnersList;
}

export type ProblemKind = 'actionable-without-owner' | 'actionable-unknown-owner' | 'actionable-inactive-owner' | 'actionable-without-task' | 'stale-draft';

/** Something about an incident that still needs someone's attention. */
export interface OverviewProblem {
  kind: ProblemKind;
  message: string;
  /** 1-based line the problem is about, when there is one. */
  line?: number;
}

/** One incident of the overview. */
export interface OverviewIncident {
  file: string;
  /** `YYYY-MM-DD` of impact start (front matter, else timeline), when known. */
  date?: string;
  title: string;
  status?: string;
  timeToDetectMinutes?: number;
  timeToResolveMinutes?: number;
  actionables: number;
  problems: OverviewProblem[];
}

/** Median and 90th percentile of one duration over the incidents that have it. */
export interface DurationStats {
  count: number;
  median?: number;
  p90?: number;
}

/** Everything the overview shows, in every format. */
export interface Overview {
  generatedAt: string;
  /** Incidents by date, oldest first; undated ones last, by file. */
  incidents: OverviewIncident[];
  timeToDetect: DurationStats;
  timeToResolve: DurationStats;
  /** Every month from the first incident to the last, with its count (zero included). */
  perMonth: { month: string; count: number }[];
  /** Actionables per owner, open and done, most open first. */
  owners: OwnerLoad[];
  problemCount: number;
}

/**
 * Percentile by linear interpolation between closest ranks (the method of spreadsheets and
 * numpy's default): p50 of [10, 20] is 15. Undefined for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

function stats(values: (number | undefined)[]): DurationStats {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return { count: present.length, median: percentile(present, 50), p90: percentile(present, 90) };
}

/** Impact start of a report: front matter first, then the timeline, then any front matter `date`. */
function incidentStart(report: Report): number | undefined {
  const meta = readMetadata(report);
  if (meta.start?.utc !== undefined) return meta.start.utc;
  const firstDated = report.timeline.entries.find((e) => e.utc !== undefined);
  if (firstDated?.utc !== undefined) return firstDated.utc;
  const firstDate = report.timeline.entries.find((e) => e.date)?.date;
  return parseIsoInstant(firstDate ?? report.frontMatter?.data?.date)?.utc;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function problemsOf(report: Report, owners: OwnersList | undefined, status: string | undefined, start: number | undefined, now: number): OverviewProblem[] {
  const problems: OverviewProblem[] = [];
  // A finished actionable no longer needs an owner or a task to be followed up.
  const open = report.actionables.items.filter((a) => a.done !== true);
  for (const a of open) {
    if (!a.owner) problems.push({ kind: 'actionable-without-owner', message: `Actionable without owner: ${a.text}`, line: a.range.start.line + 1 });
  }
  problems.push(...ownerProblems(report, owners));
  for (const a of open) {
    if (a.tasks.length === 0) problems.push({ kind: 'actionable-without-task', message: `Actionable without task: ${a.text}`, line: a.range.start.line + 1 });
  }
  if (status?.toLowerCase() === 'draft' && start !== undefined) {
    const days = Math.floor((now - start) / 86_400_000);
    if (days > STALE_DRAFT_DAYS) problems.push({ kind: 'stale-draft', message: `Still a draft ${plural(days, 'day')} after the incident` });
  }
  return problems;
}

/** Builds the overview of `inputs` as of `now` (milliseconds since the epoch). */
export function buildOverview(inputs: readonly OverviewInput[], now: number): Overview {
  const rows = inputs.map(({ file, report, owners }) => {
    const meta = readMetadata(report);
    const start = incidentStart(report);
    const incident: OverviewIncident = {
      file,
      date: start === undefined ? undefined : utcDate(start),
      title: meta.title ?? (file.split(/[\\/]/).pop() || file),
      status: meta.status,
      timeToDetectMinutes: report.metrics.timeToDetectMinutes,
      timeToResolveMinutes: report.metrics.timeToResolveMinutes,
      actionables: report.actionables.items.length,
      problems: problemsOf(report, owners, meta.status, start, now),
    };
    return incident;
  });
  rows.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.file.localeCompare(b.file));
  return {
    generatedAt: isoUtc(now),
    incidents: rows,
    timeToDetect: stats(rows.map((r) => r.timeToDetectMinutes)),
    timeToResolve: stats(rows.map((r) => r.timeToResolveMinutes)),
    perMonth: perMonth(rows.map((r) => r.date).filter((d): d is string => d !== undefined)),
    owners: ownerLoads(inputs),
    problemCount: rows.reduce((n, r) => n + r.problems.length, 0),
  };
}

/** Counts per `YYYY-MM`, every month between the first and the last included. */
export function perMonth(dates: readonly string[]): { month: string; count: number }[] {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  // A mistyped year would otherwise fill the chart with centuries of empty months.
  if (monthIndex(months[months.length - 1]) - monthIndex(months[0]) > 240) return months.map((month) => ({ month, count: counts.get(month) ?? 0 }));
  const out: { month: string; count: number }[] = [];
  let [y, m] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const key = isoDay(y, m, 1).slice(0, 7);
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + m - 1;
}
