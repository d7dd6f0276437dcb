/**
 * The palette commands. They stay thin: file naming, entry text and message wording live in
 * pure modules (naming, timeline-entry, presentation, template) that are tested on their own.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { FIX_ALL_KIND } from '../../server/src/core/fix/apply.js';
import { copyWikitext, exists, exportToFile, previewHtml, showOverview } from './exports.js';
import { firstFreeName, reportFileName, utcDate } from './naming.js';
import { SERVER_COMMANDS, type ServerCommandTypes } from '../../server/src/protocol.js';
import { formatMetrics } from './presentation.js';
import { expandSnippet } from './snippet.js';
import { cleanTitle, fillTemplate } from './template.js';
import { timelineEntry } from './timeline-entry.js';
import { importTimeline, pasteTimelineEntries, type ImportArgs } from './timeline-import.js';

/** What the commands need from the extension. */
export interface CommandHost {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
}

/** The folder new reports go into, relative to the workspace folder. */
export const REPORTS_FOLDER = 'incidents';

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          await run(...args);
        } catch (error) {
          void vscode.window.showErrorMessage(`Incident Scribe: ${(error as Error).message}`);
        }
      }),
    );
  register('incidentScribe.newReport', () => newReport(context));
  register('incidentScribe.insertTimelineEntry', () => insertTimelineEntry());
  register('incidentScribe.showMetrics', (uri) => showMetrics(host, uri instanceof vscode.Uri ? uri : undefined));
  register('incidentScribe.exportWikitext', () => exportToFile('wikitext'));
  register('incidentScribe.exportHtml', () => exportToFile('html'));
  register('incidentScribe.exportJson', () => exportToFile('json'));
  register('incidentScribe.copyWikitext', () => copyWikitext());
  register('incidentScribe.previewHtml', () => previewHtml());
  register('incidentScribe.showOverview', () => showOverview());
  register('incidentScribe.fixAll', () => fixAll());
  register('incidentScribe.importTimeline', (args) => importTimeline(context, args as ImportArgs | undefined));
  register('incidentScribe.pasteTimelineEntries', (args) => pasteTimelineEntries(args as ImportArgs | undefined));
  register('incidentScribe.restartServer', async () => {
    await host.restart();
    vscode.window.setStatusBarMessage('Incident Scribe: language server restarted', 3000);
  });
}


/** Applies the server's fix-all to the active editor, through VS Code's own code action command. */
async function fixAll(): Promise<void> {
  if (!vscode.window.activeTextEditor) {
    void vscode.window.showInformationMessage('Incident Scribe: open a report or a PHP file to fix its problems.');
    return;
  }
  await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' });
}

/** The template of the configured profile, the wikimedia one, or the report snippet as text. */
async function loadTemplate(context: vscode.ExtensionContext, profile: string): Promise<string> {
  const templates = vscode.Uri.joinPath(context.extensionUri, 'templates');
  for (const name of [...new Set([profile, 'wikimedia'])]) {
    if (!/^[\w-]+$/.test(name)) continue;
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(templates, `${name}.md`)));
    } catch {
      // Try the next one.
    }
  }
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(templates, 'snippets.code-snippets')))) as Record<
    string,
    { prefix: string | string[]; body: string | string[] }
  >;
  const report = Object.values(snippets).find((s) => [s.prefix].flat().includes('incident'));
  if (!report) throw new Error('no report template ships with this extension');
  // Keep the snippet's placeholders as the values to replace, and let {{title}} take the title.
  return expandSnippet(report.body, { tabstop: (index, placeholder) => (index === 1 ? '{{title}}' : placeholder) });
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new incident report' });
}

