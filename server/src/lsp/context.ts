/**
 * What every feature of one server instance shares. Created by `startServer` for each
 * connection; nothing here lives at module level, so several servers can run in one process.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkdownParser } from '../core/markdown/parse.js';
import type { AnalysisTiming } from '../protocol.js';
import type { ReportWorkers } from '../node/report-workers.js';
import type { Analyzer } from './analysis.js';
import type { ConfigStore } from './config.js';
import type { KeyWorkspace } from './keys.js';

/** What the client said it can do, reduced to the questions the server asks. */
export interface ClientFeatures {
  /** `textDocument/diagnostic`: the client pulls; otherwise the server pushes. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`. */
  diagnosticRefresh: boolean;
  /** `workspace/configuration`. */
  configuration: boolean;
  /** `window/workDoneProgress/create`. */
  workDoneProgress: boolean;
  /** Dynamic registration of `workspace/didChangeWatchedFiles`. */
  watchedFiles: boolean;
  /** Markdown in hovers. */
  markdownHover: boolean;
  /** Snippet syntax in completion items. */
  snippets: boolean;
}

/** Reads {@link ClientFeatures} from the `initialize` request. */
export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities ?? {};
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    watchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    markdownHover: c.textDocument?.hover?.contentFormat?.includes('markdown') ?? false,
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
  };
}

/** Counters that tests and traces read. */
export interface ServerStats {
  /** Full analyses of a report (parse + checks); cache hits do not count. */
  analyses: number;
  /** The most recent analyses and how long each took, oldest first. */
  timings: AnalysisTiming[];
}

/** How many {@link ServerStats.timings} are kept. */
const MAX_TIMINGS = 2000;

/** Records one analysis in `stats`. */
export function recordAnalysis(stats: ServerStats, timing: AnalysisTiming): void {
  stats.analyses++;
  stats.timings.push(timing);
  if (stats.timings.length > MAX_TIMINGS) stats.timings.splice(0, stats.timings.length - MAX_TIMINGS);
}

/** The shared state of one server instance. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  features: ClientFeatures;
  parser: MarkdownParser;
  configs: ConfigStore;
  analyzer: Analyzer;
  /** The analysis workers (reports are analysed and exported there). */
  workers: ReportWorkers;
  /** The PHP key index. */
  keys: KeyWorkspace;
  stats: ServerStats;
}

/**
 * The open document at `uri`, once the configuration is known: every request on a document
 * waits for settings first, so that it is answered under the same rules as its diagnostics.
 */
export async function openDocument(ctx: ServerContext, uri: string): Promise<TextDocument | undefined> {
  await ctx.configs.settled();
  return ctx.documents.get(uri);
}
