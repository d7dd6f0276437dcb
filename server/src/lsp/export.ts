/**
 * `incidentScribe.server.export` and `incidentScribe.server.overview`: the exports of the core
 * (`core/export`) for any LSP editor. Open documents are exported as they are in the editor,
 * closed ones as they are on disk, always with the configuration the diagnostics use.
 */
import { basename, relative } from 'node:path';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  EXPORT_EXTENSIONS,
  EXPORT_MIME_TYPES,
  exportOverview,
  exportReport,
  isExportFormat,
  OVERVIEW_FORMATS,
  type OverviewFormat,
  type OverviewInput,
} from '../core/export/index.js';
import { checkReport } from '../core/check.js';
import { ownersListOf } from '../core/owners/index.js';
import { buildReport } from '../core/report/model.js';
import { throwIfCancelled } from '../core/types.js';
import { readTextFile } from '../node/read.js';
import { collectFiles, toPosix } from '../node/walk.js';
import { SERVER_COMMANDS, type ExportResult, type OverviewResult } from '../protocol.js';
import { cancellable } from './cancellation.js';
import type { ServerContext } from './context.js';
import { fileOfUri, uriOfFile } from './uris.js';

const EXPORT_COMMAND = SERVER_COMMANDS.export;
const OVERVIEW_COMMAND = SERVER_COMMANDS.overview;

const OVERVIEW_META: Record<OverviewFormat, { extension: string; mimeType: string }> = {
  text: { extension: '.txt', mimeType: 'text/plain' },
  json: { extension: '.json', mimeType: 'application/json' },
  html: { extension: '.html', mimeType: 'text/html' },
};

/** Exports one report; null when the document is not a report (or cannot be read). */
export function exportDocument(ctx: ServerContext, doc: TextDocument, format: unknown, token: CancellationToken): Promise<ExportResult | null> {
  if (!isExportFormat(format)) throw new ResponseError(ErrorCodes.InvalidParams, `${EXPORT_COMMAND}: the format must be wikitext, html or json (got ${JSON.stringify(format)})`);
  return cancellable(token, (t) => {
    const { kind, place } = ctx.analyzer.info(doc);
    if (!ctx.documents.get(doc.uri)) ctx.analyzer.forget(doc.uri);
    if (kind !== 'report') return null;
    // An export needs the Markdown tree, which analysis snapshots do not carry: it is checked here,
    // once per export.
    const { report, findings } = checkReport(fileOfUri(doc.uri), doc.getText(), ctx.parser, place.config, t);
    return { content: exportReport(report, findings, format), extension: EXPORT_EXTENSIONS[format], mimeType: EXPORT_MIME_TYPES[format] };
  });
}

/** The overview of every report in the workspace folders, found as `incident-scribe check` finds them. */
export function workspaceOverview(ctx: ServerContext, format: unknown, token: CancellationToken, now = Date.now()): Promise<OverviewResult> {
  const chosen = format ?? 'html';
  if (typeof chosen !== 'string' || !(OVERVIEW_FORMATS as readonly string[]).includes(chosen)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${OVERVIEW_COMMAND}: the format must be one of ${OVERVIEW_FORMATS.join(', ')} (got ${JSON.stringify(format)})`);
  }
  return cancellable(token, async (t) => {
    const folders = ctx.configs.folderPaths();
    const inputs: OverviewInput[] = [];
    const reports: OverviewResult['reports'] = [];
    for (const folder of folders) {
      const config = ctx.configs.place(uriOfFile(folder + '/workspace.md')).config;
      const files = await collectFiles({ root: folder, config, paths: [folder], cwd: folder, collect: { reports: true, php: false }, token: t });
      for (const abs of files.reports) {
        throwIfCancelled(t);
        const uri = uriOfFile(abs);
        const open = ctx.documents.get(uri);
        let text = open?.getText();
        if (text === undefined) {
          const read = readTextFile(abs);
          if (!read.ok) {
            ctx.connection.console.warn(`Incident Scribe: ${abs}: ${read.reason}`);
            continue;
          }
          text = read.text;
        }
        // With several folders the folder name keeps equal relative paths apart.
        const rel = toPosix(relative(folder, abs));
        const file = folders.length > 1 ? `${basename(folder)}/${rel}` : rel;
        inputs.push({ file, report: buildReport(fileOfUri(uri), text, ctx.parser, config, t), owners: ownersListOf(config) });
        reports.push({ file, uri });
      }
    }
    const f = chosen as OverviewFormat;
    return { content: exportOverview(inputs, f, now), ...OVERVIEW_META[f], reports };
  });
}
