/**
 * `workspace/executeCommand`. `incidentScribe.server.metrics` answers the client's "Show Incident
 * Metrics" command and its status bar: title, status, metrics and finding counts of one report.
 * The export commands (lsp/export.ts) answer the palette's exports and the overview; the timeline
 * import (lsp/timeline-import.ts) the palette's "Import Timeline from Log…".
 */
import { readFile } from 'node:fs/promises';
import { ErrorCodes, ResponseError, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../core/types.js';
import { cancellable } from './cancellation.js';
import type { ServerContext } from './context.js';
import { SERVER_COMMANDS, type ExportResult, type OverviewResult, type ReportSummary, type TimelineImportResult } from '../protocol.js';
import { exportDocument, workspaceOverview } from './export.js';
import { importIntoDocument } from './timeline-import.js';
import { fileOfUri } from './uris.js';

/** The command ids the server executes. */
export const COMMANDS: string[] = Object.values(SERVER_COMMANDS);
const { metrics: METRICS_COMMAND, export: EXPORT_COMMAND, overview: OVERVIEW_COMMAND, importTimeline: IMPORT_COMMAND } = SERVER_COMMANDS;

async function documentFor(ctx: ServerContext, uri: string): Promise<TextDocument | undefined> {
  const open = ctx.documents.get(uri);
  if (open) return open;
  const path = fileOfUri(uri);
  if (path === uri) return undefined;
  try {
    return TextDocument.create(uri, 'markdown', 0, await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Installs `workspace/executeCommand`. */
export function registerCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(async (params, token, workDone): Promise<ReportSummary | ExportResult | OverviewResult | TimelineImportResult | null> => {
    const command = params?.command;
    if (command === OVERVIEW_COMMAND) {
      await ctx.configs.settled();
      return workspaceOverview(ctx, params.arguments?.[0], token);
    }
    if (command !== METRICS_COMMAND && command !== EXPORT_COMMAND && command !== IMPORT_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${String(command)}`);
    const uri = params.arguments?.[0];
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes the URI of a report as its first argument`);
    await ctx.configs.settled();
    if (command === IMPORT_COMMAND) {
      const doc = await documentFor(ctx, uri);
      if (!doc) return null;
      // The client's own progress token when it sent one, else a progress the server starts.
      const progress = !WorkDoneProgressReporter.isNullInstance(workDone) || !ctx.features.workDoneProgress ? workDone : await ctx.connection.window.createWorkDoneProgress();
      return importIntoDocument(ctx, doc, params.arguments?.[1], params.arguments?.[2], token, progress);
    }
    if (command === EXPORT_COMMAND) {
      const doc = await documentFor(ctx, uri);
      return doc ? exportDocument(ctx, doc, params.arguments?.[1], token) : null;
    }
    const doc = await documentFor(ctx, uri);
    if (!doc) return null;
    return cancellable(token, async (t) => {
      const open = ctx.documents.get(uri) === doc;
      try {
        const analysis = await ctx.analyzer.report(doc, t);
        if (!analysis) return null;
        const { findings, title, status, metrics } = analysis.snapshot;
        const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
        for (const f of findings) counts[f.severity]++;
        return { uri, title, status, metrics, counts };
      } finally {
        // A document read from disk for this one answer must not stay in the cache.
        if (!open) ctx.analyzer.forget(uri);
      }
    });
  });
}
