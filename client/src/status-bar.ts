/**
 * The status bar item of the active report: its front matter status and how many findings the
 * server reported for it. It follows the active editor and the diagnostics; a click shows the
 * metrics.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { frontMatterIsIncident, frontMatterStatus, statusBarText, type FindingCounts } from './presentation.js';

/** The `source` the server puts on its diagnostics. */
export const DIAGNOSTIC_SOURCE = 'incident-scribe';

/** Counts this extension's diagnostics of a document by severity. */
export function countFindings(uri: vscode.Uri): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Whether a Markdown document is a report: by the report globs, front matter, or findings. */
export function isReport(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  const globs = vscode.workspace.getConfiguration('incidentScribe', document.uri).get<string[]>('reportGlobs') ?? [];
  // Report globs are relative to the workspace folder, like `docs/postmortems/*.md`.
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const matches = (glob: string) => vscode.languages.match({ language: 'markdown', pattern: folder ? new vscode.RelativePattern(folder, glob) : glob }, document) > 0;
  if (globs.some(matches)) return true;
  if (frontMatterIsIncident(document.getText(new vscode.Range(0, 0, 60, 0)))) return true;
  return vscode.languages.getDiagnostics(document.uri).some((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** The status bar item; {@link update} is cheap and safe to call on every event. */
export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('incidentScribe.report', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Incident Scribe report';
    this.item.command = 'incidentScribe.showMetrics';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Only edits near the top can change the front matter status.
        if (event.document === vscode.window.activeTextEditor?.document && event.contentChanges.some((c) => c.range.start.line < 60)) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('incidentScribe.reportGlobs')) this.update();
      }),
    );
  }

  /** Shows the item for the active report, hides it otherwise. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isReport(document)) {
      this.item.hide();
      return;
    }
    const status = frontMatterStatus(document.getText(new vscode.Range(0, 0, 60, 0)));
    this.item.text = statusBarText(status, countFindings(document.uri));
    this.item.tooltip = this.client() ? 'Incident Scribe: show the metrics of this report' : 'Incident Scribe: the language server is not running';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
