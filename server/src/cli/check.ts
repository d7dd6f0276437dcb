/**
 * `incident-scribe check [paths…]`: checks incident reports and PHP cache key construction, and
 * prints the findings as text, JSON, SARIF or GitHub workflow commands; `--fix` repairs what can be
 * repaired with certainty.
 */
import { appendFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../core/config/config.js';
import { applyOverrides } from '../core/config/overrides.js';
import type { ReportFixContext } from '../core/fix/report.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import { compareRanges, type Finding } from '../core/types.js';
import { findWorkspaceRoot, loadConfig } from '../node/config.js';
import { readTextFile } from '../node/read.js';
import type { ReportSnapshot } from '../node/report-snapshot.js';
import { ReportWorkers } from '../node/report-workers.js';
import { userCacheDir } from '../node/key-cache.js';
import { Templates } from '../node/templates.js';
import { collectFiles, toPosix } from '../node/walk.js';
import { formatGithub, githubJobSummary } from './format/github.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import type { CheckedReport, CheckRun, Formatter } from './format/types.js';
import { EXIT, UsageError, useColors, type CliIO } from './io.js';
import type { CliCommand } from './main.js';
import { parseCommandArgs } from './args.js';
import { computeFixes, describeFixes, diffFixes, writeFixes } from './fix.js';
import { checkPhpFiles, type PhpCheckContext } from './php.js';
import { VERSION } from './version.js';

const FORMATTERS: Record<string, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub };

const USAGE = `Usage: incident-scribe check [paths…] [options]

Checks incident reports (Markdown) and cache key scope in PHP. A Markdown file named on the
command line is always checked; in a directory, a Markdown file is checked when it matches the
report globs of the configuration, has front matter "type: incident", or reads as a postmortem
(a timeline and an impact, cause, actions, resolution or lessons section); READMEs, indexes and
templates never are. PHP files named or found are checked
together as one workspace (keys/* rules), except under the keys.exclude folders (default: vendor).
Without paths, the current directory is checked.

Options:
  --format text|json|sarif|github
                            output format (default: text); github writes workflow commands
                            (annotations) and, with GITHUB_STEP_SUMMARY set, a job summary
  --max-warnings N          exit 1 when there are more than N warnings
  --fix                     apply every automatic fix, write the files, then check again
  --fix-dry-run             print the automatic fixes as a unified diff; change nothing
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

Exit codes: 0 no error-severity finding (and no more warnings than --max-warnings),
1 at least one (or too many warnings), 2 usage or I/O problem.
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
    'max-warnings': { type: 'string' },
    fix: { type: 'boolean', default: false },
    'fix-dry-run': { type: 'boolean', default: false },
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
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
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

  const parser = new MarkdownParser();
  const templates = new Templates();
  // Each report under its own configuration: the workspace's with the overrides that match it.
  const contextFor = (file: string): ReportFixContext => {
    const own = applyOverrides(config, toPosix(relative(root, file)));
    return { config: own, parser, templateFor: (profile) => templates.get(profile) };
  };
  const php: CheckAllContext['php'] = {
    note: (message) => io.stderr(`incident-scribe: note: ${message}\n`),
    cacheDir: values['no-cache'] ? undefined : userCacheDir(io.env),
    verbose: values.verbose ? (line) => io.stderr(`incident-scribe: ${line}\n`) : undefined,
  };
  let outcome = await checkAll(files.reports, files.php, { contextFor, config, root, jobs, php, warn });
  if (values['fix-dry-run'] || values.fix) {
    const fixes = await computeFixes({ reports: files.reports, php: files.php, findings: outcome.findings, config, contextFor, keyIndex: outcome.keyIndex, problem: warn });
    if (values['fix-dry-run']) {
      io.stdout(diffFixes(io.cwd, fixes.files));
      io.stderr(describeFixes(io.cwd, fixes.files).replace(/^Fixed /gm, 'Would fix '));
      if (trouble) return EXIT.trouble;
      return fixes.remaining.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
    }
    const written = await writeFixes(fixes.files, warn);
    // What was changed goes where it cannot break machine-readable output.
    (format === 'text' ? io.stdout : io.stderr)(describeFixes(io.cwd, written) + (format === 'text' ? '\n' : ''));
    if (written.length > 0) outcome = await checkAll(files.reports, files.php, { contextFor, config, root, jobs, php: { ...php, verbose: undefined }, warn: () => undefined });
  }

  const { findings, reports, filesChecked } = outcome;
  const order = new Map([...files.reports, ...files.php].map((f, i) => [f, i]));
  findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
  const markdown = { lookedAt: files.markdown.length, reports: files.markdown.filter((m) => m.decision.report).length };
  const run: CheckRun = { cwd: io.cwd, root, config, reports, findings, filesChecked, markdown, env: io.env };
  io.stdout(formatter(run, { color: format === 'text' && useColors(io, values['no-color'] === true), version: VERSION }));
  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(io.env.GITHUB_STEP_SUMMARY, githubJobSummary(run));
    } catch (error) {
      warn(io.env.GITHUB_STEP_SUMMARY, `cannot write the job summary (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  if (trouble) return EXIT.trouble;
  if (findings.some((f) => f.severity === 'error')) return EXIT.findings;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`incident-scribe: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function parseMaxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a whole number of 0 or more (got "${text}")`);
  return Number(text);
}

