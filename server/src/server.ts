/**
 * The language server: wires the protocol to the features in `lsp/`. `startServer` keeps all of
 * its state in the instance it creates, so a process (or a test) can run several servers.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkdownParser } from './core/markdown/parse.js';
import { Analyzer } from './lsp/analysis.js';
import { FIX_ALL_KIND, registerCodeActions } from './lsp/code-actions.js';
import { registerCodeLens } from './lsp/code-lens.js';
import { COMMANDS, registerCommands } from './lsp/commands.js';
import { COMPLETION_TRIGGERS, registerCompletion } from './lsp/completion.js';
import { ConfigStore } from './lsp/config.js';
import { readClientFeatures, type ClientFeatures, type ServerContext, type ServerStats } from './lsp/context.js';
import { Diagnostics, type DiagnosticsOptions } from './lsp/diagnostics.js';
import { registerHover } from './lsp/hover.js';
import { KeyWorkspace, storagePathOf } from './lsp/keys.js';
import { isPhpPath } from './core/keys/php-path.js';
import { registerSymbols } from './lsp/symbols.js';
import { ReportWorkers, type ReportWorkersOptions } from './node/report-workers.js';
import { ANALYSIS_STATS_REQUEST, type AnalysisStats } from './protocol.js';

/** Options of {@link startServer}; the defaults suit editors. */
export interface ServerOptions {
  diagnostics?: DiagnosticsOptions;
  /** The report analysis workers: threads, time limit, memory limit. */
  workers?: ReportWorkersOptions;
}

/** What the caller of {@link startServer} can observe. */
export interface ServerHandle {
  stats: ServerStats;
}

/** Glob of the files whose changes on disk the server needs to hear about. */
const WATCHED = ['**/.incident-scribe.{json,yaml,yml}', '**/*.{php,inc,phtml}', '**/CODEOWNERS', '**/*{owners,OWNERS,maintainers,MAINTAINERS,Maintainers}*'];

/** Starts a server on `connection` (not yet listening: the caller calls `connection.listen()`). */
export function startServer(connection: Connection, options: ServerOptions = {}): ServerHandle {
  const documents = new TextDocuments(TextDocument);
  const stats: ServerStats = { analyses: 0, timings: [] };
  const features: ClientFeatures = readClientFeatures({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: null });
  const parser = new MarkdownParser();
  let diagnostics: Diagnostics | undefined;
  let keys: KeyWorkspace | undefined;
  const configs = new ConfigStore(connection, features, () => {
    diagnostics?.refreshAll();
    // Builders and excluded folders may have changed: the key index is rebuilt in the background.
    void keys?.scan();
  });
  const workers = new ReportWorkers({ ...options.workers, log: (message) => connection.console.error(message) });
  const analyzer = new Analyzer(configs, workers, stats);
  const ctx = { connection, documents, features, parser, configs, analyzer, workers, stats } as ServerContext;
  diagnostics = new Diagnostics(ctx, options.diagnostics);
  keys = ctx.keys = new KeyWorkspace(ctx, (files) => diagnostics.filesAffected(files));
  let folders: WorkspaceFolder[] = [];
  let clientSupportsFolderEvents = false;

  connection.onInitialize((params): InitializeResult => {
    Object.assign(features, readClientFeatures(params));
    folders = params.workspaceFolders ?? [];
    configs.setFolders(folders, params.rootUri);
    configs.setPushedSettings(params.initializationOptions);
    keys.storagePath = storagePathOf(params.initializationOptions);
    clientSupportsFolderEvents = params.capabilities?.workspace?.workspaceFolders === true;
    diagnostics.register();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(features.pullDiagnostics ? { diagnosticProvider: { identifier: 'incident-scribe', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'Incident Scribe' },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        executeCommandProvider: { commands: COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'incident-scribe' },
    };
  });

  connection.onInitialized(() => {
    if (features.watchedFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
    if (clientSupportsFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added];
        configs.setFolders(folders);
        void configs.reload();
      });
    }
    void configs.reload();
  });

  connection.onDidChangeConfiguration((params) => {
    if (!features.configuration) configs.setPushedSettings(params.settings);
    void configs.reload();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes = Array.isArray(params?.changes) ? params.changes.filter((c) => typeof c?.uri === 'string') : [];
    if (changes.some((c) => configs.isConfigFile(c.uri))) void configs.reload();
    const php = changes.filter((c) => isPhpPath(c.uri)).map((c) => c.uri);
    if (php.length) void keys.filesChanged(php);
  });

  documents.onDidChangeContent(({ document }) => diagnostics.changed(document));
  documents.onDidSave(({ document }) => {
    if (configs.isConfigFile(document.uri)) void configs.reload();
  });
  documents.onDidClose(({ document }) => {
    analyzer.forget(document.uri);
    diagnostics.closed(document.uri);
    void keys.closed(document.uri);
  });

  registerCodeActions(ctx);
  registerHover(ctx);
  registerCodeLens(ctx);
  registerSymbols(ctx);
  registerCompletion(ctx);
  registerCommands(ctx);

  connection.onRequest(ANALYSIS_STATS_REQUEST, (): AnalysisStats => ({ pullDelayMs: diagnostics.pullDelayMs, timings: stats.timings }));

  connection.onShutdown(() => {
    diagnostics.dispose();
    keys.dispose();
    workers.dispose();
  });
  documents.listen(connection);
  return { stats };
}
