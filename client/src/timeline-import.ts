/**
 * "Import Timeline from Log…" and "Paste as Timeline Entries". The language server reads the
 * logs and computes the edit (server/src/lsp/timeline-import.ts); the client only picks the
 * sources, asks for a zone when a log has none, shows the result in a diff editor, and applies it
 * as one workspace edit, so that one undo takes it back.
 */
import * as vscode from 'vscode';
import { SERVER_COMMANDS, type TimelineImportOptions, type TimelineImportResult, type TimelineImportSource } from '../../server/src/protocol.js';
import { server } from './exports.js';

/** The scheme of the preview documents shown on the right of the diff. */
const PREVIEW_SCHEME = 'incident-scribe-import';
const previews = new Map<string, string>();
let providerRegistered = false;
let previewCount = 0;

/** Registers the preview content provider on first use. */
function previewProvider(context: vscode.ExtensionContext): void {
  if (providerRegistered) return;
  providerRegistered = true;
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' }));
}

/** Arguments a keybinding or another extension may pass instead of answering the pickers. */
export interface ImportArgs {
  /** Files or folders (paths or URIs) to import. */
  files?: (string | vscode.Uri)[];
  zone?: string;
  from?: string;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A file as an import source; a folder with its JSON files (a Slack export). */
async function readSource(uri: vscode.Uri): Promise<TimelineImportSource> {
  const name = vscode.workspace.asRelativePath(uri);
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.Directory) === 0) return { name, files: [{ name, base64: toBase64(await vscode.workspace.fs.readFile(uri)) }] };
  const files: TimelineImportSource['files'] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    for (const [child, type] of (await vscode.workspace.fs.readDirectory(dir)).sort(([a], [b]) => a.localeCompare(b))) {
      const path = vscode.Uri.joinPath(dir, child);
      if (type & vscode.FileType.Directory) await walk(path);
      else if (child.endsWith('.json')) files.push({ name: vscode.workspace.asRelativePath(path), base64: toBase64(await vscode.workspace.fs.readFile(path)) });
    }
  };
  await walk(uri);
  return { name, files };
}

/** The sources the user picks: files and folders, or the clipboard. */
async function pickSources(args: ImportArgs | undefined): Promise<TimelineImportSource[] | undefined> {
  if (args?.files?.length) return Promise.all(args.files.map((f) => readSource(typeof f === 'string' ? vscode.Uri.file(f) : f)));
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'From files…', description: 'SAL wikitext, IRC logs, a Slack export folder, git log, alert history', id: 'files' },
      { label: 'From the clipboard', description: 'log lines copied from a channel or a page', id: 'clipboard' },
    ],
    { title: 'Import Timeline from Log', placeHolder: 'Where are the log lines?' },
  );
  if (!choice) return undefined;
  if (choice.id === 'clipboard') return [clipboardSource(await vscode.env.clipboard.readText())];
  const uris = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Import',
    title: 'Logs to import into the timeline',
  });
  return uris?.length ? Promise.all(uris.map(readSource)) : undefined;
}

function clipboardSource(text: string): TimelineImportSource {
  return { name: 'clipboard', files: [{ name: 'clipboard', base64: toBase64(new TextEncoder().encode(text)) }] };
}

/**
 * Asks the server; when a log has no zone, asks the user for one and asks the server again.
 * Undefined after telling the user why there is nothing to apply.
 */
async function ask(document: vscode.TextDocument, sources: TimelineImportSource[], options: TimelineImportOptions): Promise<Extract<TimelineImportResult, { ok: true }> | undefined> {
  for (;;) {
    const result = await server(SERVER_COMMANDS.importTimeline, document.uri.toString(), sources, options);
    if (!result) throw new Error('the report could not be read');
    if (result.ok) return result;
    if (result.kind !== 'zone') throw new Error(result.message);
    const zone = await vscode.window.showInputBox({
      title: 'Time zone of the log',
      prompt: `${result.message.replace(/; give it with --zone.*$/, '')}. Which zone are its times in?`,
      placeHolder: 'UTC, Europe/Berlin, America/Los_Angeles, +02:00',
      validateInput: (value) => (value.trim() ? undefined : 'Name a zone'),
    });
    if (zone === undefined) return undefined;
    options = { ...options, zone: zone.trim() };
  }
}

