/**
 * JSON export: the structured report for incident databases and scripts. The shape is described
 * by `docs/report.schema.json` (bump {@link REPORT_JSON_VERSION} on any incompatible change).
 * Lines and columns are 1-based, as in the CLI's JSON; instants are ISO 8601 in UTC; a value that
 * is not known is left out rather than set to null.
 */
import { toString } from 'mdast-util-to-string';
import type { Report, Section, TimelineEntry } from '../report/types.js';
import type { Finding, Range } from '../types.js';
import { milestonesJson } from '../report/timeline/summary.js';
import { isoUtc } from '../report/iso-date.js';
import { readMetadata, type MetaInstant } from './metadata.js';

export const REPORT_JSON_VERSION = 1;

/** A point of the report: 1-based line and column. */
interface JsonLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function location(range: Range): JsonLocation {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** Drops keys whose value is undefined, so the JSON leaves them out. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function instant(value: MetaInstant | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  return compact({ text: value.text, utc: value.utc === undefined ? undefined : isoUtc(value.utc), hasTime: value.hasTime });
}

/**
 * A copy of front matter data that is plain JSON: no cycles (YAML aliases can make them), no
 * Dates, no non-finite numbers.
 */
function jsonValue(value: unknown, seen: Set<unknown> = new Set()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return null;
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => jsonValue(v, seen));
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), jsonValue(v, seen)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v, seen)]));
  } finally {
    seen.delete(value);
  }
}

function sectionJson(section: Section, report: Report): Record<string, unknown> {
  const ownEnd = section.children[0]?.heading.position?.start.offset ?? section.bodyEnd;
  return {
    title: section.title,
    depth: section.depth,
    ...location(section.range),
    markdown: report.text.slice(section.bodyStart, Math.max(section.bodyStart, ownEnd)).trim(),
    text: section.content
      .filter((n) => n.type !== 'html')
      .map((n) => toString(n).trim())
      .filter((t) => t !== '')
      .join('\n\n'),
    sections: section.children.map((c) => sectionJson(c, report)),
  };
}

function entryJson(entry: TimelineEntry): Record<string, unknown> {
  return compact({
    ...location(entry.range),
    text: entry.text,
    time: entry.utc === undefined ? undefined : isoUtc(entry.utc),
    date: entry.date,
    hasTime: entry.hasTime,
    dateOnly: entry.dateOnly,
    zone: entry.zone,
    zoneOnEntry: entry.zoneOnEntry,
    milestones: [...entry.milestones],
  });
}

/** The structured report as a plain object (what {@link renderJson} serializes). */
export function reportToJson(report: Report, findings: readonly Finding[] = []): Record<string, unknown> {
  const meta = readMetadata(report);
  const m = report.metrics;
  const utc = (v: number | undefined) => (v === undefined ? undefined : isoUtc(v));
  return compact({
    version: REPORT_JSON_VERSION,
    file: report.file,
    title: report.title,
    profile: { name: report.profile.profile.name, source: report.profile.source },
    metadata: compact({
      id: meta.id,
      status: meta.status,
      severity: meta.severity,
      start: instant(meta.start),
      detected: instant(meta.detected),
      end: instant(meta.end),
      tasks: meta.tasks,
      peoplePaged: meta.peoplePaged,
      responderCount: meta.responderCount,
      responders: meta.responders,
      coordinators: meta.coordinators,
      affectedMetrics: meta.affectedMetrics,
      impact: meta.impact,
    }),
    frontMatter: report.frontMatter?.data ? jsonValue(report.frontMatter.data) : undefined,
    impact: report.impact ? { text: report.impact.text, source: report.impact.source, ...location(report.impact.range) } : undefined,
    sections: report.outline.map((s) => sectionJson(s, report)),
    timeline: compact({
      declaredZone: report.timeline.declaredZone?.name,
      section: report.timeline.section?.title,
      entries: report.timeline.entries.map(entryJson),
    }),
    metrics: compact({
      start: utc(m.start),
      detected: utc(m.detected),
      mitigated: utc(m.mitigated),
      resolved: utc(m.resolved),
      timeToDetectMinutes: m.timeToDetectMinutes,
      timeToMitigateMinutes: m.timeToMitigateMinutes,
      timeToResolveMinutes: m.timeToResolveMinutes,
    }),
    // Where each milestone behind the metrics was read, said as the CLI's JSON says it.
    milestones: milestonesJson(report.timeline.milestones),
    actionables: report.actionables.items.map((a) =>
      compact({ ...location(a.range), text: a.text, tasks: [...a.tasks], owner: a.owner, tags: [...a.tags], done: a.done }),
    ),
    findings: findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, ...location(f.range) })),
  });
}

/** Renders the structured report as pretty-printed JSON. */
export function renderJson(report: Report, findings: readonly Finding[] = []): string {
  return JSON.stringify(reportToJson(report, findings), null, 2) + '\n';
}
