/**
 * The overview as text (for a terminal) and JSON (for scripts). The HTML page is in
 * overview-html.ts.
 */
import { formatMinutes } from './format.js';
import type { DurationStats, Overview } from './overview.js';
import { ownerNote } from './overview-owners.js';

export const OVERVIEW_JSON_VERSION = 1;

/** Overview formats. */
export type OverviewFormat = 'text' | 'json' | 'html';
export const OVERVIEW_FORMATS: readonly OverviewFormat[] = ['text', 'json', 'html'];

const minutes = (v: number | undefined) => (v === undefined ? '—' : formatMinutes(v));

function statsLine(label: string, s: DurationStats): string {
  if (s.count === 0) return `${label}: not known for any incident`;
  return `${label}: median ${minutes(s.median)}, 90th percentile ${minutes(s.p90)} (${s.count} incident${s.count === 1 ? '' : 's'})`;
}

/** Rows under a header, columns padded to their widest cell; the last column is not padded. */
function textTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => Array.from(r[c]).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell + ' '.repeat(widths[c] - Array.from(cell).length)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** A plain-text table; columns are padded, titles shortened to keep lines readable. */
export function renderOverviewText(overview: Overview): string {
  const header = ['Date', 'Status', 'TTD', 'TTR', 'Actions', 'Problems', 'Title'];
  const rows = overview.incidents.map((i) => [
    i.date ?? '—',
    i.status ?? '—',
    minutes(i.timeToDetectMinutes),
    minutes(i.timeToResolveMinutes),
    String(i.actionables),
    String(i.problems.length),
    oneLine(i.title),
  ]);
  const out = [`Incident overview: ${overview.incidents.length} report${overview.incidents.length === 1 ? '' : 's'} (as of ${overview.generatedAt})`, ''];
  if (overview.incidents.length === 0) out.push('No incident reports found.');
  else out.push(...textTable(header, rows));
  out.push('', statsLine('Time to detect', overview.timeToDetect), statsLine('Time to resolve', overview.timeToResolve));
  if (overview.perMonth.length > 0) {
    out.push('', 'Incidents per month:');
    const max = Math.max(...overview.perMonth.map((m) => m.count));
    for (const m of overview.perMonth) out.push(`  ${m.month}  ${'#'.repeat(Math.round((m.count / Math.max(max, 1)) * 30))}${m.count ? ' ' : ''}${m.count}`);
  }
  if (overview.owners.length > 0) {
    out.push('', 'Actionables per owner:');
    const owners = overview.owners.map((o) => [oneLine(o.owner), String(o.open), String(o.done), ownerNote(o)]);
    out.push(...textTable(['Owner', 'Open', 'Done', 'Note'], owners).map((l) => `  ${l}`));
  }
  const withProblems = overview.incidents.filter((i) => i.problems.length > 0);
  if (withProblems.length > 0) {
    out.push('', `Open problems (${overview.problemCount}):`);
    for (const i of withProblems) {
      for (const p of i.problems) out.push(`  ${i.file}${p.line ? ':' + p.line : ''}  ${oneLine(p.message)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The overview as JSON, with a format version. */
export function renderOverviewJson(overview: Overview): string {
  return JSON.stringify({ version: OVERVIEW_JSON_VERSION, ...overview }, null, 2) + '\n';
}

/** Control characters and line breaks of author text would break the table layout. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
