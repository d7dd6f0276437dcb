/**
 * Entry point of the `incident-scribe` command (bundled to dist/cli.js). Whatever goes wrong ends
 * as one line on stderr and exit code 2, never a stack trace.
 */
import { main } from './cli/main.js';
import { WorkspaceError } from './node/errors.js';

// A reader that closes the pipe early (`| head`) is not an error of the check.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof WorkspaceError ? error.message : `internal error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`incident-scribe: ${message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
