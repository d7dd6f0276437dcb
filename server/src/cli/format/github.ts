/**
 * GitHub Actions output: one workflow command per finding, which GitHub shows as an annotation on
 * the pull request without code-scanning rights, and a Markdown job summary
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
import { isAbsolute, relative } from 'node:path';
import type { Severity } from '../../core/types.js';
import { toPosix } from '../../node/walk.js';
import { metricsText } from '../../core/report/timeline/summary.js';
import { summaryLine } from './text.js';
import type { CheckRun, Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** A command's message: `%`, CR and LF would end or corrupt the command, so they are percent-encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=`, `title=`): also `:` and `,`, which separate the properties and the message. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A path as GitHub resolves annotation paths: relative to the repository checkout
 * (`GITHUB_WORKSPACE`, else the working directory), with forward slashes.
 */
function annotationPath(run: CheckRun, file: string): string {
  const base = run.env?.GITHUB_WORKSPACE || run.cwd;
  const rel = relative(base, file);
  return toPosix(rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel);
}

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<ruleId>::<message>` per finding, then the summary line. */
export const formatGithub: Formatter = (run) => {
  const out = run.findings.map((f) => {
    const props = [
      `file=${escapeProperty(annotationPath(run, f.file))}`,
      `line=${f.range.start.line + 1}`,
      `col=${f.range.start.character + 1}`,
      `endLine=${f.range.end.line + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeProperty(f.ruleId)}`,
    ];
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
  out.push(summaryLine(run));
  return out.join('\n') + '\n';
};

/** A table cell: a pipe would end the cell and a line break the row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The job summary (`GITHUB_STEP_SUMMARY`): counts, a table of the findings and a table of the metrics. */
export function githubJobSummary(run: CheckRun): string {
  const out = ['## Incident Scribe', '', summaryLine(run), ''];
  if (run.findings.length > 0) {
    out.push('| Severity | File | Line | Rule | Message |', '| --- | --- | --- | --- | --- |');
    for (const f of run.findings) {
      out.push(`| ${f.severity} | ${cell(annotationPath(run, f.file))} | ${f.range.start.line + 1} | ${cell(f.ruleId)} | ${cell(f.message)} |`);
    }
    out.push('');
  } else {
    out.push('No findings.', '');
  }
  if (run.reports.length > 0) {
    out.push('### Metrics (from the start of the impact)', '', '| Report | Time to detect · mitigate · resolve |', '| --- | --- |');
    for (const r of run.reports) out.push(`| ${cell(annotationPath(run, r.file))} | ${cell(metricsText(r.metrics).replace(/^time to detect /, ''))} |`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
