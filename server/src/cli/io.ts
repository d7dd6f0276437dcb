/**
 * What a command needs from the process, passed in so that commands stay testable and never
 * touch `process` themselves.
 */

/** Streams, environment and working directory of one command-line run. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard output is a terminal (colors are then on unless turned off). */
  stdoutIsTTY: boolean;
  /** True when standard error is a terminal (long commands then show their progress there). */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A command line that cannot be run as given; printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** At least one error-severity finding. */
  findings: 1,
  /** A usage or I/O problem. */
  trouble: 2,
} as const;

/** ANSI styling that turns into plain text when colors are off. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  gray(text: string): string;
  bold(text: string): string;
}

/**
 * Colors are on for a terminal, unless `--no-color` or `NO_COLOR` (https://no-color.org) say
 * otherwise; `FORCE_COLOR` turns them on for a pipe.
 */
export function useColors(io: CliIO, noColorFlag: boolean): boolean {
  if (noColorFlag || (io.env.NO_COLOR ?? '') !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return io.stdoutIsTTY;
}

/** The styling functions for `enabled`. */
export function colors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(36, 39), gray: wrap(90, 39), bold: wrap(1, 22) };
}
