import { relative } from 'node:path';
import { metricsText, milestonesText } from '../../core/report/timeline/summary.js';
import type { Finding, Severity } from '../../core/types.js';
import { colors, type Colors } from '../io.js';
import type { CheckRun, Formatter } from './types.js';

/**
 * Human output: one line per finding (`file:line:col  severity  ruleId  message`, 1-based), a
 * summary line, then the metrics of each report.
 */
export const formatText: Formatter = (run, options) => {
  const c = colors(options.color);
  const out: string[] = [];
  const counts = countSeverities(run.findings);
  const width = Math.max(0, ...run.findings.map((f) => location(run.cwd, f.file, f.range.start).length));
  for (const f of run.findings) {
    const where = location(run.cwd, f.file, f.range.start);
    out.push(`${where.padEnd(width)}  ${paint(c, f.severity, f.severity.padEnd(7))}  ${c.gray(f.ruleId)}  ${oneLine(f.message)}`);
  }
  if (out.length > 0) out.push('');
  const summary = summaryLine(run);
  out.push(counts.error > 0 ? c.red(c.bold(summary)) : counts.warning > 0 ? c.yellow(summary) : summary);
  const { lookedAt, reports } = run.markdown;
  if (lookedAt > 0) {
    const why = lookedAt > reports ? ' (--verbose says why)' : '';
    out.push(`Looked at ${plural(lookedAt, 'Markdown file')}, took ${reports} as ${reports === 1 ? 'a report' : 'reports'}${why}.`);
  }
  if (run.reports.length > 0) {
    out.push('', c.bold('Metrics (from the start of the impact):'));
    const rows = run.reports.map((r) => [relative(run.cwd, r.file) || r.file, r.profile?.name ?? '', metricsText(r.metrics), milestonesText(r.milestones ?? {})]);
    const w = Math.max(...rows.map((r) => r[0].length));
    const pw = Math.max(...rows.map((r) => r[1].length));
    for (const [file, profile, metrics, milestones] of rows) {
      out.push(`  ${file.padEnd(w)}  ${c.gray(profile.padEnd(pw))}  ${metrics}`);
      out.push(`  ${''.padEnd(w)}  ${''.padEnd(pw)}  ${c.gray(milestones)}`);
    }
  }
  return out.join('\n') + '\n';
};

/** How many findings of each severity. */
export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `0 errors, 3 warnings, 1 info in 1 file (2 files checked, profile wikimedia)`. */
export function summaryLine(run: CheckRun): string {
  const counts = countSeverities(run.findings);
  const files = new Set(run.findings.map((f) => f.file)).size;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const profiles = profilesText(run);
  return `${parts.join(', ')} in ${plural(files, 'file')} (${plural(run.filesChecked, 'file')} checked${profiles ? ', ' + profiles : ''})`;
}

/**
 * `profile wikimedia` when one is configured; otherwise how many reports follow each profile
 * (`profiles found: google-sre 2, generic 1`).
 */
function profilesText(run: CheckRun): string | undefined {
  if (!run.config.autoProfile) return `profile ${run.config.profile.name}`;
  const counts = new Map<string, number>();
  for (const r of run.reports) if (r.profile) counts.set(r.profile.name, (counts.get(r.profile.name) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  return 'profiles found: ' + [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, n]) => `${name} ${n}`).join(', ');
}

/** A message quoting text across a line break still prints as one line. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function location(cwd: string, file: string, start: { line: number; character: number }): string {
  return `${relative(cwd, file) || file}:${start.line + 1}:${start.character + 1}`;
}

function paint(c: Colors, severity: Severity, text: string): string {
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : severity === 'info' ? c.blue(text) : c.gray(text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
