import { INCIDENT_STATUSES, REPORT_STATUSES, reportStatus } from '../../report/frontmatter.js';
import { parseIsoInstant, type IsoInstant } from '../../report/iso-date.js';
import type { Range, RuleFinding } from '../../types.js';
import type { ReportRule } from '../rule.js';

const DATE_FIELDS = ['start', 'detected', 'end'] as const;

/** Front matter that cannot be read, or whose values contradict each other. */
export const metadataInvalid: ReportRule = {
  meta: {
    id: 'metadata/invalid',
    defaultSeverity: 'error',
    description: 'Front matter is not a YAML mapping, or has an unknown status or type, a date that does not parse, or dates out of order.',
    tags: ['metadata'],
    fixable: 'none',
    target: 'report',
  },
  check({ report }) {
    const fm = report.frontMatter;
    if (!fm) return [];
    if (fm.error) {
      const prefix = /^front matter /i.test(fm.error.message) ? 'Front matter ' : 'Front matter is not valid YAML: ';
      return [{ message: prefix + fm.error.message.replace(/^front matter /i, '') + '.', range: fm.error.range }];
    }
    const data = fm.data ?? {};
    const findings: RuleFinding[] = [];
    const at = (key: string): Range => fm.fields[key] ?? fm.range;
    const present = (key: string): boolean => data[key] !== undefined && data[key] !== null && data[key] !== '';

    if (present('type') && data.type !== 'incident') {
      findings.push({ message: `Front matter "type" is ${show(data.type)}; an incident report has "type: incident".`, range: at('type') });
    }
    if (present('status') && reportStatus(String(data.status)) === undefined && !INCIDENT_STATUSES.includes(String(data.status).trim().toLowerCase())) {
      findings.push({ message: `Unknown status ${show(data.status)}: use one of ${REPORT_STATUSES.join(', ')} (the report's state), or one of ${INCIDENT_STATUSES.join(', ')} (the incident's).`, range: at('status') });
    }
    const dates: Partial<Record<(typeof DATE_FIELDS)[number], IsoInstant>> = {};
    for (const key of DATE_FIELDS) {
      if (!present(key)) continue;
      const parsed = parseIsoInstant(data[key]);
      if (parsed) dates[key] = parsed;
      else findings.push({ message: `Front matter "${key}" is ${show(data[key])}, which is not an ISO 8601 date or time (e.g. 2020-05-19 or 2020-05-19T00:28Z).`, range: at(key) });
    }
    const { start, detected, end } = dates;
    if (start && end && before(end, start)) {
      findings.push({ message: `Front matter "end" (${show(data.end)}) is before "start" (${show(data.start)}).`, range: at('end') });
    }
    if (start && detected && before(detected, start)) {
      findings.push({ message: `Front matter "detected" (${show(data.detected)}) is before "start" (${show(data.start)}).`, range: at('detected') });
    }
    return findings;
  },
};

/** True when `a` is certainly before `b`; a bare date is compared by calendar day only. */
function before(a: IsoInstant, b: IsoInstant): boolean {
  if (!a.hasTime || !b.hasTime) return a.date < b.date;
  return a.utc < b.utc;
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return '"' + (s.length > 40 ? s.slice(0, 37) + '…' : s) + '"';
}
