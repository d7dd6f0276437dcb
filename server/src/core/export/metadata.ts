/**
 * The incident metadata every export shows (the Wikitech "incident metadata table"), read from
 * front matter and completed by what the timeline gives. Front matter is free-form YAML, so each
 * field accepts the few spellings people actually use and any scalar or list shape.
 */
import { parseIsoInstant } from '../report/iso-date.js';
import type { Report } from '../report/types.js';

/** A date or instant as written, and its UTC value when it parses. */
export interface MetaInstant {
  text: string;
  /** Milliseconds since the epoch; absent when the text is not ISO 8601. */
  utc?: number;
  /** False for a bare date (`2020-05-19`). */
  hasTime: boolean;
}

/** Normalized incident metadata. Lists are empty, not absent, when unknown. */
export interface ReportMetadata {
  id?: string;
  title?: string;
  status?: string;
  severity?: string;
  start?: MetaInstant;
  detected?: MetaInstant;
  end?: MetaInstant;
  tasks: string[];
  peoplePaged?: string;
  responderCount?: number;
  responders: string[];
  coordinators: string[];
  affectedMetrics: string[];
  impact?: string;
  /** How long the impact lasted, as the front matter writes it ("7h 45m"). */
  duration?: string;
}

/** Front matter spellings of each field, first match wins. */
const ALIASES = {
  id: ['id', 'incident_id', 'incident-id', 'incidentId'],
  status: ['status'],
  severity: ['severity'],
  start: ['start', 'started', 'start_time'],
  detected: ['detected', 'detected_at'],
  end: ['end', 'ended', 'end_time', 'resolved'],
  tasks: ['task', 'tasks'],
  paged: ['paged', 'people_paged', 'people-paged', 'peoplePaged', 'paged_num', 'paged-num'],
  responderCount: ['responder_count', 'responder-count', 'responderCount', 'responders_num', 'responders-num'],
  responders: ['responders'],
  coordinators: ['coordinators', 'coordinator', 'ic', 'incident_coordinator'],
  affected: ['affected_metrics', 'affected-metrics', 'affectedMetrics', 'metrics', 'slos', 'slo', 'affected'],
  impact: ['impact'],
  duration: ['duration', 'impact_duration', 'outage_duration', 'downtime'],
} as const;

function pick(data: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (data[name] !== undefined && data[name] !== null) return data[name];
  return undefined;
}

/** A scalar as text; undefined for empty values, lists and mappings. */
export function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** A scalar or a list of scalars as a list of non-empty texts; a comma list stays one item. */
function textList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalarText).filter((v): v is string => v !== undefined);
  const one = scalarText(value);
  return one === undefined ? [] : [one];
}

function instant(value: unknown): MetaInstant | undefined {
  const text = scalarText(value);
  if (text === undefined) return undefined;
  const parsed = parseIsoInstant(value);
  return parsed ? { text, utc: parsed.utc, hasTime: parsed.hasTime } : { text, hasTime: false };
}

function fromMetric(ms: number | undefined): MetaInstant | undefined {
  return ms === undefined ? undefined : { text: new Date(ms).toISOString(), utc: ms, hasTime: true };
}

/** How long the impact lasted, as the front matter writes it (its `duration` field or an alias). */
export function statedDuration(report: Report): string | undefined {
  return scalarText(pick(report.frontMatter?.data ?? {}, ALIASES.duration));
}

/**
 * Reads the metadata of `report`. Start, detection and end fall back to the timeline's
 * milestones, so that a report written in the older style (no front matter) still gets them.
 */
export function readMetadata(report: Report): ReportMetadata {
  const data = report.frontMatter?.data ?? {};
  const responders = pick(data, ALIASES.responders);
  const countValue = pick(data, ALIASES.responderCount);
  let responderCount: number | undefined;
  if (typeof countValue === 'number' && Number.isFinite(countValue)) responderCount = countValue;
  else if (typeof countValue === 'string' && /^\d+$/.test(countValue.trim())) responderCount = Number(countValue);
  else if (typeof responders === 'number' && Number.isFinite(responders)) responderCount = responders;
  else if (Array.isArray(responders)) responderCount = textList(responders).length;
  return {
    id: scalarText(pick(data, ALIASES.id)),
    title: report.title,
    status: scalarText(pick(data, ALIASES.status)),
    severity: scalarText(pick(data, ALIASES.severity)),
    start: instant(pick(data, ALIASES.start)) ?? fromMetric(report.metrics.start),
    detected: instant(pick(data, ALIASES.detected)) ?? fromMetric(report.metrics.detected),
    end: instant(pick(data, ALIASES.end)) ?? fromMetric(report.metrics.resolved),
    tasks: textList(pick(data, ALIASES.tasks)),
    peoplePaged: scalarText(pick(data, ALIASES.paged)),
    responderCount,
    responders: Array.isArray(responders) ? textList(responders) : [],
    coordinators: textList(pick(data, ALIASES.coordinators)),
    affectedMetrics: textList(pick(data, ALIASES.affected)),
    // Only front matter: an impact statement in the body is already on the page.
    impact: scalarText(pick(data, ALIASES.impact)),
    duration: statedDuration(report),
  };
}
