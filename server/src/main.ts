/**
 * `incident-scribe-lsp`: the language server's entry point. `--stdio` for any editor; VS Code
 * starts it with `--node-ipc`. The transport is chosen by vscode-languageserver from the
 * arguments.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const USAGE = `usage: incident-scribe-lsp --stdio
Incident Scribe language server: diagnostics, quick fixes, hovers and more for incident reports
(Markdown) and PHP cache keys. Editors start it with one transport flag:
  --stdio               JSON-RPC over stdin/stdout (any LSP editor)
  --node-ipc            Node IPC (what VS Code uses)
  --socket=PORT         a TCP socket
  --pipe=NAME           a named pipe
Limits of the report analysis (in worker threads):
  --analysis-threads=N  worker threads (0: analyse on the main thread)
  --analysis-timeout=MS a report whose analysis runs longer is not checked (default 120000)
  --analysis-memory=MB  heap limit of each worker; a worker that exceeds it is replaced
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('incident-scribe-lsp: no transport given.\n' + USAGE);
  process.exit(2);
}

/** The value of `--name=N` as a non-negative integer, undefined when absent; exits on a bad value. */
function numberOption(name: string): number | undefined {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`incident-scribe-lsp: --${name} takes a whole number, got ${arg}\n`);
    process.exit(2);
  }
  return value;
}

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  workers: { threads: numberOption('analysis-threads'), timeoutMs: numberOption('analysis-timeout'), memoryMb: numberOption('analysis-memory') },
});
connection.listen();