function summary(result: Extract<TimelineImportResult, { ok: true }>): string {
  const parts = [`${result.added} new ${result.added === 1 ? 'entry' : 'entries'} (times in ${result.zone})`];
  if (result.duplicates) parts.push(`${result.duplicates} already in the timeline`);
  if (result.skipped.length) parts.push(`${result.skipped.length} unreadable ${result.skipped.length === 1 ? 'line' : 'lines'} skipped (${result.skipped.slice(0, 3).join('; ')})`);
  if (result.proposals.length) parts.push(`proposed milestones: ${result.proposals.join('; ')}`);
  return parts.join('; ');
}

/** "Import Timeline from Log…": see the module comment. */
export async function importTimeline(context: vscode.ExtensionContext, args?: ImportArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Incident Scribe: open the incident report to import the timeline into.');
    return;
  }
  const document = editor.document;
  const sources = await pickSources(args);
  if (!sources) return;
  const version = document.version;
  const result = await ask(document, sources, { zone: args?.zone, from: args?.from });
  if (!result) return;
  if (result.added === 0) {
    void vscode.window.showInformationMessage(`Incident Scribe: nothing to import; ${summary(result)}.`);
    return;
  }
  previewProvider(context);
  const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: document.uri.path, query: String(++previewCount) });
  previews.set(preview.toString(), result.text);
  const name = vscode.workspace.asRelativePath(document.uri);
  await vscode.commands.executeCommand('vscode.diff', document.uri, preview, `${name.split('/').pop()} ↔ imported timeline`, { preview: true });
  try {
    const answer = await vscode.window.showInformationMessage(`Incident Scribe: add to the timeline of ${name}: ${summary(result)}.`, 'Apply', 'Cancel');
    if (answer !== 'Apply') return;
    if (document.version !== version) throw new Error(`${name} changed while the import was shown; run the import again`);
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${name} was refused`);
    vscode.window.setStatusBarMessage(`Incident Scribe: ${result.added} timeline entries imported; Undo takes them back`, 5000);
  } finally {
    await closePreview(preview);
    previews.delete(preview.toString());
    await vscode.window.showTextDocument(document, { preview: false });
  }
}

/** Closes the diff tab showing `preview`. */
async function closePreview(preview: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === preview.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** "Paste as Timeline Entries": the clipboard's log lines, as entries of this report, at the cursor. */
export async function pasteTimelineEntries(args?: ImportArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Incident Scribe: open an incident report to paste timeline entries into.');
    return;
  }
  const text = await vscode.env.clipboard.readText();
  if (!text.trim()) {
    void vscode.window.showInformationMessage('Incident Scribe: the clipboard is empty.');
    return;
  }
  const result = await ask(editor.document, [clipboardSource(text)], { zone: args?.zone, from: args?.from });
  if (!result) return;
  if (result.added === 0) {
    void vscode.window.showInformationMessage(`Incident Scribe: nothing to paste; ${summary(result)}.`);
    return;
  }
  const at = editor.selection.active;
  const line = editor.document.lineAt(at.line);
  // On an empty line the entries go there; otherwise on the lines after the cursor's.
  const pasted = result.lines.join('\n');
  await editor.edit((b) => (line.isEmptyOrWhitespace ? b.replace(line.range, pasted) : b.insert(line.range.end, '\n' + pasted)));
  if (result.skipped.length || result.proposals.length) void vscode.window.showInformationMessage(`Incident Scribe: ${summary(result)}.`);
}
