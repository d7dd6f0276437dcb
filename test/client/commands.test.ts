/**
 * The palette commands and the status bar of the bundled extension, driven through a stand-in
 * `vscode` module (test/helpers/fake-vscode.ts) with an in-memory file system.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { createFakeVscode, loadWithFake, type FakeVscode } from '../helpers/fake-vscode.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'extension.cjs');
// A made-up extension folder: its templates live in the fake file system, and since it has no
// dist/server.js on disk no real language server starts.
const EXT = '/fake-extension';
const TEMPLATE = '---\ntype: incident\ntitle: "<title: what broke>"\nstatus: draft\n---\n\n# <title: what broke>\n\n## Summary\n\n<summary>\n';
let fake: FakeVscode;
let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };

const today = () => new Date().toISOString().slice(0, 10);
const run = (id: string, ...args: unknown[]) => fake.commands.get(id)!(...args) as Promise<void>;

before(async () => {
  if (!existsSync(BUNDLE)) assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }).status, 0);
  fake = createFakeVscode();
  extension = loadWithFake(BUNDLE, fake) as typeof extension;
  const Uri = fake.module.Uri as { file(path: string): unknown };
  await extension.activate({ subscriptions: [], extensionUri: Uri.file(EXT) });
});

after(() => extension.deactivate());

beforeEach(() => {
  fake.files.clear();
  fake.files.set(`${EXT}/templates/wikimedia.md`, TEMPLATE);
  fake.files.set(`${EXT}/templates/snippets.code-snippets`, readFileSync(join(ROOT, 'templates', 'snippets.code-snippets'), 'utf8'));
  fake.messages.length = 0;
  fake.shown.length = 0;
  fake.snippets.length = 0;
  fake.settings.clear();
  fake.setFolders(['/ws']);
});

/** Runs "New Incident Report" with `title` and returns the path it created (and opened). */
async function newReport(title: string | undefined): Promise<string | undefined> {
  const before = new Set(fake.files.keys());
  fake.inputs.push(title);
  await run('incidentScribe.newReport');
  const created = [...fake.files.keys()].filter((p) => !before.has(p) && fake.files.get(p) !== 'written by someone else');
  assert.ok(created.length <= 1, created.join(', '));
  if (created[0]) assert.deepEqual(fake.shown.at(-1), created[0]);
  return created[0];
}