/** "New Incident Report": asks for a title, creates `incidents/YYYY-MM-DD-<slug>.md`, opens it. */
async function newReport(context: vscode.ExtensionContext): Promise<void> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Incident Scribe: open a folder first; new reports go into its incidents/ folder.');
    return;
  }
  const title = await vscode.window.showInputBox({
    title: 'New Incident Report',
    prompt: 'Title of the incident',
    placeHolder: 'Thumbnails missing after a cache configuration change',
    validateInput: (value) => (cleanTitle(value) ? undefined : 'The report needs a title'),
  });
  if (title === undefined) return;
  const now = new Date();
  const profile = vscode.workspace.getConfiguration('incidentScribe', folder.uri).get<string>('profile') ?? 'wikimedia';
  const text = fillTemplate(await loadTemplate(context, profile), { title, date: utcDate(now) });
  const dir = vscode.Uri.joinPath(folder.uri, REPORTS_FOLDER);
  let target = await createWithoutOverwrite(dir, reportFileName(title, now), text);
  while (!target) {
    // Every numbered name is taken (or keeps being taken under our feet): let the user choose.
    const picked = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(dir, reportFileName(title, now)), filters: { Markdown: ['md'] }, title: 'Name for the new incident report' });
    if (!picked) return;
    if (await exists(picked)) {
      void vscode.window.showWarningMessage(`Incident Scribe: ${vscode.workspace.asRelativePath(picked)} already exists; it was left as it is.`);
      continue;
    }
    target = (await createFile(picked, text)) ? picked : undefined;
  }
  await vscode.window.showTextDocument(target);
}

/** Creates `dir/name` (or a numbered alternative) and returns it; undefined when all are taken. */
async function createWithoutOverwrite(dir: vscode.Uri, fileName: string, text: string): Promise<vscode.Uri | undefined> {
  const tried = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const name = await firstFreeName(fileName, (candidate) => tried.has(candidate) || exists(vscode.Uri.joinPath(dir, candidate)));
    if (!name) return undefined;
    tried.add(name);
    const uri = vscode.Uri.joinPath(dir, name);
    if (await createFile(uri, text)) return uri;
  }
  return undefined;
}

/** Creates a file that must not exist yet: the edit fails rather than overwrite. */
async function createFile(uri: vscode.Uri, text: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  return vscode.workspace.applyEdit(edit);
}

/** "Insert Timeline Entry (now, UTC)" at the cursor of the active Markdown editor. */
async function insertTimelineEntry(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Incident Scribe: open an incident report to insert a timeline entry.');
    return;
  }
  const document = editor.document;
  const line = document.lineAt(editor.selection.active.line);
  let previousLine: string | undefined;
  for (let n = line.lineNumber - 1; n >= 0; n--) {
    const text = document.lineAt(n).text;
    if (text.trim()) {
      previousLine = text;
      break;
    }
  }
  const entry = timelineEntry(new Date(), { lineText: line.text, previousLine, documentText: document.getText() });
  // VS Code indents the lines after the first of a snippet like the cursor's line, so the new
  // line's own indentation is left to it.
  const snippet = new vscode.SnippetString(entry.newLine ? '\n' + entry.snippet.replace(/^[ \t]+/, '') : entry.snippet);
  await editor.insertSnippet(snippet, entry.newLine ? line.range.end : line.range);
}

/** "Show Incident Metrics": asks the server and shows the answer. */
async function showMetrics(host: CommandHost, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showWarningMessage('Incident Scribe: open an incident report to see its metrics.');
    return;
  }
  const client = host.client();
  if (!client?.isRunning()) throw new Error('the language server is not running; try "Incident Scribe: Restart Server".');
  const args: ServerCommandTypes[typeof SERVER_COMMANDS.metrics]['args'] = [target.toString()];
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.metrics, arguments: args })) as ServerCommandTypes[typeof SERVER_COMMANDS.metrics]['result'];
  if (!result) {
    void vscode.window.showInformationMessage('Incident Scribe: this file is not an incident report.');
    return;
  }
  const { message, detail } = formatMetrics(result);
  // VS Code shows the detail lines only in a modal message; the user asked for them explicitly.
  void vscode.window.showInformationMessage(message, { detail, modal: true });
}
