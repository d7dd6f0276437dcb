/**
 * The export commands: they ask the language server for the export (so every editor exports the
 * same text) and only write, copy or show it. Exports never replace a file without the answer
 * "Replace".
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { SERVER_COMMANDS, type ExportResult, type ServerCommand, type ServerCommandTypes } from '../../server/src/protocol.js';
import { overviewPage, previewPage, reportToOpen } from './webview.js';


/** The formats of one report, with the save dialog's filter label. */
export const FORMAT_LABELS = { wikitext: 'Wikitext', html: 'HTML', json: 'JSON' } as const;
export type ExportFormat = keyof typeof FORMAT_LABELS;


/** Runs a server command through the command the language client registers for it. */
export async function server<C extends ServerCommand>(command: C, ...args: ServerCommandTypes[C]['args']): Promise<ServerCommandTypes[C]['result']> {
  try {
    return await vscode.commands.executeCommand<ServerCommandTypes[C]['result']>(command, ...args);
  } catch (error) {
    throw new Error(`the language server did not answer (${(error as Error).message}); try "Incident Scribe: Restart Server".`);
  }
}

/** The report of the active editor and its export, or undefined after telling the user why not. */
async function exportActive(format: ExportFormat): Promise<{ source: vscode.Uri; result: ExportResult } | undefined> {
  const source = vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showWarningMessage('Incident Scribe: open an incident report to export it.');
    return undefined;
  }
  const result = await server(SERVER_COMMANDS.export, source.toString(), format);
  if (!result) {
    void vscode.window.showInformationMessage('Incident Scribe: this file is not an incident report.');
    return undefined;
  }
  return { source, result };
}

function fileName(uri: vscode.Uri): string {
  return uri.fsPath.split(/[\\/]/).pop() || 'report';
}

/** True when something exists at `uri` (a file, a folder). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** "Export Report as …": a save dialog next to the report, a question before replacing, then the write. */
export async function exportToFile(format: ExportFormat): Promise<void> {
  const exported = await exportActive(format);
  if (!exported) return;
  const { source, result } = exported;
  const name = fileName(source).replace(/\.[^.]*$/, '') + result.extension;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(source, '..', name),
    filters: { [FORMAT_LABELS[format]]: [result.extension.slice(1)] },
    saveLabel: 'Export',
    title: `Export Report as ${FORMAT_LABELS[format]}`,
  });
  if (!target) return;
  if (await exists(target)) {
    // The save dialog asks too, but not on every platform; a replaced file cannot come back.
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target)} already exists. Replace it?`,
      { modal: true, detail: 'Its current content will be lost.' },
      'Replace',
    );
    if (answer !== 'Replace') return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  vscode.window.setStatusBarMessage(`Incident Scribe: exported to ${vscode.workspace.asRelativePath(target)}`, 5000);
}

/** "Copy Wikitext to Clipboard". */
export async function copyWikitext(): Promise<void> {
  const exported = await exportActive('wikitext');
  if (!exported) return;
  await vscode.env.clipboard.writeText(exported.result.content);
  vscode.window.setStatusBarMessage('Incident Scribe: Wikitext copied to the clipboard', 3000);
}

/** "Preview Report as HTML": the HTML export in a webview that runs no script. */
export async function previewHtml(): Promise<void> {
  const exported = await exportActive('html');
  if (!exported) return;
  const panel = vscode.window.createWebviewPanel('incidentScribe.preview', `Preview ${fileName(exported.source)}`, vscode.ViewColumn.Beside, {
    enableScripts: false,
    localResourceRoots: [],
  });
  panel.webview.html = previewPage(exported.result.content, panel.webview.cspSource);
}

/** "Show Incident Overview": the overview page; a click on an incident opens its report. */
export async function showOverview(): Promise<void> {
  const result = await server(SERVER_COMMANDS.overview, 'html');
  const panel = vscode.window.createWebviewPanel('incidentScribe.overview', 'Incident Overview', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [],
  });
  const nonce = randomBytes(16).toString('base64url');
  panel.webview.html = overviewPage(result.content, panel.webview.cspSource, nonce);
  panel.webview.onDidReceiveMessage(async (message: unknown) => {
    // The page is not trusted to name files: only reports the server listed can be opened.
    const report = reportToOpen(message, result.reports ?? []);
    if (report) await vscode.window.showTextDocument(vscode.Uri.parse(report.uri), { viewColumn: vscode.ViewColumn.One });
  });
}
