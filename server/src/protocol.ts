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
  /** Timeline entries drafted from logs, merged into a report (or rendered for the cursor). */
  importTimeline: 'incidentScribe.server.importTimeline',
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

/** One source of a timeline import: a file, or a folder's files (a Slack export). */
export interface TimelineImportSource {
  /** As shown to the user in messages: a workspace-relative path, or "clipboard". */
  name: string;
  /** The files' bytes, base64: the server decodes them as `check` does, with the same errors. */
  files: { name: string; base64: string }[];
}

/** What the user chose for an import; the fields of the CLI's flags. */
export interface TimelineImportOptions {
  from?: string;
  zone?: string;
  since?: string;
  until?: string;
  nicks?: string[];
  words?: string[];
  timeColumn?: string;
  textColumn?: string;
}

/** A replacement of a range of the report, in LSP positions. */
export interface TimelineImportEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** The result of an import: the report's edits and new text, or why there is none. */
export type TimelineImportResult =
  | {
      ok: true;
      /** Insertions into the report (one workspace edit; never a change of existing text). */
      edits: TimelineImportEdit[];
      /** The report with the edits applied, for the preview. */
      text: string;
      /** The new entries rendered in the timeline's style, one per line, for pasting at the cursor. */
      lines: string[];
      added: number;
      duplicates: number;
      /** Lines of the sources that could not be read: `file:line: reason`. */
      skipped: string[];
      /** Proposed milestones as sentences, for the author to confirm. */
      proposals: string[];
      zone: string;
    }
  | {
      ok: false;
      /** `zone`: only the log's zone is missing (the client asks for it); else a message to show. */
      kind: 'zone' | 'format' | 'input';
      message: string;
    };

/** The arguments and result of each server command; a null result means "not a report". */
export interface ServerCommandTypes {
  [SERVER_COMMANDS.metrics]: { args: [uri: string]; result: ReportSummary | null };
  [SERVER_COMMANDS.export]: { args: [uri: string, format: ExportFormat]; result: ExportResult | null };
  [SERVER_COMMANDS.overview]: { args: [format?: OverviewFormat]; result: OverviewResult };
  [SERVER_COMMANDS.importTimeline]: { args: [uri: string, sources: TimelineImportSource[], options: TimelineImportOptions]; result: TimelineImportResult | null };
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
