/**
 * Alertmanager alert history: webhook payloads (`{"status", "alerts": [...]}`), one per line or
 * as an array, and the API's list of alerts. Each alert gives an entry when it started firing
 * (`startsAt`) and, once resolved, one when it ended (`endsAt`). The same alert sent again in a
 * later notification is one entry.
 */
import type { CancellationToken } from '../types.js';
import { throwIfCancelled } from '../types.js';
import { readInstant } from './clock.js';
import { taskIds, type LogEntry, type ParsedSource, type SkippedLine } from './types.js';

interface Alert {
  status?: string | { state?: string };
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  fingerprint?: string;
}

/** Where the JSON values of a text are: the whole text, or one per line (NDJSON). */
export function jsonValues(text: string): { value: unknown; line: number }[] | undefined {
  try {
    return [{ value: JSON.parse(text) as unknown, line: 0 }];
  } catch {
    const out: { value: unknown; line: number }[] = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      try {
        out.push({ value: JSON.parse(lines[i]) as unknown, line: i + 1 });
      } catch {
        return undefined;
      }
    }
    return out.length > 0 ? out : undefined;
  }
}

const isAlert = (v: unknown): v is Alert => typeof v === 'object' && v !== null && 'startsAt' in v;

/** The alerts of one JSON value: a payload, a list of payloads, a list of alerts. */
function alertsOf(value: unknown): Alert[] {
  if (Array.isArray(value)) return value.flatMap(alertsOf);
  if (isAlert(value)) return [value];
  if (typeof value === 'object' && value !== null && Array.isArray((value as { alerts?: unknown }).alerts)) return (value as { alerts: unknown[] }).alerts.filter(isAlert);
  return [];
}

/** True when the text is Alertmanager JSON (for the detector). */
export function looksLikeAlertmanager(text: string): boolean {
  const head = text.slice(0, 4000);
  return /"startsAt"\s*:/.test(head) && (/"alerts"\s*:/.test(head) || /"labels"\s*:/.test(head));
}

const stateOf = (a: Alert): string | undefined => (typeof a.status === 'string' ? a.status : a.status?.state);

/** Reads Alertmanager JSON. A value that is not an alert payload is reported and skipped. */
export function parseAlertmanager(file: string, text: string, token?: CancellationToken): ParsedSource {
  const entries: LogEntry[] = [];
  const skipped: SkippedLine[] = [];
  const values = jsonValues(text);
  if (!values) return { format: 'alerts', entries, skipped: [{ file, line: 0, reason: 'not JSON, nor one JSON value per line' }], ignored: 0 };
  const seen = new Set<string>();
  for (const { value, line } of values) {
    throwIfCancelled(token);
    const alerts = alertsOf(value);
    if (alerts.length === 0) {
      skipped.push({ file, line, reason: 'no alerts with "startsAt" in this value' });
      continue;
    }
    for (const a of alerts) {
      const name = a.labels?.alertname ?? 'unnamed alert';
      const where = a.labels?.instance ?? a.labels?.service ?? a.labels?.job;
      const summary = (a.annotations?.summary ?? a.annotations?.description ?? '').replace(/\s+/g, ' ').trim();
      const id = a.fingerprint ?? JSON.stringify(a.labels ?? {});
      const on = where ? ` on ${where}` : '';
      const started = a.startsAt ? readInstant(a.startsAt) : undefined;
      if (!started || !('utc' in started)) {
        skipped.push({ file, line, reason: `alert ${name}: "startsAt" is not a time with a zone` });
        continue;
      }
      const push = (utc: number, text: string, key: string): void => {
        if (seen.has(key)) return;
        seen.add(key);
        const e: LogEntry = { utc, text, file, line };
        const tasks = taskIds(text);
        if (tasks) e.tasks = tasks;
        entries.push(e);
      };
      // "Alert NAME firing" and "Alert NAME resolved" are what the milestone lexicon reads.
      push(started.utc, `Alert ${name} firing${on}${summary ? `: ${summary}` : ''}`, `${id} firing ${started.utc}`);
      if (stateOf(a) === 'resolved' && a.endsAt) {
        const ended = readInstant(a.endsAt);
        if (ended && 'utc' in ended && ended.utc > 0) push(ended.utc, `Alert ${name} resolved${on}`, `${id} resolved ${ended.utc}`);
        else skipped.push({ file, line, reason: `alert ${name}: "endsAt" is not a time with a zone` });
      }
    }
  }
  return { format: 'alerts', entries, skipped, ignored: 0 };
}
