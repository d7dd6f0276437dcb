/**
 * Exports of one report: pure functions from the core model to text. Apart from the overview
 * (`index.ts`), whose charts need a large library that a caller exporting one report should not
 * have to load.
 */
import type { Report } from '../report/types.js';
import type { Finding } from '../types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderWikitext } from './wikitext.js';

/** Formats one report exports to. */
export type ExportFormat = 'wikitext' | 'html' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['wikitext', 'html', 'json'];

/** File name extension of each format, for save dialogs and default output names. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { wikitext: '.wiki', html: '.html', json: '.json' };

/** MIME type of each format. */
export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = { wikitext: 'text/x-wiki', html: 'text/html', json: 'application/json' };

/** True when `value` names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Renders one report (with its findings, which the JSON and HTML include) in `format`. */
export function exportReport(report: Report, findings: readonly Finding[], format: ExportFormat): string {
  switch (format) {
    case 'wikitext':
      return renderWikitext(report, findings);
    case 'html':
      return renderHtml(report, findings);
    case 'json':
      return renderJson(report, findings);
  }
}
