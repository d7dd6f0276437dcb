/**
 * The contract between the VS Code client (and any other client) and the language server: the
 * ids of the server's commands and custom requests, with their argument and result types. Both
 * sides import this module, so an id or a result shape is declared once. Plain data only: no
 * import of `vscode` or `vscode-languageserver`.
 */

/** How long one report analysis took in the server, by document version. */
export interface AnalysisTiming {
  uri: string;
  version: number;
  /** Wall time of the analysis itself (in the worker when there is one), in milliseconds. */
  ms: number;
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
