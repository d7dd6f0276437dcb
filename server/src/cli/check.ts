/**
 * `incident-scribe check [paths…]`: checks incident reports and PHP cache key construction, and
 * prints the findings as text, JSON or SARIF.
 */
import { relative, resolve } from 'node:path';
import { compareRanges, type Finding } from '../core/types.js';
import { findWorkspaceRoot, loadConfig } from '../node/config.js';
import { readTextFile } from '../node/read.js';
import { ReportWorkers } from '../node/report-workers.js';
import { userCacheDir } from '../node/key-cache.js';
import { collectFiles } from '../node/walk.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import type { CheckedReport, CheckRun, Formatter } from './format/types.js';
import { EXIT, UsageError, useColors, type CliIO } from './io.js';
import type { CliCommand } from './main.js';
import { parseCommandArgs } from './args.js';
import { checkPhpFiles } from './php.js';
import { VERSION } from './version.js';

const FORMATTERS: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif };

const USAGE = `Usage: incident-scribe check [paths…] [options]

Checks incident reports (Markdown) and cache key scope in PHP. A Markdown file named on the
command line is always checked; in a directory, a Markdown file is checked when it matches the
report globs of the configuration, has front matter "type: incident", or reads as a postmortem
(a timeline and an impact, cause, actions, resolution or lessons section); READMEs, indexes and
templates never are. PHP files named or found are checked
together as one workspace (keys/* rules), except under the keys.exclude folders (default: vendor).
Without paths, the current directory is checked.

Options:
  --format text|json|sarif  output format (default: text)
  --profile NAME            report profile: auto (default: each report gets the built-in profile
                            its headings follow), wikimedia, google-sre, pagerduty, atlassian,
                            generic, minimal or one of the config
  --config FILE             configuration file (default: .incident-scribe.json/.yaml/.yml at the
                            workspace root, the nearest directory above the first path that has one)
  --no-color                no colors in text output (also: NO_COLOR=1)
  --jobs N                  reports checked at once, in worker threads (default: the cores,
                            2 to 4); 1 checks them one after another
  --no-cache                read every PHP file, without the persistent key index kept in the
                            user's cache folder ($XDG_CACHE_HOME/incident-scribe, else
                            ~/.cache/incident-scribe)
  --verbose                 say on stderr why each Markdown file was or was not taken as a
                            report, and what the PHP key scan read, parsed and reused
  --help                    show this help

Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or I/O problem.
`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check incident reports and print findings and metrics',
  usage: USAGE,
  run: runCheck,
};

async function runCheck(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' },
    profile: { type: 'string' },
    config: { type: 'string' },
    'no-color': { type: 'boolean', default: false },
    jobs: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const format = String(values.format);
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`--format must be one of ${Object.keys(FORMATTERS).join(', ')} (got "${format}")`);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs takes a whole number of at least 1 (got "${String(values.jobs)}")`);
  const paths = positionals.length > 0 ? positionals : ['.'];
  const root = findWorkspaceRoot(resolve(io.cwd, paths[0]), io.cwd);
  const config = loadConfig({
    root,
    configFile: values.config === undefined ? undefined : resolve(io.cwd, String(values.config)),
    profile: values.profile === undefined ? undefined : String(values.profile),
  });
  const files = await collectFiles({ root, config, paths, cwd: io.cwd });

  let trouble = false;
  const warn = (file: string, message: string) => {
    trouble = true;
    io.stderr(`incident-scribe: ${relative(io.cwd, file) || file}: ${message}\n`);
  };
  for (const problem of files.problems) warn(problem.path, problem.message);
  if (values.verbose) {
    for (const { path, decision } of files.markdown) {
      io.stderr(`incident-scribe: ${relative(io.cwd, path) || path}: ${decision.report ? 'report' : 'not a report'}: ${decision.reason}\n`);
    }
  }
  // A mistake in an owners file is worth a line, but the rest of the file still counts: no trouble.
  for (const source of config.owners.sources) {
    for (const p of source.problems) io.stderr(`incident-scribe: ${relative(io.cwd, p.file) || p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
  }

  const reports: CheckedReport[] = [];
  const findings: Finding[] = [];
  let filesChecked = 0;
  // Reports are checked in parallel in worker threads (one report needs none); results and
  // messages are taken in file order, so the output is the same as checking one after another.
  const workers = new ReportWorkers({ threads: jobs === 1 || files.reports.length < 2 ? 0 : jobs });
  try {
    const jobsInOrder = files.reports.map((file) => {
      const read = readTextFile(file);
      return { file, read, job: read.ok ? workers.analyse({ key: file, file, text: read.text, config }) : undefined };
    });
    for (const { file, read, job } of jobsInOrder) {
      if (!read.ok || !job) {
        if (!read.ok) warn(file, read.reason);
        continue;
      }
      try {
        const { snapshot } = await job.result;
        findings.push(...snapshot.findings);
        reports.push({ file, title: snapshot.title, profile: snapshot.profile, metrics: snapshot.metrics, milestones: snapshot.timeline.milestones });
        filesChecked++;
      } catch (error) {
        warn(file, `internal error while checking: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
      }
    }
  } finally {
    workers.dispose();
  }
  const php = await checkPhpFiles(files.php, {
    root,
    config,
    problem: warn,
    note: (message) => io.stderr(`incident-scribe: note: ${message}\n`),
    cacheDir: values['no-cache'] ? undefined : userCacheDir(io.env),
    verbose: values.verbose ? (line) => io.stderr(`incident-scribe: ${line}\n`) : undefined,
  });
  findings.push(...php.findings);
  filesChecked += php.checked;

  const order = new Map([...files.reports, ...files.php].map((f, i) => [f, i]));
  findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
  const markdown = { lookedAt: files.markdown.length, reports: files.markdown.filter((m) => m.decision.report).length };
  const run: CheckRun = { cwd: io.cwd, root, config, reports, findings, filesChecked, markdown };
  io.stdout(formatter(run, { color: format === 'text' && useColors(io, values['no-color'] === true), version: VERSION }));
  if (trouble) return EXIT.trouble;
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
