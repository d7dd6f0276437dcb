/**
 * Loads the bundled extension (dist/extension.cjs) under Node with a stand-in `vscode` module and
 * activates it: the commands and the status bar item are registered, a server that cannot start
 * is reported without taking the commands down, and the commands answer sensibly with no editor.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createFakeVscode, loadWithFake, type FakeVscode } from '../helpers/fake-vscode.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'extension.cjs');
// An extension folder without a server: activation must survive it, and no real server starts.
const emptyExtensionDir = mkdtempSync(join(tmpdir(), 'incident-scribe-ext-'));
let fake: FakeVscode;
let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void>; documentSchemes(folders: unknown): string[] };
const context = { subscriptions: [] as { dispose(): void }[], extensionUri: undefined as unknown };

before(async () => {
  if (!existsSync(BUNDLE)) assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }).status, 0);
  fake = createFakeVscode();
  extension = loadWithFake(BUNDLE, fake) as typeof extension;
  context.extensionUri = (fake.module.Uri as { file(path: string): unknown }).file(emptyExtensionDir);
  await extension.activate(context);
});

after(async () => {
  await extension.deactivate();
  rmSync(emptyExtensionDir, { recursive: true, force: true });
});

test('activation registers the palette commands', () => {
  assert.deepEqual([...fake.commands.keys()].sort(), [
    'incidentScribe.copyWikitext',
    'incidentScribe.exportHtml',
    'incidentScribe.exportJson',
    'incidentScribe.exportWikitext',
    'incidentScribe.fixAll',
    'incidentScribe.importTimeline',
    'incidentScribe.insertTimelineEntry',
    'incidentScribe.newReport',
    'incidentScribe.pasteTimelineEntries',
    'incidentScribe.previewHtml',
    'incidentScribe.restartServer',
    'incidentScribe.showMetrics',
    'incidentScribe.showOverview',
  ]);
  assert.ok(context.subscriptions.length >= 5, 'commands and status bar are disposed with the extension');
});

test('the client creates no file watcher: the server registers its own, so each change on disk arrives once', () => {
  assert.deepEqual(fake.watchers, []);
});

test('a server that does not start is reported once by the extension, which keeps running', () => {
  const ours = fake.messages.filter((m) => m.startsWith('Incident Scribe: the language server did not start'));
  assert.equal(ours.length, 1, fake.messages.join('\n'));
});

test('the status bar item opens the metrics and stays hidden without a report', () => {
  assert.equal(fake.statusBarItems.length, 1);
  assert.equal(fake.statusBarItems[0].command, 'incidentScribe.showMetrics');
  assert.equal(fake.statusBarItems[0].visible, false);
});

test('commands without an editor or a folder explain what they need', async () => {
  fake.messages.length = 0;
  await fake.commands.get('incidentScribe.insertTimelineEntry')!();
  await fake.commands.get('incidentScribe.showMetrics')!();
  await fake.commands.get('incidentScribe.newReport')!();
  assert.deepEqual(fake.messages, [
    'Incident Scribe: open an incident report to insert a timeline entry.',
    'Incident Scribe: open an incident report to see its metrics.',
    'Incident Scribe: open a folder first; new reports go into its incidents/ folder.',
  ]);
});

test('restarting a server that cannot start reports it instead of throwing', async () => {
  fake.messages.length = 0;
  await fake.commands.get('incidentScribe.restartServer')!();
  assert.ok(fake.messages.some((m) => m.startsWith('Incident Scribe: ')), fake.messages.join('\n'));
});

test('documents of virtual workspace folders are sent to the server too', () => {
  assert.deepEqual(extension.documentSchemes(undefined), ['file', 'untitled']);
  assert.deepEqual(extension.documentSchemes([{ uri: { scheme: 'vscode-vfs' } }, { uri: { scheme: 'file' } }]), ['file', 'untitled', 'vscode-vfs']);
});
