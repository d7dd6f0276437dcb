/**
 * `incident-scribe overview [DIR] [--format text|json|html] [-o OUT] [--force]`: every report
 * under DIR (default: the current folder) in one table, with summary figures and, in HTML, charts.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { exportOverview, OVERVIEW_FORMATS, type OverviewFormat, type OverviewInput } from '../core/export/index.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import { ownersListOf } from '../core/owners/index.js';
import { buildReport } from '../core/report/model.js';
import { findWorkspaceRoot } from '../node/config.js';
import { WorkspaceError } from '../node/errors.js';
import { readTextFile } from '../node/read.js';
import { collectFiles, toPosix } from '../node/walk.js';
import { parseCommandArgs } from './args.js';
import { configFor, emit, guarded, type CommandIO } from './export.js';
import { EXIT, UsageError } from './io.js';

export const OVERVIEW_USAGE = `Usage: incident-scribe overview [DIR] [--format text|json|html] [-o OUT] [--force]

Shows every incident report under DIR (default: the current directory), found as check finds
them: date, title, status, time to detect and resolve, actionables and open problems, with
medians, 90th percentiles, incidents per month and actionables per owner (open and done; with an
owners list, owners it does not know or lists as inactive are open problems). The html format is a self-contained page with
charts; json is described by docs/overview.schema.json.

Options:
  --format FORMAT   text (default), json or html
  -o, --output OUT  write to OUT instead of standard output; OUT is written atomically
  -f, --force       replace OUT if it exists (without it an existing file is never replaced)
  --config FILE     configuration file (default: found as for check)
  --help            show this help

Exit codes: 0 written, 2 usage or I/O problem (unreadable reports are named and skipped).
`;

/** Runs the overview command with `args` (after the command name); resolves to the exit code. */
export function runOverview(args: string[], io: CommandIO): Promise<number> {
  return guarded('overview', io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', short: 'f', default: false },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      io.stdout(OVERVIEW_USAGE);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError('overview takes one directory');
    const format = String(values.format) as OverviewFormat;
    if (!OVERVIEW_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OVERVIEW_FORMATS.join(', ')} (got "${values.format}")`);
    const dirArg = positionals[0] ?? '.';
    const dir = resolve(io.cwd, dirArg);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) throw new WorkspaceError(`${dirArg} is not a directory`);
    const config = configFor(dirArg, io, values.config, undefined);
    // The report globs are relative to the workspace root, as for check.
    const files = await collectFiles({ root: findWorkspaceRoot(dir, io.cwd), config, paths: [dirArg], cwd: io.cwd, collect: { reports: true, php: false } });
    let trouble = false;
    const warn = (path: string, message: string) => {
      trouble = true;
      io.stderr(`incident-scribe: ${relative(io.cwd, path) || path}: ${message}\n`);
    };
    for (const problem of files.problems) warn(problem.path, problem.message);
    // Paths as seen from where the output goes, so the HTML page's links open the reports.
    const base = values.output !== undefined ? dirname(resolve(io.cwd, values.output)) : io.cwd;
    const parser = new MarkdownParser();
    const inputs: OverviewInput[] = [];
    for (const abs of files.reports) {
      const read = readTextFile(abs);
      if (!read.ok) {
        warn(abs, read.reason);
        continue;
      }
      const shown = toPosix(relative(base, abs)) || abs;
      inputs.push({ file: shown, report: buildReport(shown, read.text, parser, config), owners: ownersListOf(config) });
    }
    const code = await emit(exportOverview(inputs, format, io.now ? io.now() : Date.now()), values.output, values.force === true, io);
    return trouble ? EXIT.trouble : code;
  });
}

/** The entry of the command table. */
export const overviewCommand = {
  name: 'overview',
  summary: 'all incident reports of a directory in one table, with charts in html',
  usage: OVERVIEW_USAGE,
  run: runOverview,
};
