/**
 * `incident-scribe export FILE --to wikitext|html|json [-o OUT] [--force]`: prints the export,
 * or writes it atomically to OUT, never replacing an existing file without `--force`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkReport } from '../core/check.js';
import { defaultConfig, type ResolvedConfig } from '../core/config/config.js';
import { EXPORT_FORMATS, exportReport, isExportFormat } from '../core/export/index.js';
import { MarkdownParser } from '../core/markdown/parse.js';
import { FileExistsError, writeFileAtomic } from '../node/write-file.js';

/** Where a command writes, and what it resolves paths against; tests pass their own. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Current time in ms; the overview's "now". */
  now?: () => number;
  /** Configuration to check with; the defaults when absent. */
  config?: ResolvedConfig;
}

/** The process's own streams and folder. */
export function processIO(): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}

export const EXPORT_USAGE = 'usage: incident-scribe export FILE --to wikitext|html|json [-o OUT] [--force]';

const EXPORT_HELP = `${EXPORT_USAGE}

Exports one report for a wiki (wikitext), a browser (html, one self-contained page) or an
incident database (json, described by docs/report.schema.json).

Options:
  --to FORMAT      wikitext, html or json
  -o, --output OUT write to OUT instead of standard output; OUT is written atomically
  -f, --force      replace OUT if it exists (without it an existing file is never replaced)
  -h, --help       show this help

Exit codes: 0 exported, 2 usage or I/O problem.
`;

/** Reads a text file; refuses binary content with a clear message instead of exporting noise. */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  if (bytes.includes(0)) throw new Error('not a text file (it contains NUL bytes)');
  // Invalid UTF-8 becomes U+FFFD: the export shows where the bytes were instead of failing.
  return new TextDecoder('utf-8').decode(bytes);
}

/** One line for stderr about a failed file operation. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a directory';
  return (e.message ?? String(error)).split('\n')[0];
}

/** Writes `text` to `out` (atomically) or to stdout; returns the exit code. */
export async function emit(text: string, out: string | undefined, force: boolean, io: CommandIO, command: string): Promise<number> {
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, out), text, { overwrite: force });
    return 0;
  } catch (error) {
    if (error instanceof FileExistsError) {
      io.stderr(`incident-scribe ${command}: ${out} already exists; use --force to replace it\n`);
    } else {
      io.stderr(`incident-scribe ${command}: cannot write ${out}: ${describeError(error)}\n`);
    }
    return 2;
  }
}

/** Runs the export command with `args` (after the command name); resolves to the exit code. */
export async function run(args: string[], io: CommandIO = processIO()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', short: 'f', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`incident-scribe export: ${(error as Error).message.split('\n')[0]}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`incident-scribe export: ${positionals.length === 0 ? 'no report file given' : 'export takes one report file'}\n${EXPORT_USAGE}\n`);
    return 2;
  }
  if (!isExportFormat(values.to)) {
    const what = values.to === undefined ? 'missing --to' : `unknown format "${values.to}"`;
    io.stderr(`incident-scribe export: ${what}; choose one of ${EXPORT_FORMATS.join(', ')}\n`);
    return 2;
  }
  const file = positionals[0];
  let text: string;
  try {
    text = await readTextFile(resolve(io.cwd, file));
  } catch (error) {
    io.stderr(`incident-scribe export: cannot read ${file}: ${describeError(error)}\n`);
    return 2;
  }
  if (values.output !== undefined && resolve(io.cwd, values.output) === resolve(io.cwd, file)) {
    io.stderr(`incident-scribe export: refusing to write the export over the report ${file} itself\n`);
    return 2;
  }
  const { report, findings } = checkReport(file, text, new MarkdownParser(), io.config ?? defaultConfig());
  return emit(exportReport(report, findings, values.to), values.output, values.force ?? false, io, 'export');
}

/** The entry of the command table. */
export const exportCommand = {
  name: 'export',
  summary: 'export a report as Wikitext, HTML or JSON',
  usage: EXPORT_HELP,
  run: (args: string[], io: CommandIO) => run(args, io),
};