test('New Incident Report creates incidents/<date>-<slug>.md from the template', async () => {
  const start = today();
  const path = await newReport('Split brain: "thumbnails" missing');
  assert.ok([`/ws/incidents/${start}-split-brain-thumbnails-missing.md`, `/ws/incidents/${today()}-split-brain-thumbnails-missing.md`].includes(path!), path);
  const text = fake.files.get(path!)!;
  assert.match(text, /^title: "Split brain: \\"thumbnails\\" missing"$/m);
  assert.match(text, /^# Split brain: "thumbnails" missing$/m);
  assert.deepEqual(fake.messages, []);
});

test('New Incident Report never overwrites: it numbers the name, also when a file appears meanwhile', async () => {
  const first = (await newReport('Disk full'))!;
  const stem = first.slice(0, -'.md'.length);
  fake.files.set(first, 'the first report, edited');
  const second = await newReport('Disk full');
  assert.equal(second, `${stem}-2.md`);
  // Someone else creates the -3 file between the check and the write: the write is refused.
  fake.raceOn.add(`${stem}-3.md`);
  const third = await newReport('Disk full');
  assert.equal(third, `${stem}-4.md`);
  assert.equal(fake.files.get(first), 'the first report, edited');
  assert.equal(fake.files.get(`${stem}-3.md`), 'written by someone else');
});

test('New Incident Report: a cancelled title box creates nothing', async () => {
  assert.equal(await newReport(undefined), undefined);
  assert.deepEqual(fake.shown, []);
});

test('New Incident Report uses the profile template, then wikimedia, then the report snippet', async () => {
  fake.settings.set('incidentScribe.profile', 'minimal');
  fake.files.set(`${EXT}/templates/minimal.md`, '# <title>\n\n## Impact\n');
  assert.match(fake.files.get((await newReport('One')) ?? '') ?? '', /^# One\n\n## Impact\n$/);
  fake.settings.set('incidentScribe.profile', 'google-sre');
  assert.match(fake.files.get((await newReport('Two')) ?? '') ?? '', /^# Two$/m);
  fake.files.delete(`${EXT}/templates/wikimedia.md`);
  const fromSnippet = fake.files.get((await newReport('Three')) ?? '') ?? '';
  assert.match(fromSnippet, /^title: "Three"$/m);
  assert.match(fromSnippet, /^## Actionables$/m);
});

/** Runs `command` and returns the UTC minutes (epoch ms) it may have stamped: from the one it started in to now. */
async function stampWindow(command: string): Promise<[number, number]> {
  const asked = Math.floor(Date.now() / 60000) * 60000;
  await run(command);
  return [asked, Date.now()];
}

test('Insert Timeline Entry replaces a blank line with a UTC-stamped entry', async () => {
  fake.openEditor('/ws/incidents/r.md', '# R\n\n## Timeline\n\nAll times in UTC.\n\n- 00:28 Deploy.\n', 7);
  const [asked, answered] = await stampWindow('incidentScribe.insertTimelineEntry');
  assert.equal(fake.snippets.length, 1);
  const stamp = /^- (\d{4}-\d\d-\d\d) (\d\d:\d\d) \$0$/.exec(fake.snippets[0].value);
  assert.ok(stamp, fake.snippets[0].value);
  const at = Date.parse(`${stamp[1]}T${stamp[2]}:00Z`);
  assert.ok(at >= asked && at <= answered, `${fake.snippets[0].value} is now in UTC (${new Date(answered).toISOString()})`);
  assert.deepEqual((fake.snippets[0].at as { start: { line: number } }).start.line, 7);
});

test('Insert Timeline Entry on a line with text adds the entry below it', async () => {
  fake.openEditor('/ws/incidents/r.md', `# R\n\n- ${today()} 00:28 UTC Deploy.\n`, 2);
  const [asked, answered] = await stampWindow('incidentScribe.insertTimelineEntry');
  const stamp = /^\n- (\d\d:\d\d) UTC \$0$/.exec(fake.snippets[0].value);
  assert.ok(stamp, fake.snippets[0].value);
  const minute = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  assert.ok([minute(asked), minute(answered)].includes(stamp[1]), `${fake.snippets[0].value} is now in UTC (${new Date(answered).toISOString()})`);
  const at = fake.snippets[0].at as { line: number; character: number };
  assert.deepEqual({ line: at.line, character: at.character }, { line: 2, character: `- ${today()} 00:28 UTC Deploy.`.length });
});

test('the status bar shows a report\'s status and its own findings only', () => {
  fake.settings.set('incidentScribe.reportGlobs', ['**/incidents/**/*.md']);
  fake.openEditor('/ws/incidents/r.md', '---\nstatus: review\n---\n# R\n');
  const uri = 'file:///ws/incidents/r.md';
  fake.diagnostics.set(uri, [
    { source: 'incident-scribe', severity: 0 },
    { source: 'incident-scribe', severity: 1 },
    { source: 'incident-scribe', severity: 1 },
    { source: 'markdownlint', severity: 1 },
  ]);
  fake.fire('languages.onDidChangeDiagnostics', { uris: [{ toString: () => uri }] });
  const item = fake.statusBarItems[0];
  assert.equal(item.text, '$(checklist) review · 1 error, 2 warnings');
  assert.equal(item.visible, true);
  fake.openEditor('/ws/notes/todo.md', '# Things\n');
  assert.equal(item.visible, false);
});

test('report globs are relative to the workspace folder', () => {
  fake.settings.set('incidentScribe.reportGlobs', ['docs/postmortems/*.md']);
  const item = fake.statusBarItems[0];
  fake.openEditor('/ws/docs/postmortems/outage.md', '# Outage\n');
  assert.equal(item.visible, true);
  assert.equal(item.text, '$(checklist) no status · no findings');
  fake.openEditor('/ws/other/docs/postmortems/outage.md', '# Outage\n');
  assert.equal(item.visible, false);
  fake.openEditor('/elsewhere/notes.md', '---\ntype: incident\n---\n# Outage\n');
  assert.equal(item.visible, true, 'front matter type: incident marks a report anywhere');
});

test('"Fix all auto-fixable problems" asks VS Code to apply the server\'s fix-all code action to the open file', async () => {
  fake.openEditor('/ws/incidents/r.md', '# R\n');
  const before = fake.executed.length;
  await run('incidentScribe.fixAll');
  assert.deepEqual(fake.executed.slice(before), [{ command: 'editor.action.codeAction', args: [{ kind: 'source.fixAll.incidentScribe', apply: 'first' }] }]);
});
