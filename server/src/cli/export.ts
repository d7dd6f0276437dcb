/**
 * `incident-scribe export FILE --to wikitext|html|json [-o OUT] [--force]`: prints the export,
 * or writes it atomically to OUT, never replacing an existing file without `--force`.
 */
import { resolve } from 'node:path';
import { checkReport } from '../core/check.js';
import type { ResolvedConfig } from '../core/config/config.js';
import { EXPORT_FORMATS, exportReport, isExportFormat } from '../core/export/index.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import { describeIoError, findWorkspaceRoot, loadConfig } from '../node/config.js';
import { WorkspaceError } from '../node/errors.js';
import { readTextFile } from '../node/read.js';
import { FileExistsError, writeFileAtomic } from '../node/write-file.js';
import { parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CliIO } from './io.js';

/** What the export and overview commands use of a command-line run; tests pass their own. */
export type CommandIO = Pick<CliIO, 'stdout' | 'stderr' | 'cwd'> & Partial<Pick<CliIO, 'stderrIsTTY' | 'env'>> & {
  /** Current time in ms; the overview's "now". */
  now?: () => number;
};

export const EXPORT_USAGE = `Usage: incident-scribe export FILE --to wikitext|html|json [-o OUT] [--force]

Exports one report for a wiki (wikitext), a browser (html, one self-contained page) or an
incident database (json, described by docs/report.schema.json).

Options:
  --to FORMAT       wikitext, html or json
  -o, --output OUT  write to OUT instead of standard output; OUT is written atomically
  -f, --force       replace OUT if it exists (without it an existing file is never replaced)
  --profile NAME    report profile for the findings the html and json include
  --config FILE     configuration file (default: found as for check)
  --help            show this help

Exit codes: 0 exported, 2 usage or I/O problem.
`;

/** The configuration that applies to `path`, as `check` finds it. */
export function configFor(path: string, io: CommandIO, configFile: unknown, profile: unknown): ResolvedConfig {
  return loadConfig({
    root: findWorkspaceRoot(resolve(io.cwd, path), io.cwd),
    configFile: configFile === undefined ? undefined : resolve(io.cwd, String(configFile)),
    profile: profile === undefined ? undefined : String(profile),
  });
}

/** Writes `text` to `out` (atomically) or to stdout; resolves to the exit code. */
export async function emit(text: string, out: string | undefined, force: boolean, io: CommandIO): Promise<number> {
  if (out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, out), text, { overwrite: force });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof FileExistsError) throw new WorkspaceError(`${out} already exists; use --force to replace it`);
    throw new WorkspaceError(`${out}: cannot write (${describeIoError(error)})`);
  }
}

/**
 * Runs a command body, turning usage and workspace problems into one line on stderr and exit
 * code 2 (the dispatcher does the same; this keeps the command modules usable on their own).
 */
export async function guarded(command: string, io: CommandIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`incident-scribe: ${error.message} (see incident-scribe ${command} --help)\n`);
      return EXIT.trouble;
    }
    if (error instanceof WorkspaceError) {
      io.stderr(`incident-scribe: ${error.message.split('\n')[0]}\n`);
      return EXIT.trouble;
    }
    throw error;
  }
}

/** Runs the export command with `args` (after the command name); resolves to the exit code. */
export function runExport(args: string[], io: CommandIO): Promise<number> {
  return guarded('export', io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', short: 'f', default: false },
      profile: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help) {
      io.stdout(EXPORT_USAGE);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no report file given' : 'export takes one report file');
    if (!isExportFormat(values.to)) {
      throw new UsageError(`${values.to === undefined ? 'missing --to' : `unknown format "${values.to}"`}; choose one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const file = positionals[0];
    if (values.output !== undefined && resolve(io.cwd, values.output) === resolve(io.cwd, file)) {
      throw new WorkspaceError(`refusing to write the export over the report ${file} itself`);
    }
    const config = configFor(file, io, values.config, values.profile);
    const read = readTextFile(resolve(io.cwd, file));
    if (!read.ok) throw new WorkspaceError(`${file}: ${read.reason.replace(/; skipped.*$/, '')}`);
    const { report, findings } = checkReport(file, read.text, new MarkdownParser(), config);
    return emit(exportReport(report, findings, values.to), values.output, values.force === true, io);
  });
}

/** The entry of the command table. */
export const exportCommand = {
  name: 'export',
  summary: 'export a report as Wikitext, HTML or JSON',
  usage: EXPORT_USAGE,
  run: runExport,
};
