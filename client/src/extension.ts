/**
 * The VS Code side of Incident Scribe: it starts the language server (dist/server.js, over IPC),
 * adds the palette commands and the status bar item. Every check lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { ReportStatusBar } from './status-bar.js';

/** The settings section; also the id vscode-languageclient reads `trace.server` under. */
export const CLIENT_ID = 'incidentScribe';

let client: LanguageClient | undefined;

/** Schemes whose Markdown and PHP documents go to the server. */
export function documentSchemes(folders: readonly vscode.WorkspaceFolder[] | undefined): string[] {
  // Virtual workspaces (a remote repository opened without a clone) have their own scheme; open
  // documents there are still checked, only the workspace-wide scan needs a disk.
  return [...new Set(['file', 'untitled', ...(folders ?? []).map((f) => f.uri.scheme)])];
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const schemes = documentSchemes(vscode.workspace.workspaceFolders);
  const clientOptions: LanguageClientOptions = {
    documentSelector: schemes.flatMap((scheme) => [
      { scheme, language: 'markdown' },
      { scheme, language: 'php' },
    ]),
    // No file watcher of its own: the server registers the watchers it needs (configuration and
    // PHP files), and a second watcher here would deliver every change twice.
    synchronize: { configurationSection: CLIENT_ID },
    // The server keeps its PHP key index here, so that the next start reads only changed files.
    initializationOptions: { storagePath: context.storageUri?.fsPath },
  };
  return new LanguageClient(CLIENT_ID, 'Incident Scribe', serverOptions, clientOptions);
}

/** Called by VS Code on the first Markdown or PHP file, or in a workspace with a config file. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  const statusBar = new ReportStatusBar(() => client);
  context.subscriptions.push(statusBar);
  registerCommands(context, {
    client: () => client,
    restart: async () => {
      if (!client) return;
      // A server that failed to start cannot be stopped; start it again instead.
      if (client.needsStop()) await client.stop();
      await client.start();
    },
  });
  try {
    await client.start();
  } catch (error) {
    // A server that does not start must not take the commands and status bar down with it.
    void vscode.window.showErrorMessage(`Incident Scribe: the language server did not start: ${(error as Error).message}`);
  }
  statusBar.update();
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.needsStop()) await stopping.stop();
}
