/**
 * The export palette commands of the bundled extension, driven through the stand-in `vscode`
 * module: each asks the language server's command and writes, copies or shows its answer, and
 * an export never replaces a file without the answer "Replace".
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { createFakeVscode, loadWithFake, type FakeVscode } from '../helpers/fake-vscode.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'extension.cjs');
const REPORT = '/ws/incidents/2026-03-04-thumbnails.md';
const PAGE = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:"><title>T</title></head><body><h1>Thumbnails</h1></body></html>\n`;
const OVERVIEW = PAGE.replace('<h1>Thumbnails</h1>', '<table><tr data-file="incidents/a.md"><td><a href="incidents/a.md" class="report-link">A</a></td></tr></table>');
let fake: FakeVscode;
let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };

const run = (id: string) => fake.commands.get(id)!() as Promise<void>;
const EXPORTS: Record<string, { content: string; extension: string; mimeType: string }> = {
  html: { content: PAGE, extension: '.html', mimeType: 'text/html' },
  json: { content: '{"title":"Thumbnails"}\n', extension: '.json', mimeType: 'application/json' },
  wikitext: { content: '{{irdoc|status=draft}}\n', extension: '.wiki', mimeType: 'text/x-wiki' },
};

before(async () => {
  if (!existsSync(BUNDLE)) assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }).status, 0);
  fake = createFakeVscode();
  extension = loadWithFake(BUNDLE, fake) as typeof extension;
  const Uri = fake.module.Uri as { file(path: string): unknown };
  await extension.activate({ subscriptions: [], extensionUri: Uri.file('/fake-extension') });
});

after(() => extension.deactivate());

beforeEach(() => {
  fake.files.clear();
  fake.messages.length = 0;
  fake.dialogs.length = 0;
  fake.executed.length = 0;
  fake.clipboard.length = 0;
  fake.panels.length = 0;
  fake.shown.length = 0;
  fake.saveAnswers.length = 0;
  fake.warningAnswers.length = 0;
  fake.setFolders(['/ws']);
  fake.openEditor(REPORT, '# Thumbnails\n');
  fake.serverAnswer = (command, args) => {
    if (command === 'incidentScribe.server.export') return EXPORTS[args[1] as string];
    if (command === 'incidentScribe.server.overview') return { ...EXPORTS.html, content: OVERVIEW, reports: [{ file: 'incidents/a.md', uri: 'file:///ws/incidents/a.md' }] };
    throw new Error(`command '${command}' not found`);
  };
});

for (const [id, format, extension] of [
  ['incidentScribe.exportHtml', 'html', '.html'],
  ['incidentScribe.exportJson', 'json', '.json'],
  ['incidentScribe.exportWikitext', 'wikitext', '.wiki'],
] as const) {
  test(`${id} asks the server, offers a file next to the report, and writes the export`, async () => {
    const target = REPORT.replace(/\.md$/, extension);
    fake.saveAnswers.push(target);
    await run(id);
    assert.deepEqual(fake.executed, [{ command: 'incidentScribe.server.export', args: [`file://${REPORT}`, format] }]);
    const dialog = fake.dialogs[0].options as { defaultUri: { fsPath: string }; filters: Record<string, string[]> };
    assert.equal(dialog.defaultUri.fsPath, target);
    assert.deepEqual(Object.values(dialog.filters), [[extension.slice(1)]]);
    assert.equal(fake.files.get(target), EXPORTS[format].content);
    assert.equal(fake.dialogs.length, 1, 'no question when the file is new');
  });
}

test('export over an existing file writes only after the answer "Replace"', async () => {
  const target = '/ws/incidents/out.html';
  fake.files.set(target, 'an earlier export, edited by hand');
  fake.saveAnswers.push(target);
  fake.warningAnswers.push(undefined);
  await run('incidentScribe.exportHtml');
  assert.equal(fake.files.get(target), 'an earlier export, edited by hand', 'dismissing the question keeps the file');
  const question = fake.dialogs.find((d) => d.kind === 'warning')!;
  assert.match(question.message!, /out\.html already exists\. Replace it\?/);
  assert.equal((question.options as { modal: boolean }).modal, true);
  assert.deepEqual(question.buttons, ['Replace']);

  fake.saveAnswers.push(target);
  fake.warningAnswers.push('Replace');
  await run('incidentScribe.exportHtml');
  assert.equal(fake.files.get(target), PAGE);
});

test('a cancelled save dialog writes nothing', async () => {
  fake.saveAnswers.push(undefined);
  await run('incidentScribe.exportJson');
  assert.deepEqual([...fake.files.keys()], []);
});

test('export of a file that is not a report, or without an editor, explains and writes nothing', async () => {
  fake.serverAnswer = () => null;
  await run('incidentScribe.exportHtml');
  assert.deepEqual(fake.messages, ['Incident Scribe: this file is not an incident report.']);
  assert.equal(fake.dialogs.length, 0);
  (fake.module.window as { activeTextEditor: unknown }).activeTextEditor = undefined;
  await run('incidentScribe.exportWikitext');
  assert.equal(fake.messages.at(-1), 'Incident Scribe: open an incident report to export it.');
  assert.deepEqual([...fake.files.keys()], []);
});

test('a server that does not answer is reported, nothing is written', async () => {
  fake.serverAnswer = () => {
    throw new Error("command 'incidentScribe.server.export' not found");
  };
  fake.saveAnswers.push('/ws/out.html');
  await run('incidentScribe.exportHtml');
  assert.match(fake.messages.at(-1)!, /^Incident Scribe: the language server did not answer .*Restart Server/);
  assert.deepEqual([...fake.files.keys()], []);
});

test('Copy Wikitext to Clipboard copies the server\'s Wikitext', async () => {
  await run('incidentScribe.copyWikitext');
  assert.deepEqual(fake.executed, [{ command: 'incidentScribe.server.export', args: [`file://${REPORT}`, 'wikitext'] }]);
  assert.deepEqual(fake.clipboard, [EXPORTS.wikitext.content]);
});

test('Preview Report as HTML shows the export in a webview without scripts and with a strict policy', async () => {
  await run('incidentScribe.previewHtml');
  assert.equal(fake.panels.length, 1);
  const panel = fake.panels[0];
  assert.equal(panel.options.enableScripts, false);
  assert.deepEqual(panel.options.localResourceRoots, []);
  assert.ok(panel.html.includes(`content="default-src 'none'; style-src 'unsafe-inline' https://webview.test; img-src data:"`), panel.html);
  assert.ok(panel.html.includes('<h1>Thumbnails</h1>'));
  assert.doesNotMatch(panel.html, /<script/i);
});

test('Show Incident Overview: a nonce script; a click opens a listed report and nothing else', async () => {
  await run('incidentScribe.showOverview');
  assert.deepEqual(fake.executed, [{ command: 'incidentScribe.server.overview', args: ['html'] }]);
  const panel = fake.panels[0];
  assert.equal(panel.options.enableScripts, true);
  const policies = [...panel.html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(policies.length, 1, 'the page\'s own script-less policy is replaced, not kept beside');
  const nonce = /script-src 'nonce-([^']+)'/.exec(policies[0])?.[1];
  assert.ok(nonce && nonce.length >= 16, policies[0]);
  assert.match(policies[0], /^default-src 'none'; /);
  const scripts = [...panel.html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  assert.deepEqual(scripts, [` nonce="${nonce}"`]);

  await panel.post({ type: 'open', file: '../../etc/passwd' });
  await panel.post({ type: 'open', file: '/ws/incidents/a.md' });
  await panel.post('incidents/a.md');
  assert.deepEqual(fake.shown, []);
  await panel.post({ type: 'open', file: 'incidents/a.md' });
  assert.deepEqual(fake.shown, ['/ws/incidents/a.md']);
});
