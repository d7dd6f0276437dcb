/**
 * HTML export: one self-contained page (inline CSS, no script, a Content-Security-Policy that
 * forbids loading or running anything) with the metadata, a metrics box, the report body and
 * the timeline as a table. Report content is sanitized (see html-content.ts); everything the
 * tool adds is built as hast, so all text is escaped on output.
 */
import type { Element, ElementContent } from 'hast';
import type { Report } from '../report/types.js';
import type { Finding } from '../types.js';
import { reportStatus } from '../report/frontmatter.js';
import { displayUtc } from '../report/iso-date.js';
import { formatMinutes } from './format.js';
import { documentRoot, h, stringifyHast, type Child } from './hast.js';
import { reportBodyHast } from './html-content.js';
import { PAGE_CSS } from './html-style.js';
import { readMetadata, type MetaInstant, type ReportMetadata } from './metadata.js';
import { splitTaskIds, taskUrl } from './tasks.js';

/** The policy of every exported page: inline styles and data: images only; no script at all. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The `<head>` shared by the report page and the overview page. */
export function pageHead(title: string): Element {
  return h(
    'head',
    {},
    h('meta', { charSet: 'utf-8' }),
    h('meta', { httpEquiv: ['Content-Security-Policy'], content: PAGE_CSP }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('meta', { name: 'generator', content: 'Incident Scribe' }),
    h('title', {}, title),
    h('style', {}, PAGE_CSS),
  );
}

/** Renders `report` as a standalone HTML page; findings are listed at the end when there are any. */
export function renderHtml(report: Report, findings: readonly Finding[] = []): string {
  const meta = readMetadata(report);
  const title = meta.title ?? fileTitle(report.file);
  const body = h(
    'body',
    {},
    h('header', { className: ['report-header'] }, statusBadge(meta.status), h('h1', {}, title), metadataTable(meta)),
    metricsBox(report),
    h('main', { className: ['report-body'] }, reportBodyHast(report).children as ElementContent[]),
    findingsList(findings),
    h('footer', {}, `Exported by Incident Scribe from ${baseName(report.file)}. All times are UTC.`),
  );
  return stringifyHast(documentRoot(h('html', { lang: 'en' }, pageHead(title), body)));
}

function statusBadge(status: string | undefined): Element | undefined {
  if (!status) return undefined;
  const known = reportStatus(status) ?? 'unknown';
  return h('p', { className: ['status', `status-${known}`], title: 'Report status' }, status);
}

/** Text with task ids as links to the tracker. */
export function withTaskLinks(text: string): Child[] {
  return splitTaskIds(text).map((p) => (p.kind === 'task' ? h('a', { href: taskUrl(p.task) }, p.text) : p.text));
}

function instantText(value: MetaInstant | undefined): string | undefined {
  if (!value) return undefined;
  return value.utc !== undefined && value.hasTime ? displayUtc(value.utc) : value.text;
}

function metadataTable(meta: ReportMetadata): Element | undefined {
  const rows: [string, Child[] | string | undefined][] = [
    ['Incident ID', meta.id],
    ['Start', instantText(meta.start)],
    ['End', instantText(meta.end)],
    ['Task', meta.tasks.length ? meta.tasks.flatMap((t, i) => [i ? ', ' : '', ...withTaskLinks(t)]) : undefined],
    ['People paged', meta.peoplePaged],
    ['Responder count', meta.responderCount === undefined ? undefined : String(meta.responderCount)],
    ['Coordinators', meta.coordinators.length ? meta.coordinators.join(', ') : undefined],
    ['Affected metrics/SLOs', meta.affectedMetrics.length ? meta.affectedMetrics.join(', ') : undefined],
    ['Impact', meta.impact],
  ];
  const present = rows.filter(([, v]) => v !== undefined && v !== '');
  if (present.length === 0) return undefined;
  return h(
    'table',
    { className: ['metadata'] },
    h('tbody', {}, present.map(([label, value]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value as Child)))),
  );
}

/** The metrics box: durations from impact start and the instants they come from. */
function metricsBox(report: Report): Element {
  const m = report.metrics;
  const item = (label: string, value: string | undefined): Element =>
    h('div', {}, h('dt', {}, label), value === undefined ? h('dd', { className: ['unknown'] }, 'unknown') : h('dd', {}, value));
  const minutes = (v: number | undefined) => (v === undefined ? undefined : formatMinutes(v));
  const at = (v: number | undefined) => (v === undefined ? undefined : displayUtc(v));
  return h(
    'aside',
    { className: ['metrics'], ariaLabel: 'Metrics' },
    h('h2', {}, 'Metrics'),
    h(
      'dl',
      {},
      item('Time to detect', minutes(m.timeToDetectMinutes)),
      item('Time to mitigate', minutes(m.timeToMitigateMinutes)),
      item('Time to resolve', minutes(m.timeToResolveMinutes)),
      item('Impact started', at(m.start)),
      item('Detected', at(m.detected)),
      item('Resolved', at(m.resolved)),
    ),
  );
}

function findingsList(findings: readonly Finding[]): Element | undefined {
  if (findings.length === 0) return undefined;
  return h(
    'section',
    { className: ['findings'] },
    h(
      'details',
      {},
      h('summary', {}, `Checks: ${findings.length} finding${findings.length === 1 ? '' : 's'}`),
      h(
        'ul',
        {},
        findings.map((f) =>
          h('li', {}, h('span', { className: [`sev-${f.severity}`] }, f.severity), ` line ${f.range.start.line + 1} `, h('code', {}, f.ruleId), ' ', f.message),
        ),
      ),
    ),
  );
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

function fileTitle(file: string): string {
  return baseName(file).replace(/\.(md|markdown)$/i, '') || 'Incident report';
}