/** What one pass over the files needs. */
interface CheckAllContext {
  /** Worker threads for the reports (`--jobs`). */
  jobs: number | undefined;
  /** The configuration, parser and template of one report. */
  contextFor(file: string): ReportFixContext;
  /** The workspace configuration (PHP files are checked under it). */
  config: ResolvedConfig;
  root: string;
  /** The PHP scan's persistent index and what it says (`--no-cache`, `--verbose`). */
  php: Pick<PhpCheckContext, 'note' | 'cacheDir' | 'verbose'>;
  warn(file: string, message: string): void;
}

/** Checks every report and the PHP files together; a file that cannot be read is named and skipped. */
async function checkAll(reportFiles: readonly string[], phpFiles: string[], context: CheckAllContext) {
  const { contextFor, config, warn } = context;
  const reports: CheckedReport[] = [];
  const findings: Finding[] = [];
  let filesChecked = 0;
  // Reports are checked in parallel in worker threads (one report needs none); results and
  // messages are taken in file order, so the output is the same as checking one after another.
  const { jobs } = context;
  const workers = new ReportWorkers({ threads: jobs === 1 || reportFiles.length < 2 ? 0 : jobs });
  try {
    const jobsInOrder = reportFiles.map((file) => {
      const read = readTextFile(file);
      const job = read.ok ? workers.analyse({ key: file, file, text: read.text, config: contextFor(file).config }) : undefined;
      // Awaited in file order below: a job that fails while an earlier one is awaited must not be
      // an unhandled rejection (which ends the process with a stack trace).
      job?.result.catch(() => undefined);
      return { file, read, job };
    });
    for (const { file, read, job } of jobsInOrder) {
      if (!read.ok || !job) {
        if (!read.ok) warn(file, read.reason);
        continue;
      }
      try {
        const { snapshot } = await job.result;
        findings.push(...withSectionInserts(snapshot));
        reports.push({ file, title: snapshot.title, profile: snapshot.profile, metrics: snapshot.metrics, milestones: snapshot.timeline.milestones });
        filesChecked++;
      } catch (error) {
        warn(file, `internal error while checking: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
      }
    }
  } finally {
    workers.dispose();
  }
  const php = await checkPhpFiles(phpFiles, { ...context.php, root: context.root, config, problem: warn });
  findings.push(...php.findings);
  filesChecked += php.checked;
  return { reports, findings, filesChecked, keyIndex: php.index };
}

/**
 * The findings of a snapshot with the section insertions (from the profile's template) attached
 * to each `report/missing-section` finding, so that the formats and `--fix` see it as a fix.
 */
function withSectionInserts(snapshot: ReportSnapshot): Finding[] {
  return snapshot.findings.map((finding) => {
    if (finding.ruleId !== 'report/missing-section') return finding;
    // One finding names every missing section: one insertion per section it names.
    const inserts = snapshot.absent.filter((a) => a.insert && finding.message.includes(`"${a.title}"`)).map((a) => ({ title: `Insert section "${a.title}"`, edits: [a.insert!] }));
    return inserts.length > 0 ? { ...finding, fixes: [...inserts, ...(finding.fixes ?? [])] } : finding;
  });
}
