/**
 * Exports of reports, for the CLI, the language server's `executeCommand` and the editor: pure
 * functions from the core model to text. Nothing here reads or writes files.
 */
import { buildOverview, type OverviewInput } from './overview.js';
import { renderOverviewJson, renderOverviewText, type OverviewFormat } from './overview-render.js';
import { renderOverviewHtml } from './overview-html.js';

/** Renders the overview of many reports as of `now` (ms since the epoch). */
export function exportOverview(inputs: readonly OverviewInput[], format: OverviewFormat, now: number): string {
  const overview = buildOverview(inputs, now);
  if (format === 'json') return renderOverviewJson(overview);
  if (format === 'html') return renderOverviewHtml(overview);
  return renderOverviewText(overview);
}

export { EXPORT_EXTENSIONS, EXPORT_FORMATS, EXPORT_MIME_TYPES, exportReport, isExportFormat, type ExportFormat } from './report-export.js';
export type { OverviewFormat } from './overview-render.js';
export { OVERVIEW_FORMATS } from './overview-render.js';
export type { Overview, OverviewInput } from './overview.js';
