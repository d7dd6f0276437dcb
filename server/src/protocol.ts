/**
 * The contract between the VS Code client (and any other client) and the language server: the
 * ids of the server's commands and custom requests, with their argument and result types. Both
 * sides import this module, so an id or a result shape is declared once. Plain data only: no
 * import of `vscode` or `vscode-languageserver`.
 */
import type { ExportFormat, OverviewFormat } from './core/export/index.js';
import type { Metrics } from './core/report/types.js';
import type { Severity } from './core/types.js';

/** The ids of the commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  /** Title, status, metrics and finding counts of one report (the status bar, "Show Incident Metrics"). */
  metrics: 'incidentScribe.server.metrics',
  /** One report as wikitext, HTML or JSON. */
  export: 'incidentScribe.server.export',
  /** Every report of the workspace on one page. */
  overview: 'incidentScribe.server.overview',
} as const;

/** A server command id. */
export type ServerCommand = (typeof SERVER_COMMANDS)[keyof typeof SERVER_COMMANDS];

/** What the metrics command returns for a report. */
export interface ReportSummary {
  uri: string;
  title?: string;
  /** Front matter `status` (draft, review, final), when given. */
  status?: string;
  metrics: Metrics;
  counts: Record<Severity, number>;
}

/** What the export command returns: the text and how to name and label it. */
export interface ExportResult {
  content: string;
  /** File name extension with its dot (`.html`). */
  extension: string;
  mimeType: string;
}

/** What the overview command returns: the page plus the reports it links to. */
export interface OverviewResult extends ExportResult {
  /** Every report in the overview: `file` as the page shows it (its `data-file`), `uri` to open it. */
  reports: { file: string; uri: string }[];
}

/** The arguments and result of each server command; a null result means "not a report". */
export interface ServerCommandTypes {
  [SERVER_COMMANDS.metrics]: { args: [uri: string]; result: ReportSummary | null };
  [SERVER_COMMANDS.export]: { args: [uri: string, format: ExportFormat]; result: ExportResult | null };
  [SERVER_COMMANDS.overview]: { args: [format?: OverviewFormat]; result: OverviewResult };
}

/** How long one report analysis took in the server, by document version. */
export interface AnalysisTiming {
  uri: string;
  version: number;
  /** Wall time of the analysis itself (in the worker when there is one), in milliseconds. */
  ms: number;
  /** CPU time of the thread that ran the analysis, in milliseconds, where the system reports it (Linux). */
  cpuMs?: number;
  /** Chunks of the report, and how many of them were read again (the others kept their facts from the version before). */
  chunks?: { total: number; analysed: number };
}

/** Result of {@link ANALYSIS_STATS_REQUEST}: what the server did, for benchmarks and traces. */
export interface AnalysisStats {
  /** The server's intentional wait before a diagnostic pull analyses a version it has not seen. */
  pullDelayMs: number;
  /** The most recent analyses, oldest first (a bounded list). */
  timings: AnalysisTiming[];
}

/** Custom request (no parameters) answered with {@link AnalysisStats}. */
export const ANALYSIS_STATS_REQUEST = 'incidentScribe/analysisStats';
