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

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
