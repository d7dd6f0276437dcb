/**
 * `incident-scribe overview [DIR] [--format text|json|html] [-o OUT] [--force]`: every report
 * under DIR (default: the current folder) in one table, with summary figures and, in HTML, charts.
 */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../core/config/config.js';
import { exportOverview, OVERVIEW_FORMATS, type OverviewFormat, type OverviewInput } from '../core/export/index.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import { buildReport } from '../core/report/model.js';
import { describeError, emit, processIO, readTextFile, type CommandIO } from './export.js';
import { findReportFiles } from './overview-files.js';

export const OVERVIEW_USAGE = 'usage: incident-scribe overview [DIR] [--format text|json|html] [-o OUT] [--force]';

const OVERVIEW_HELP = `${OVERVIEW_USAGE}

Shows every incident report under DIR (default: the current folder): date, title, status, time
to detect and resolve, actionables and open problems, with medians, 90th percentiles and
incidents per month. The html format is a self-contained page with charts.

Options:
  --format FORMAT  text (default), json or html
  -o, --output OUT write to OUT instead of standard output; OUT is written atomically
  -f, --force      replace OUT if it exists (without it an existing file is never replaced)
  -h, --help       show this help

Exit codes: 0 written, 2 usage or I/O problem.
`;

/** Runs the overview command with `args` (after the command name); resolves to the exit code. */
export async function run(args: string[], io: CommandIO = processIO()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', short: 'f', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`incident-scribe overview: ${(error as Error).message.split('\n')[0]}\n${OVERVIEW_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(OVERVIEW_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`incident-scribe overview: overview takes one folder\n${OVERVIEW_USAGE}\n`);
    return 2;
  }
  const format = values.format as OverviewFormat;
  if (!OVERVIEW_FORMATS.includes(format)) {
    io.stderr(`incident-scribe overview: unknown format "${values.format}"; choose one of ${OVERVIEW_FORMATS.join(', ')}\n`);
    return 2;
  }
  const dirArg = positionals[0] ?? '.';
  const dir = resolve(io.cwd, dirArg);
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    io.stderr(`incident-scribe overview: ${dirArg} is not a folder\n`);
    return 2;
  }
  const config = io.config ?? defaultConfig();
  const files = await findReportFiles(dir, config.reportGlobs);
  // Paths as seen from where the output goes, so the HTML page's links open the reports.
  const base = values.output !== undefined ? dirname(resolve(io.cwd, values.output)) : io.cwd;
  const parser = new MarkdownParser();
  const inputs: OverviewInput[] = [];
  for (const abs of files) {
    const shown = relative(base, abs).split(sep).join('/') || abs;
    let text: string;
    try {
      text = await readTextFile(abs);
    } catch (error) {
      io.stderr(`incident-scribe overview: skipping ${shown}: ${describeError(error)}\n`);
      continue;
    }
    inputs.push({ file: shown, report: buildReport(shown, text, parser, config) });
  }
  const now = io.now ? io.now() : Date.now();
  return emit(exportOverview(inputs, format, now), values.output, values.force ?? false, io, 'overview');
}

/** The entry of the command table. */
export const overviewCommand = {
  name: 'overview',
  summary: 'all incident reports of a folder in one table, with charts in html',
  usage: OVERVIEW_HELP,
  run: (args: string[], io: CommandIO) => run(args, io),
};
