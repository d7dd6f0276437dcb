/**
 * The `incident-scribe` command line: global options and a table of commands, one module each.
 */
import { checkCommand } from './check.js';
import { exportCommand } from './export.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { overviewCommand } from './overview.js';
import { timelineCommand } from './timeline.js';
import { VERSION } from './version.js';

/** One subcommand. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text for `incident-scribe NAME --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Every command; a new command is one module and one line here. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, exportCommand, overviewCommand, timelineCommand];

export { VERSION };

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: incident-scribe <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help       show help (also: incident-scribe <command> --help)',
    '  --version    print the version',
    '',
    'Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or I/O problem.',
    '',
  ].join('\n');
}

/** Runs the command line `args` (without `node` and the script); resolves to the exit code. */
export async function main(args: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    io.stderr(mainUsage());
    return EXIT.trouble;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(mainUsage());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(VERSION + '\n');
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  try {
    if (!command) {
      throw new UsageError(
        first.startsWith('-')
          ? `unknown option ${first} before the command (commands: ${COMMANDS.map((c) => c.name).join(', ')})`
          : `unknown command "${first}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`,
      );
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`incident-scribe: ${error.message} (see incident-scribe ${command ? command.name + ' ' : ''}--help)\n`);
      return EXIT.trouble;
    }
    throw error;
  }
}
